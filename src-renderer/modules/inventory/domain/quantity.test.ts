import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQty, parseQty } from './quantity';

describe('quantities', () => {
  it('reads decimal text exactly', () => {
    expect(parseQty('12.5')).toBe(125_000);
    expect(parseQty('0.0001')).toBe(1);
    expect(parseQty('-3')).toBe(-30_000);
    expect(parseQty('-0')).toBe(0);
    expect(parseQty('1.23456')).toBeNull();
    expect(parseQty('1,5')).toBeNull();
    expect(parseQty('')).toBeNull();
  });

  it('writes back what it reads', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(parseQty(formatQty(n))).toBe(n);
      }),
    );
  });
});
