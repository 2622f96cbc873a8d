import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BACK_OFF_MS, nextBackOff } from './back-off';

describe('retry back-off', () => {
  it('starts near a second and doubles', () => {
    expect(nextBackOff(0, () => 0.5)).toBe(1000);
    expect(nextBackOff(1000, () => 0.5)).toBe(2000);
    expect(nextBackOff(16000, () => 0.5)).toBe(32000);
  });

  it('is always between half a second and a minute (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (prev, r) => {
          const next = nextBackOff(prev, () => r);
          expect(next).toBeGreaterThanOrEqual(500);
          expect(next).toBeLessThanOrEqual(MAX_BACK_OFF_MS);
        },
      ),
    );
  });
});
