import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  minorDigits,
  money,
  negate,
  parseMoney,
  subtract,
  sum,
  toDecimalString,
} from './money';

describe('Money in minor units', () => {
  it('reads what a clerk types without floating point error', () => {
    expect(parseMoney('0.07', 'USD')).toEqual({ amount: 7, currency: 'USD' });
    expect(parseMoney('1,234.50', 'USD')).toEqual({ amount: 123450, currency: 'USD' });
    expect(parseMoney('-12', 'EUR')).toEqual({ amount: -1200, currency: 'EUR' });
    expect(parseMoney('1.234,5', 'EUR', ',')).toEqual({ amount: 123450, currency: 'EUR' });
    expect(parseMoney('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(parseMoney('1.250', 'KWD')).toEqual({ amount: 1250, currency: 'KWD' });
    // 0.1 + 0.2 is exact here: 10 + 20 cents.
    expect(add(parseMoney('0.1', 'USD')!, parseMoney('0.2', 'USD')!)).toEqual(
      parseMoney('0.3', 'USD'),
    );
  });

  it('refuses text that is not an amount or has too many decimals', () => {
    for (const bad of ['', 'abc', '1.2.3', '1.005', '12e3', '--1'])
      expect(parseMoney(bad, 'USD')).toBeNull();
    expect(parseMoney('10.5', 'JPY')).toBeNull();
  });

  it('never holds a fraction of a minor unit', () => {
    expect(() => money(1.5, 'USD')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError);
  });

  it('refuses to add different currencies without a conversion', () => {
    expect(() => add(money(1, 'USD'), money(1, 'EUR'))).toThrow(/without a conversion/);
  });

  it('writes exact decimals and knows each currency’s minor unit', () => {
    expect(toDecimalString(money(-5, 'USD'))).toBe('-0.05');
    expect(minorDigits('BHD')).toBe(3);
  });

  it('round-trips every amount through its decimal text (property)', () => {
    const currency = fc.constantFrom('USD', 'JPY', 'KWD', 'EUR');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), currency, (amount, cur) => {
        const m = money(amount, cur);
        expect(parseMoney(toDecimalString(m), cur)).toEqual(m);
      }),
    );
  });

  it('sums and negates exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 }), (amounts) => {
        const items = amounts.map((a) => money(a, 'USD'));
        const total = sum(items, 'USD');
        expect(total.amount).toBe(amounts.reduce((a, b) => a + b, 0));
        expect(add(total, negate(total)).amount).toBe(0);
        expect(subtract(total, total).amount).toBe(0);
      }),
    );
  });
});
