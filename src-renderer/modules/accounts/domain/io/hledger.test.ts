import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountPath, toHledgerJournal, type HledgerEntry } from './hledger';

/**
 * A tiny reader of the journal subset we write, following hledger's rules: a transaction
 * starts at a dated line, postings are indented, the account ends at two spaces, and the
 * amount is "NUMBER COMMODITY". Sums are kept in minor units per commodity.
 */
function readHledger(text: string) {
  const precision = new Map<string, number>();
  const txns: {
    date: string;
    description: string;
    postings: { account: string; minor: number; commodity: string }[];
  }[] = [];
  for (const raw of text.split('\n')) {
    if (raw.startsWith('commodity ')) {
      const m = /^commodity (-?\d+)(?:\.(\d+))? ([A-Z]{3})$/.exec(raw);
      if (!m) throw new Error(`bad commodity directive: ${raw}`);
      precision.set(m[3]!, (m[2] ?? '').length);
      continue;
    }
    if (/^\d{4}-\d{2}-\d{2} /.test(raw)) {
      txns.push({ date: raw.slice(0, 10), description: raw.slice(11), postings: [] });
      continue;
    }
    if (raw.trim() === '' || raw.trim().startsWith(';')) continue;
    if (!/^\s+/.test(raw)) throw new Error(`unexpected line: ${raw}`);
    const m = /^\s+(\S(?:\S| (?! ))*) {2,}\s*(-?)(\d+)(?:\.(\d+))? ([A-Z]{3})$/.exec(raw);
    if (!m) throw new Error(`bad posting: ${JSON.stringify(raw)}`);
    const commodity = m[5]!;
    const frac = m[4] ?? '';
    if (frac.length !== (precision.get(commodity) ?? -1))
      throw new Error(`precision of ${commodity} differs from its directive: ${raw}`);
    const minor = Number(m[3]! + frac) * (m[2] ? -1 : 1);
    txns.at(-1)!.postings.push({ account: m[1]!, minor, commodity });
  }
  return txns;
}

function sums(t: { postings: { minor: number; commodity: string }[] }) {
  const m = new Map<string, number>();
  for (const p of t.postings) m.set(p.commodity, (m.get(p.commodity) ?? 0) + p.minor);
  return m;
}

describe('hledger export', () => {
  it('builds colon-separated account names without stray colons or double spaces', () => {
    expect(
      accountPath(
        { code: '1200', name: 'Main bank' },
        [{ code: '1000', name: 'Current assets' }],
        'asset',
      ),
    ).toBe('Assets:Current assets:1200 Main bank');
    expect(accountPath({ code: '4000', name: 'Sales:  EU; net' }, [], 'income')).toBe(
      'Income:4000 Sales- EU, net',
    );
    expect(
      accountPath(
        { code: '2100', name: 'Accruals' },
        [
          { code: '2', name: 'Liab: short' },
          { code: '21', name: 'Other' },
        ],
        'liability',
      ),
    ).toBe('Liabilities:Liab- short:Other:2100 Accruals');
  });

  it('writes a journal with headers, aligned postings and the currency decimals', () => {
    const text = toHledgerJournal([
      {
        date: '2026-03-31',
        number: 'NYC-A-JE-000042',
        memo: 'Rent; March\naccrual',
        reference: 'ADJ-1',
        lines: [
          { account: 'Expenses:6100 Rent', amountMinor: 123450, currency: 'USD' },
          { account: 'Liabilities:2100 Accruals', amountMinor: -123450, currency: 'USD' },
        ],
      },
      {
        date: '2026-04-01',
        number: null,
        memo: '',
        reference: 'FX-9',
        lines: [
          { account: 'Assets:1210 Yen account', amountMinor: 1500, currency: 'JPY' },
          { account: 'Income:4000 Sales', amountMinor: -1500, currency: 'JPY' },
        ],
      },
    ]);
    expect(text).toBe(
      [
        'commodity 1000 JPY',
        'commodity 1000.00 USD',
        '',
        '2026-03-31 NYC-A-JE-000042 | Rent, March accrual',
        '    ; reference: ADJ-1',
        '    Expenses:6100 Rent              1234.50 USD',
        '    Liabilities:2100 Accruals      -1234.50 USD',
        '',
        '2026-04-01 FX-9',
        '    Assets:1210 Yen account          1500 JPY',
        '    Income:4000 Sales               -1500 JPY',
        '',
      ].join('\n'),
    );
  });

  it('refuses to export an entry that does not balance', () => {
    expect(() =>
      toHledgerJournal([
        {
          date: '2026-03-31',
          number: 'X-1',
          memo: '',
          reference: '',
          lines: [{ account: 'Assets:1', amountMinor: 5, currency: 'USD' }],
        },
      ]),
    ).toThrow(/X-1.*0\.05 USD/);
  });

  it('round-trips random balanced entries: every transaction sums to zero per commodity', () => {
    const nameArb = fc.string({ minLength: 1, maxLength: 20 });
    const entryArb = fc
      .record({
        date: fc.constantFrom('2026-01-31', '2026-02-28', '2026-03-31'),
        number: fc.option(fc.stringMatching(/^[A-Z]{3}-[A-Z]-JE-\d{6}$/), { nil: null }),
        memo: fc.string({ maxLength: 40 }),
        reference: fc.string({ maxLength: 10 }),
        groups: fc.array(
          fc.record({
            currency: fc.constantFrom('USD', 'JPY', 'KWD'),
            amounts: fc.array(fc.integer({ min: -1e12, max: 1e12 }), {
              minLength: 1,
              maxLength: 4,
            }),
          }),
          { minLength: 1, maxLength: 2 },
        ),
        names: fc.array(nameArb, { minLength: 6, maxLength: 6 }),
      })
      .map(({ groups, names, ...e }): HledgerEntry => ({
        ...e,
        lines: groups.flatMap((g, gi) => {
          const total = g.amounts.reduce((s, a) => s + a, 0);
          return [...g.amounts, total === 0 ? 0 : -total].map((amountMinor, i) => ({
            account: accountPath(
              { code: `${gi}${i}`, name: names[i % names.length]! },
              [{ code: 'G', name: names[(i + 1) % names.length]! }],
              'asset',
            ),
            amountMinor,
            currency: g.currency,
          }));
        }),
      }));
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 5 }), (entries) => {
        const txns = readHledger(toHledgerJournal(entries));
        expect(txns).toHaveLength(entries.length);
        txns.forEach((t, i) => {
          const e = entries[i]!;
          expect(t.date).toBe(e.date);
          expect(t.postings.map((p) => [p.minor, p.commodity])).toEqual(
            e.lines.map((l) => [l.amountMinor, l.currency]),
          );
          for (const total of sums(t).values()) expect(total).toBe(0);
        });
      }),
      { numRuns: 200 },
    );
  });
});
