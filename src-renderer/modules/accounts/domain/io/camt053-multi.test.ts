import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCamt053, parseCamt053Accounts } from './camt053';

/** camt053-daily.xml: one Stmt per booking day in one file, as EBICS delivers camt.053.001.02. */
const daily = readFileSync(new URL('./fixtures/camt053-daily.xml', import.meta.url), 'utf8');

describe('camt.053 files holding several statements', () => {
  it('reads the days of one account as one statement, first opening to last closing', () => {
    const r = parseCamt053(daily);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((i) => [i.date, i.amount, i.counterparty])).toEqual([
      ['2026-03-02', 357_000, 'Müller & Söhne GmbH'],
      ['2026-03-03', -141_281, 'Stadtwerke Köln'],
      ['2026-03-03', -1250, 'Sparkasse'],
      ['2026-03-03', 1250, 'Sparkasse'],
    ]);
    expect(r.meta).toMatchObject({
      iban: 'DE89370400440532013000',
      currency: 'EUR',
      openingBalance: 1_000_000,
      closingBalance: 1_215_719,
      closingDate: '2026-03-03',
      periodStart: '2026-03-02',
      periodEnd: '2026-03-03',
    });
    expect(r.warnings).toEqual([]);
  });

  it('puts the days in date order when the bank lists the newest first', () => {
    const [head, first, second] = daily.split(/(?=<Stmt>)/);
    const reordered = head! + second!.replace('</BkToCstmrStmt>', first! + '</BkToCstmrStmt>');
    expect(reordered.indexOf('<ElctrncSeqNb>42')).toBeLessThan(
      reordered.indexOf('<ElctrncSeqNb>41'),
    );
    const r = parseCamt053(reordered);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items[0]!.date).toBe('2026-03-02');
    expect(r.meta.closingBalance).toBe(1_215_719);
  });

  it('refuses statements for two accounts, naming both IBANs', () => {
    const twoAccounts = daily.replace(
      /(<Stmt>[\s\S]*?<Stmt>[\s\S]*?)DE89370400440532013000/,
      '$1DE02120300000000202051',
    );
    const r = parseCamt053(twoAccounts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(
      /2 bank accounts \(DE89370400440532013000, DE02120300000000202051\)/,
    );
  });
});

describe('camt.053 statements missing a currency or a balance', () => {
  const bare = readFileSync(new URL('./fixtures/camt053-v02.xml', import.meta.url), 'utf8')
    .replace('<Ccy>EUR</Ccy>', '')
    .replace(/ Ccy="EUR"/g, '');

  it("uses the bank account's currency when the file names none, with a warning", () => {
    expect(parseCamt053(bare).ok).toBe(false);
    const r = parseCamt053(bare, { currency: 'EUR' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.meta.currency).toBe('EUR');
    expect(r.warnings[0]!.message).toMatch(/currency EUR was assumed/);
  });

  it('imports the lines with a warning when the closing balance amount is empty', () => {
    const r = parseCamt053(daily.replace('<Amt Ccy="EUR">12157.19</Amt>', '<Amt Ccy="EUR"></Amt>'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items).toHaveLength(4);
    expect(r.meta.closingBalance).toBeNull();
    expect(r.warnings.map((w) => w.message)).toContain(
      'The statement gives no closing balance amount; the lines were imported without it.',
    );
  });
});

describe('camt.053 files for several accounts, split for routing', () => {
  const twoAccounts = readFileSync(
    new URL('./fixtures/camt053-two-accounts.xml', import.meta.url),
    'utf8',
  );

  it('gives each IBAN its own statement with its own balances', () => {
    const r = parseCamt053Accounts(twoAccounts);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(
      r.statements.map((s) => [
        s.meta.iban,
        s.meta.openingBalance,
        s.meta.closingBalance,
        s.items.length,
      ]),
    ).toEqual([
      ['DE89370400440532013000', 1_000_000, 1_357_000, 1],
      ['DE02120300000000202051', 250_000, 108_719, 1],
    ]);
    expect(r.statements.flatMap((s) => s.warnings)).toEqual([]);
  });
});
