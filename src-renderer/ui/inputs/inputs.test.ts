import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePlaceholder, formatIsoDate, parseLocaleDate } from './date-format';
import { formatMinor, formatQuantity, parseMinor, parseQuantity } from './number-format';

describe('money in the clerk’s locale', () => {
  it('formats and reads back exactly in the US and in Germany', () => {
    expect(formatMinor(123_456_789, 'USD', 'en-US')).toBe('1,234,567.89');
    expect(formatMinor(123_456_789, 'EUR', 'de-DE')).toBe('1.234.567,89');
    expect(parseMinor('1,234,567.89', 'USD', 'en-US')).toBe(123_456_789);
    expect(parseMinor('1.234.567,89', 'EUR', 'de-DE')).toBe(123_456_789);
    // The same keystrokes mean different amounts in the two locales.
    expect(parseMinor('1,5', 'EUR', 'de-DE')).toBe(150);
    expect(parseMinor('1,5', 'USD', 'en-US')).toBe(1500);
  });

  it('round-trips every amount in both locales and in currencies with 0 and 3 decimals', () => {
    for (const [locale, currency] of [
      ['en-US', 'USD'],
      ['de-DE', 'EUR'],
      ['de-DE', 'JPY'],
      ['en-US', 'KWD'],
      ['fr-FR', 'EUR'],
    ] as const) {
      fc.assert(
        fc.property(fc.integer({ min: -1e13, max: 1e13 }), (minor) => {
          expect(parseMinor(formatMinor(minor, currency, locale), currency, locale)).toBe(minor);
        }),
      );
    }
  });

  it('refuses what is not an amount in that currency', () => {
    expect(parseMinor('12.345', 'USD', 'en-US')).toBeNull();
    expect(parseMinor('12,5', 'JPY', 'de-DE')).toBeNull();
    expect(parseMinor('1.2.3', 'USD', 'en-US')).toBeNull();
    expect(parseMinor('ten', 'USD', 'en-US')).toBeNull();
    expect(parseMinor('', 'USD', 'en-US')).toBeNull();
    expect(parseMinor('0.007', 'KWD', 'en-US')).toBe(7);
  });
});

describe('quantities', () => {
  it('reads to exact decimal text with the precision allowed, never through a float', () => {
    expect(parseQuantity('0.1', 4, 'en-US')).toBe('0.1');
    expect(parseQuantity('1.234,5', 3, 'de-DE')).toBe('1234.5');
    expect(parseQuantity('2.50', 2, 'en-US')).toBe('2.5');
    expect(parseQuantity('007', 0, 'en-US')).toBe('7');
    expect(parseQuantity('1.2345', 3, 'en-US')).toBeNull();
    expect(parseQuantity('1.5', 0, 'en-US')).toBeNull();
    expect(parseQuantity('-0', 2, 'en-US')).toBe('0');
    expect(formatQuantity('1234.5', 3, 'de-DE')).toBe('1.234,5');
    expect(formatQuantity('12345678901234.0001', 4, 'en-US')).toBe('12,345,678,901,234.0001');
  });
});

describe('dates', () => {
  it('shows ISO dates the locale’s way and reads them back', () => {
    expect(formatIsoDate('2026-03-31', 'en-GB')).toBe('31/03/2026');
    expect(formatIsoDate('2026-03-31', 'en-US')).toBe('03/31/2026');
    expect(formatIsoDate('2026-03-31', 'de-DE')).toBe('31.03.2026');
    expect(parseLocaleDate('31/03/2026', 'en-GB')).toBe('2026-03-31');
    expect(parseLocaleDate('3/31/26', 'en-US')).toBe('2026-03-31');
    expect(parseLocaleDate('31.3.2026', 'de-DE')).toBe('2026-03-31');
    expect(parseLocaleDate('2026-03-31', 'de-DE')).toBe('2026-03-31');
    expect(datePlaceholder('en-GB')).toBe('DD/MM/YYYY');
  });

  it('refuses dates that are not on the calendar', () => {
    expect(parseLocaleDate('31/02/2026', 'en-GB')).toBeNull();
    expect(parseLocaleDate('02/31/2026', 'en-US')).toBeNull();
    expect(parseLocaleDate('yesterday', 'en-GB')).toBeNull();
    expect(parseLocaleDate('1/2', 'en-GB')).toBeNull();
  });
});
