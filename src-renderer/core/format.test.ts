import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countOf,
  dateFormatHint,
  datePlaceholder,
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
} from './format';

describe('money as a person reads it, in their locale', () => {
  it('writes the company currency with its symbol and decimals in each locale', () => {
    expect(formatMoney(55_800, 'USD', 'en-US')).toBe('$558.00');
    expect(formatMoney(123_450, 'GBP', 'en-GB')).toBe('£1,234.50');
    expect(formatMoney(123_450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
  });

  it('groups by lakh and crore in India', () => {
    expect(formatMoney(1_234_567_850, 'INR', 'en-IN')).toBe('₹1,23,45,678.50');
    // Negative amounts too: Intl's accounting style loses the lakh grouping, ours must not.
    expect(formatMoney(-12_345_650, 'INR', 'en-IN')).toBe('(₹1,23,456.50)');
  });

  it('shows no minor units for the yen', () => {
    expect(formatMoney(1_234_567, 'JPY', 'ja-JP')).toBe('￥1,234,567');
    expect(formatMoney(-1_500, 'JPY', 'ja-JP')).toBe('(￥1,500)');
  });

  it('writes negatives the way each locale’s bookkeepers do, whatever the amount', () => {
    expect(formatMoney(-55_800, 'USD', 'en-US')).toBe('($558.00)');
    expect(formatMoney(-50, 'GBP', 'en-GB')).toBe('(£0.50)');
    expect(formatMoney(-123_450, 'EUR', 'de-DE')).toBe('-1.234,50\u00a0€');
  });

  it('another currency keeps a symbol that cannot be mistaken for the company’s', () => {
    expect(formatMoney(10_000, 'CAD', 'en-US')).toBe('CA$100.00');
    expect(formatMoney(10_000, 'USD', 'en-GB')).toBe('US$100.00');
    expect(formatMoney(1_000, 'KWD', 'en-US')).toBe('KWD\u00a01.000');
  });

  it('shows an amount whose currency is not known yet without failing', () => {
    expect(formatMoney(123_450, '', 'en-US')).toBe('1,234.50');
    expect(formatMoney(-123_450, '', 'en-US')).toBe('(1,234.50)');
  });

  it('is exact for amounts a float cannot hold', () => {
    expect(formatMoney(900_719_925_474_099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99');
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (minor) => {
        const digits = formatMoney(minor, 'USD', 'en-US').replace(/[^\d]/g, '');
        expect(digits.replace(/^0+(?=\d)/, '')).toBe(String(Math.abs(minor)));
      }),
    );
  });
});

describe('dates as a person reads them, in their locale', () => {
  it('writes an accounting date the way the locale does', () => {
    expect(formatDate('2026-12-01', 'en-US')).toBe('12/01/2026');
    expect(formatDate('2026-12-01', 'en-GB')).toBe('01/12/2026');
    expect(formatDate('2026-12-01', 'de-DE')).toBe('01.12.2026');
    expect(formatDate('2026-12-01', 'en-IN')).toBe('01/12/2026');
    expect(formatDate('2026-12-01', 'ja-JP')).toBe('2026/12/01');
  });

  it('the placeholder and the hint show that same pattern', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'en-IN', 'ja-JP']) {
      const pattern = datePlaceholder(locale);
      const shown = formatDate('2026-12-31', locale);
      // Same shape: the placeholder's letters stand where the date's digits are.
      expect(pattern.replace(/[DMY]/g, '9')).toBe(shown.replace(/\d/g, '9'));
      expect(dateFormatHint(locale)).toBe(`Use the format ${pattern}, e.g. ${shown}`);
    }
    expect(dateFormatHint('en-US')).toBe('Use the format MM/DD/YYYY, e.g. 12/31/2026');
    expect(dateFormatHint('de-DE')).toBe('Use the format DD.MM.YYYY, e.g. 31.12.2026');
  });

  it('writes a moment as that date and the time of day', () => {
    const at = new Date(2026, 11, 1, 14, 5).toISOString();
    expect(formatDateTime(at, 'en-GB')).toBe('01/12/2026 14:05');
    expect(formatDateTime(at, 'de-DE')).toBe('01.12.2026 14:05');
    expect(formatDateTime(at, 'en-US')).toBe('12/01/2026 02:05 PM');
    expect(formatDateTime('not a time', 'en-US')).toBe('not a time');
  });
});

describe('counts', () => {
  it('says "1 record" and "2 records", grouped the locale’s way', () => {
    expect(countOf(1, 'record', undefined, 'en-US')).toBe('1 record');
    expect(countOf(2, 'record', undefined, 'en-US')).toBe('2 records');
    expect(countOf(0, 'entry', 'entries', 'en-US')).toBe('0 entries');
    expect(countOf(20_000, 'entry', 'entries', 'en-US')).toBe('20,000 entries');
    expect(formatCount(20_000, 'de-DE')).toBe('20.000');
  });
});
