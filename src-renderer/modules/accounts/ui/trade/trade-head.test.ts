import { describe, expect, it } from 'vitest';
import { addDays } from './trade-head';

describe('dates', () => {
  it('adds payment terms', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('', 30)).toBe('');
  });
});
