import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../../../core/money';
import {
  alreadyImported,
  JOURNAL_CSV_COLUMNS,
  journalCsvTemplate,
  parseJournalCsv,
  type ImportedEntry,
  type JournalCsvContext,
} from './journal-csv';
import type { ImportResult } from './report';

const ctx: JournalCsvContext = {
  baseCurrency: 'USD',
  accountCodes: new Set(['1100', '1200', '2100', '4000', '6100', 'CASH-EU']),
  partyCodes: new Map([
    ['C-0042', 'party:01HX42'],
    ['S-0007', 'party:01HX07'],
  ]),
  branches: new Set(['NYC', 'LON']),
  defaultBranch: 'NYC',
  lockDate: '2026-02-28',
};

const HEADER = 'date,entry reference,account code,debit,credit,currency,memo,party,branch';

function problemsOf<T>(r: ImportResult<T>) {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

describe('parseJournalCsv', () => {
  it('reads the template into exact entries', () => {
    const r = parseJournalCsv(journalCsvTemplate(), ctx);
    expect(r).toEqual({
      ok: true,
      warnings: [],
      items: [
        {
          reference: 'ADJ-0001',
          date: '2026-03-31',
          currency: 'USD',
          rate: null,
          memo: 'March rent accrual',
          branch: 'NYC',
          lines: [
            { account: '6100', debit: 125000, credit: 0, party: null, memo: 'March rent accrual' },
            { account: '2100', debit: 0, credit: 125000, party: null, memo: 'March rent accrual' },
          ],
          sourceLines: [2, 3],
        },
        {
          reference: 'ADJ-0002',
          date: '2026-03-31',
          currency: 'USD',
          rate: null,
          memo: 'Invoice 1043 correction',
          branch: 'NYC',
          lines: [
            {
              account: '1100',
              debit: 48000,
              credit: 0,
              party: 'party:01HX42',
              memo: 'Invoice 1043 correction',
            },
            {
              account: '4000',
              debit: 0,
              credit: 48000,
              party: null,
              memo: 'Invoice 1043 correction',
            },
          ],
          sourceLines: [4, 5],
        },
      ],
    });
  });

  it('documents every column the parser reads, and the template uses them all', () => {
    const header = journalCsvTemplate().split('\r\n')[0];
    expect(header).toBe(JOURNAL_CSV_COLUMNS.map((c) => c.name).join(','));
    for (const c of JOURNAL_CSV_COLUMNS) expect(c.description.length).toBeGreaterThan(10);
  });

  it('accepts semicolons, CRLF, BOM, any column order and case, interleaved entries and 0/3-decimal currencies', () => {
    const text =
      '\ufeffMemo;Debit;Credit;Account Code;Entry Reference;DATE;Currency;Branch\r\n' +
      'Yen float;1500;;1200;E1;2026-03-05;jpy;lon\r\n' +
      ';;1500;4000;E1;2026-03-05;JPY;LON\r\n' +
      'Dinar;"1,000.250";;cash-eu;E2;2026-03-06;KWD;\r\n' +
      ';;1000.25;4000;E2;2026-03-06;KWD;\r\n';
    const r = parseJournalCsv(text, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(
      r.items.map((e) => [
        e.reference,
        e.currency,
        e.branch,
        e.lines.map((l) => l.debit - l.credit),
      ]),
    ).toEqual([
      ['E1', 'JPY', 'LON', [1500, -1500]],
      ['E2', 'KWD', 'NYC', [1000250, -1000250]],
    ]);
    expect(r.items[1]!.lines[0]!.account).toBe('CASH-EU');
  });

  it('warns about unknown columns but imports', () => {
    const r = parseJournalCsv(
      `${HEADER},notes\n2026-03-01,A,1200,1.00,,,,,,x\n2026-03-01,A,4000,,1.00,,,,,\n`,
      ctx,
    );
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.warnings).toEqual([
        { line: 1, column: 'notes', message: expect.stringContaining('ignored') },
      ]);
  });

  it('refuses a file with a missing column, naming it', () => {
    const problems = problemsOf(
      parseJournalCsv('date,entry reference,account code,debit\n2026-03-01,A,1200,1\n', ctx),
    );
    expect(problems).toEqual([
      { line: 1, column: 'credit', message: expect.stringContaining('no "credit" column') },
    ]);
  });

  it('reports every bad line at once, with line numbers, and returns no items', () => {
    const text = [
      HEADER,
      '31/03/2026,A,1200,10.00,,,,,', // 2 bad date format
      '2026-03-31,A,9999,,10.00,,,,', // 3 unknown account
      '2026-03-31,B,1200,10.005,,,,,', // 4 too many decimals
      '2026-03-31,B,4000,abc,,,,,', // 5 not an amount
      '2026-03-31,C,1200,5.00,5.00,,,,', // 6 both debit and credit
      '2026-03-31,C,4000,,,,,,', // 7 neither
      '2026-02-28,D,1200,1.00,,,,X-1,PAR', // 8 locked date, unknown party, unknown branch
      '2026-03-31,D,4000,,1.00,,,,', // 9 date differs within entry
      '2026-03-31,E,1200,1,234.00,,,,', // 10 unquoted thousands separator spills into credit
      '2026-03-31,E,4000,,-5.00,,,,', // 11 negative
      '2026-03-31,F,1200,1.00,,USDX,,,', // 12 bad currency
      ',G,1200,1.00,,,,,', // 13 empty date
    ].join('\n');
    const r = parseJournalCsv(text, ctx);
    expect('items' in r).toBe(false);
    const problems = problemsOf(r);
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.column);
    expect(at(2)).toEqual(['date']);
    expect(problems.find((p) => p.line === 2)!.message).toMatch(/YYYY-MM-DD/);
    expect(at(3)).toEqual(['account code']);
    expect(at(4)).toEqual(['debit']);
    expect(problems.find((p) => p.line === 4)!.message).toMatch(/more than 2 decimals/);
    expect(at(5)).toEqual(['debit']);
    expect(at(6)).toEqual(['debit']);
    expect(problems.find((p) => p.line === 6)!.message).toMatch(/both a debit and a credit/);
    expect(at(7)).toEqual(['debit']);
    expect(problems.find((p) => p.line === 7)!.message).toMatch(/neither/);
    expect(at(8)).toEqual(['date', 'party', 'branch']);
    expect(problems.find((p) => p.line === 8)!.message).toMatch(/lock date 2026-02-28/);
    expect(at(9)).toEqual(['date']);
    expect(at(10)).toEqual(['debit']);
    expect(at(11)).toEqual(['credit']);
    expect(at(12)).toEqual(['currency', 'entry reference']);
    expect(at(13)).toEqual(['date', 'entry reference']);
    expect(problems.find((p) => p.line === 13 && p.column === 'entry reference')!.message).toMatch(
      /only one line/,
    );
  });

  it('names the reference and the difference of an unbalanced entry', () => {
    const text = `${HEADER}\n2026-03-31,JE-7,1200,100.00,,,,,\n2026-03-31,JE-7,4000,,90.50,,,,\n2026-03-31,OK,1200,1,,,,,\n2026-03-31,OK,4000,,1,,,,\n`;
    const problems = problemsOf(parseJournalCsv(text, ctx));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 'entry reference' });
    expect(problems[0]!.message).toContain('"JE-7"');
    expect(problems[0]!.message).toContain('9.50 USD');
    expect(problems[0]!.message).toContain('lines 2, 3');
  });

  it('refuses an empty file and a header without lines', () => {
    expect(problemsOf(parseJournalCsv('', ctx))[0]!.line).toBe(1);
    expect(problemsOf(parseJournalCsv(`${HEADER}\r\n`, ctx))[0]!.message).toMatch(/no lines/);
  });

  it('parses a large file in one pass', () => {
    const rows = [HEADER];
    for (let i = 0; i < 5000; i++)
      rows.push(
        `2026-03-31,R${i},1200,${i}.25,,,memo ${i},,`,
        `2026-03-31,R${i},4000,,${i}.25,,,,`,
      );
    const r = parseJournalCsv(rows.join('\n'), ctx);
    expect(r.ok && r.items.length).toBe(5000);
  });
});

