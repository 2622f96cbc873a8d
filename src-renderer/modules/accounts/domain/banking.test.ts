import { describe, expect, it } from 'vitest';
import {
  matchTokens,
  reconciliationSummary,
  suggestMatches,
  validateMatch,
  type LedgerCandidate,
  type StatementCandidate,
} from './banking';

const bank = (
  id: string,
  date: string,
  amount: number,
  description = '',
  reference = '',
): StatementCandidate => ({
  id,
  date,
  amount,
  description,
  reference,
  counterparty: '',
});
const book = (
  id: string,
  date: string,
  amount: number,
  number = '',
  memo = '',
  related: string[] = [],
): LedgerCandidate => ({
  id,
  date,
  amount,
  memo,
  number,
  reference: '',
  related,
});

describe('matchTokens', () => {
  it('lets "INV 42" meet a padded document number', () => {
    const a = matchTokens('Payment INV 42 thanks');
    const b = matchTokens('NYC-A-INV-000042');
    expect([...a].filter((t) => b.has(t))).toContain('inv42');
  });
});

describe('suggestMatches', () => {
  it('suggests the receipt recorded for an invoice: same amount, two days apart, the invoice number quoted', () => {
    const [s] = suggestMatches(
      [bank('st#1', '2026-03-04', 12_000, 'ACME TRADING INV-000042')],
      [
        book('rcpt:1#0', '2026-03-02', 12_000, 'NYC-A-RCPT-000007', '', ['NYC-A-INV-000042']),
        book('rcpt:2#0', '2026-03-04', 9_000, 'NYC-A-RCPT-000008'),
      ],
    );
    expect(s!.suggestions[0]).toMatchObject({
      ledgerLines: ['rcpt:1#0'],
      reason: 'Same amount, 2 days apart, reference NYC-A-INV-000042',
    });
  });

  it('a bank fee has nothing in the books yet, so nothing is suggested', () => {
    const [s] = suggestMatches(
      [bank('st#fee', '2026-03-31', -1_550, 'MONTHLY SERVICE FEE')],
      [book('je:1#0', '2026-03-30', -1_250, 'JE-1')],
    );
    expect(s!.suggestions).toEqual([]);
  });

  it('ignores entries more than a week away', () => {
    const [s] = suggestMatches(
      [bank('st#1', '2026-03-20', -5_000)],
      [book('je:1#0', '2026-03-10', -5_000)],
    );
    expect(s!.suggestions).toEqual([]);
  });

  it('pairs near-duplicates by date: two equal coffees on different days each get their own entry', () => {
    const out = suggestMatches(
      [bank('st#a', '2026-03-03', -450, 'Kaffee'), bank('st#b', '2026-03-06', -450, 'Kaffee')],
      [
        book('je:x#0', '2026-03-06', -450, 'JE-9', 'Coffee'),
        book('je:y#0', '2026-03-03', -450, 'JE-8', 'Coffee'),
      ],
    );
    expect(out.map((o) => [o.statementLine, o.suggestions[0]?.ledgerLines])).toEqual([
      ['st#a', ['je:y#0']],
      ['st#b', ['je:x#0']],
    ]);
    expect(out[0]!.suggestions[0]!.reason).toBe('Same amount, same day');
  });

  it('offers two payments that together make one bank receipt', () => {
    const [s] = suggestMatches(
      [bank('st#1', '2026-03-02', 12_500, 'ACME INV 1043 & 1044')],
      [
        book('p:1#0', '2026-03-01', 7_500, 'RCPT-1', '', ['INV-1043']),
        book('p:2#0', '2026-03-01', 5_000, 'RCPT-2', '', ['INV-1044']),
        book('p:3#0', '2026-03-01', 4_000, 'RCPT-3'),
      ],
    );
    expect(s!.suggestions[0]).toMatchObject({
      ledgerLines: ['p:1#0', 'p:2#0'],
      reason: 'Two entries add up to the amount, 1 day apart, reference INV-1043 and INV-1044',
    });
  });
});

describe('validateMatch', () => {
  it('accepts one receipt matched to the payments of two invoices (one-to-many)', () => {
    expect(validateMatch([12_500], [7_500, 5_000])).toEqual({ ok: true, total: 12_500 });
  });

  it('accepts several bank lines against one entry (many-to-one)', () => {
    expect(validateMatch([-450, -450], [-900])).toMatchObject({ ok: true });
  });

  it('refuses totals that differ and says by how much', () => {
    const r = validateMatch([12_500], [7_500, 4_900], 'USD');
    expect(r).toMatchObject({ ok: false, difference: 100 });
    if (!r.ok) expect(r.message).toMatch(/125\.00 .*124\.00.*difference of 1\.00 USD/);
  });

  it('refuses an empty side and several-with-several', () => {
    expect(validateMatch([], [100])).toMatchObject({ ok: false });
    expect(validateMatch([50, 50], [60, 40])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not several with several/),
    });
  });
});

describe('reconciliationSummary', () => {
  it('shows the difference between the bank and the books, zero once everything is booked', () => {
    expect(
      reconciliationSummary({
        statementClosing: 45_230_25,
        matched: 11_250_00,
        unmatchedStatement: -20_25,
        bookBalance: 45_250_50,
      }),
    ).toEqual({
      statementBalance: 45_230_25,
      bookBalance: 45_250_50,
      reconciled: 11_250_00,
      unreconciled: -20_25,
      difference: -20_25,
      balanced: false,
    });
    expect(
      reconciliationSummary({
        statementClosing: 100,
        matched: 100,
        unmatchedStatement: 0,
        bookBalance: 100,
      }),
    ).toMatchObject({ difference: 0, balanced: true });
    expect(
      reconciliationSummary({
        statementClosing: null,
        matched: 0,
        unmatchedStatement: 5,
        bookBalance: 0,
      }),
    ).toMatchObject({ difference: null, balanced: false });
  });
});
