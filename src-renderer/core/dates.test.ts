import { describe, expect, it } from 'vitest';
import { fiscalYearStart, isIsoDate, todayLocal } from './dates';

describe('accounting dates', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
  });

  it('finds the start of the fiscal year that contains a date', () => {
    expect(fiscalYearStart('2026-03-31', 4)).toBe('2025-04-01');
    expect(fiscalYearStart('2026-04-01', 4)).toBe('2026-04-01');
    expect(fiscalYearStart('2026-12-31', 1)).toBe('2026-01-01');
  });

  it('uses the clerk’s local calendar day', () => {
    expect(todayLocal(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
  });
});
