import { describe, expect, it } from 'vitest';
import { generateJournalEntries } from './generate';
import { generateLedger } from './ledger-generator';

describe('bench data generator', () => {
  it('makes balanced, unique, deterministic entries', () => {
    const a = generateJournalEntries(500, { branchCode: 'NYC' });
    const b = generateJournalEntries(500, { branchCode: 'NYC' });
    expect(a).toEqual(b);
    expect(new Set(a.map((d) => d._id)).size).toBe(500);
    for (const doc of a) {
      const lines = doc.lines as { debit: number; credit: number }[];
      const debit = lines.reduce((s, l) => s + l.debit, 0);
      const credit = lines.reduce((s, l) => s + l.credit, 0);
      expect(debit).toBe(credit);
      expect(Number.isSafeInteger(debit)).toBe(true);
    }
  });
});

describe('ledger generator', () => {
  it('reaches at least the target number of ledger lines, balanced, over every branch and year', () => {
    const entries = [
      ...generateLedger({
        branches: ['NYC', 'BOS'],
        years: 5,
        firstYear: 2021,
        targetLines: 50_000,
      }),
    ];
    const lines = entries.reduce((n, e) => n + e.lines.length, 0);
    expect(lines).toBeGreaterThanOrEqual(50_000);
    expect(lines).toBeLessThan(53_000);
    expect(new Set(entries.map((e) => e.date.slice(0, 4)))).toEqual(
      new Set(['2021', '2022', '2023', '2024', '2025']),
    );
    expect(new Set(entries.map((e) => e.branch))).toEqual(new Set(['NYC', 'BOS']));
    for (const e of entries) expect(e.lines.reduce((n, l) => n + l.debit - l.credit, 0)).toBe(0);
  });
});
