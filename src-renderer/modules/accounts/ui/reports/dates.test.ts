import { describe, expect, it } from 'vitest';
import {
  addDays,
  fiscalYearStart,
  isIsoDate,
  previousPeriod,
  todayIso,
  yearEarlier,
} from './dates';

describe('report dates', () => {
  it('finds the start of the fiscal year containing today', () => {
    expect(fiscalYearStart('2026-11-25', 4)).toBe('2026-04-01');
    expect(fiscalYearStart('2026-03-31', 4)).toBe('2025-04-01');
    expect(fiscalYearStart('2026-01-01', 1)).toBe('2026-01-01');
  });

  it('gives the same-length period right before', () => {
    expect(previousPeriod('2026-04-01', '2026-06-30')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(previousPeriod('2024-03-01', '2024-03-01')).toEqual({
      from: '2024-02-29',
      to: '2024-02-29',
    });
    expect(previousPeriod('2026-01-01', '2026-12-31')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod('2026-04-01', '2026-11-25')).toEqual({
      from: '2025-08-05',
      to: '2026-03-31',
    });
    expect(previousPeriod('2026-01-10', '2026-01-19')).toEqual({
      from: '2025-12-31',
      to: '2026-01-09',
    });
  });

  it('goes back a year, clamping 29 February', () => {
    expect(yearEarlier('2026-11-25')).toBe('2025-11-25');
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
  });

  it('does calendar arithmetic without time-zone drift', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });
});
