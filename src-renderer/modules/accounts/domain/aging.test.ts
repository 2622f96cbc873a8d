import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS, ageBucket, agedBalances, daysBetween } from './aging';

describe('ageBucket', () => {
  it('counts days past the due date', () => {
    const due = '2026-03-31';
    expect(ageBucket(due, '2026-03-01')).toBe('current');
    expect(ageBucket(due, '2026-03-31')).toBe('current');
    expect(ageBucket(due, '2026-04-01')).toBe('1-30');
    expect(ageBucket(due, '2026-04-30')).toBe('1-30'); // 30 days
    expect(ageBucket(due, '2026-05-01')).toBe('31-60');
    expect(ageBucket(due, '2026-05-30')).toBe('31-60'); // 60 days
    expect(ageBucket(due, '2026-05-31')).toBe('61-90');
    expect(ageBucket(due, '2026-06-29')).toBe('61-90'); // 90 days
    expect(ageBucket(due, '2026-06-30')).toBe('90+');
  });

  it('counts calendar days across leap years and daylight-saving changes', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-12-31')).toBe(365);
  });

  it('refuses text that is not a date', () => {
    expect(() => ageBucket('2026-02-30', '2026-03-01')).toThrow(/Not a date/);
  });
});

describe('agedBalances', () => {
  it('one row per party, sorted, credits reducing their bucket, nothing for settled items', () => {
    const rows = agedBalances(
      [
        { partyId: 'party:B', dueDate: '2026-03-31', open: 10_000 },
        { partyId: 'party:A', dueDate: '2026-01-15', open: 5_000 },
        { partyId: 'party:B', dueDate: '2026-05-15', open: 2_500 },
        { partyId: 'party:B', dueDate: '2026-04-20', open: -1_000 }, // a credit note
        { partyId: 'party:C', dueDate: '2026-01-01', open: 0 },
      ],
      '2026-04-30',
    );
    expect(rows).toEqual([
      {
        partyId: 'party:A',
        buckets: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 5_000 },
        total: 5_000,
      },
      {
        partyId: 'party:B',
        buckets: { current: 2_500, '1-30': 9_000, '31-60': 0, '61-90': 0, '90+': 0 },
        total: 11_500,
      },
    ]);
  });

  it('each row totals its buckets and all rows total the items (property)', () => {
    const item = fc.record({
      partyId: fc.constantFrom('party:A', 'party:B', 'party:C'),
      dueDate: fc
        .integer({ min: 0, max: 400 })
        .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
      open: fc.integer({ min: -1e9, max: 1e9 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const rows = agedBalances(items, '2026-09-30');
        for (const r of rows)
          expect(AGE_BUCKETS.reduce((s, k) => s + r.buckets[k], 0)).toBe(r.total);
        expect(rows.reduce((s, r) => s + r.total, 0)).toBe(items.reduce((s, i) => s + i.open, 0));
      }),
    );
  });
});