// ── Property: what a simple writer produces reads back unchanged ─────────────

const CURRENCIES = ['USD', 'JPY', 'KWD', 'EUR'];
const ACCOUNTS = ['1100', '1200', '2100', '4000', '6100'];
const PARTIES = [...ctx.partyCodes.entries()];

function field(v: string): string {
  return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

function writeCsv(entries: ImportedEntry[], partyCodeOf: Map<string, string>): string {
  const out = [HEADER];
  for (const e of entries) {
    for (const l of e.lines) {
      const amount = (n: number) =>
        n === 0 ? '' : toDecimalString({ amount: n, currency: e.currency });
      const party = l.party === null ? '' : (partyCodeOf.get(l.party) ?? '');
      out.push(
        [
          e.date,
          e.reference,
          l.account,
          amount(l.debit),
          amount(l.credit),
          e.currency,
          l.memo,
          party,
          e.branch,
        ]
          .map(field)
          .join(','),
      );
    }
  }
  return out.join('\r\n') + '\r\n';
}

const memoArb = fc.string({ maxLength: 30 }).map((s) => s.trim());
const lineArb = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  amount: fc.integer({ min: 1, max: 10_000_000_000 }),
  party: fc.option(fc.constantFrom(...PARTIES.map(([, id]) => id)), { nil: null }),
  memo: memoArb,
});
const entryArb = fc
  .record({
    date: fc
      .date({
        min: new Date('2026-03-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
    currency: fc.constantFrom(...CURRENCIES),
    branch: fc.constantFrom('NYC', 'LON'),
    debits: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
    credits: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  })
  .map(({ date, currency, branch, debits, credits }) => {
    // Balance by scaling the last credit: the generated debits total decides the entry size.
    const total = debits.reduce((s, l) => s + l.amount, 0);
    const others = credits
      .slice(0, -1)
      .map((l, i) => ({ ...l, amount: Math.max(1, Math.floor(total / (credits.length + i + 1))) }));
    const used = others.reduce((s, l) => s + l.amount, 0);
    const last = { ...credits[credits.length - 1]!, amount: total - used };
    const creditLines = last.amount > 0 ? [...others, last] : [{ ...last, amount: total }];
    return { date, currency, branch, debits, credits: creditLines };
  });

describe('journal CSV round trip', () => {
  it('reads back exactly what a simple writer wrote, for random balanced entries', () => {
    const partyCodeOf = new Map(PARTIES.map(([code, id]) => [id, code]));
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), (raw) => {
        const entries: ImportedEntry[] = raw.map((r, i) => {
          const lines = [
            ...r.debits.map((l) => ({
              account: l.account,
              debit: l.amount,
              credit: 0,
              party: l.party,
              memo: l.memo,
            })),
            ...r.credits.map((l) => ({
              account: l.account,
              debit: 0,
              credit: l.amount,
              party: l.party,
              memo: l.memo,
            })),
          ];
          const firstRow =
            2 + raw.slice(0, i).reduce((s, e) => s + e.debits.length + e.credits.length, 0);
          return {
            reference: `JE-${i}`,
            date: r.date,
            currency: r.currency,
            rate: null,
            memo: lines.find((l) => l.memo !== '')?.memo ?? '',
            branch: r.branch,
            lines,
            sourceLines: lines.map((_, k) => firstRow + k),
          };
        });
        const text = writeCsv(entries, partyCodeOf);
        const multiLine = entries.some((e) => e.lines.some((l) => /[\r\n]/.test(l.memo)));
        const result = parseJournalCsv(text, { ...ctx, lockDate: null });
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        if (multiLine)
          expect(result.items.map(({ sourceLines: _s, ...e }) => e)).toEqual(
            entries.map(({ sourceLines: _s, ...e }) => e),
          );
        else expect(result.items).toEqual(entries);
      }),
      { numRuns: 200 },
    );
  });
});

