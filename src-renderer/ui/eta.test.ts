import { describe, expect, it } from 'vitest';
import { etaText } from './eta';

const start = '2026-11-25T10:00:00.000Z';
const at = (s: number) => new Date(Date.parse(start) + s * 1000);

describe('time left for a long copy', () => {
  it('estimates from the pace so far', () => {
    expect(etaText({ done: 10_000, total: 100_000, startedAt: start }, at(60))).toBe(
      'about 9 minutes left',
    );
    expect(etaText({ done: 90_000, total: 100_000, startedAt: start }, at(90))).toBe(
      'less than a minute left',
    );
    expect(etaText({ done: 2_000, total: 100_000, startedAt: start }, at(120))).toBe(
      'about 1 h 38 min left',
    );
  });

  it('says nothing until there is enough to go on, or when done', () => {
    expect(etaText({ done: 10, total: 100_000, startedAt: start }, at(60))).toBeNull();
    expect(etaText({ done: 50_000, total: 100_000, startedAt: start }, at(1))).toBeNull();
    expect(etaText({ done: 100_000, total: 100_000, startedAt: start }, at(60))).toBeNull();
    expect(etaText({ done: 5, total: null, startedAt: start }, at(60))).toBeNull();
  });
});
