import { describe, expect, it } from 'vitest';
import { generateJournalEntries } from './generate';

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