describe('entries imported before', () => {
  const entry = (reference: string, date: string, line: number, branch = 'NYC'): ImportedEntry => ({
    reference,
    date,
    branch,
    currency: 'USD',
    rate: null,
    memo: '',
    sourceLines: [line, line + 1],
    lines: [
      { account: '1200', debit: 100, credit: 0, party: null, memo: '' },
      { account: '4100', debit: 0, credit: 100, party: null, memo: '' },
    ],
  });

  it('match on branch, date and reference together', () => {
    const prior = [
      { reference: 'S-1', date: '2026-04-03', branch: 'NYC', number: 'NYC-A-JE-000007' },
    ];
    expect(alreadyImported([entry('S-1', '2026-04-03', 2)], prior)).toEqual([
      {
        line: 2,
        column: 'entry reference',
        message:
          'Entry S-1 of 2026-04-03 was imported before, as NYC-A-JE-000007. Remove it from the file, or reverse NYC-A-JE-000007 first to import it again.',
      },
    ]);
    expect(alreadyImported([entry('S-1', '2026-04-04', 2)], prior)).toEqual([]);
    expect(alreadyImported([entry('S-1', '2026-04-03', 2, 'BOS')], prior)).toEqual([]);
    expect(alreadyImported([entry('S-2', '2026-04-03', 2)], prior)).toEqual([]);
  });

  it('say first, once, when the whole file was imported before, then list the entries in file order', () => {
    const items = [entry('S-2', '2026-04-03', 4), entry('S-1', '2026-04-03', 2)];
    const prior = items.map((e, i) => ({
      reference: e.reference,
      date: e.date,
      branch: e.branch,
      number: `NYC-A-JE-00000${i}`,
    }));
    const problems = alreadyImported(items, prior);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 4]);
    expect(problems[0]!.message).toBe(
      'Every entry in this file was imported before (2 entries): this file has already been imported. Nothing was imported now.',
    );
  });
});
