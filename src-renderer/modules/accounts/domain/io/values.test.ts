import { describe, expect, it } from 'vitest';
import {
  amountMessage,
  makeLineIdFactory,
  parseAmountText,
  parseDateText,
  stableHash,
} from './values';

describe('amount and date reading', () => {
  it('reads amounts exactly in minor units and says why bad ones fail', () => {
    expect(parseAmountText('1234.5', 'USD')).toEqual({ ok: true, value: 123450 });
    expect(parseAmountText('-0.07', 'USD')).toEqual({ ok: true, value: -7 });
    expect(parseAmountText('1,234.50', 'USD')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmountText('1,234.50', 'USD', { allowGrouping: true })).toEqual({
      ok: true,
      value: 123450,
    });
    expect(
      parseAmountText('1.234,50', 'EUR', { decimalSeparator: ',', allowGrouping: true }),
    ).toEqual({ ok: true, value: 123450 });
    expect(
      parseAmountText('1 234,50', 'EUR', { decimalSeparator: ',', allowGrouping: true }),
    ).toEqual({ ok: true, value: 123450 });
    expect(parseAmountText('12,34.5', 'USD', { allowGrouping: true })).toEqual({
      ok: false,
      reason: 'format',
    });
    expect(parseAmountText('(12.00)', 'USD', { allowParentheses: true })).toEqual({
      ok: true,
      value: -1200,
    });
    // A sign inside brackets is ambiguous: refused rather than read as money in.
    for (const raw of ['(-5.00)', '( -5.00 )', '(+5.00)'])
      expect(parseAmountText(raw, 'USD', { allowParentheses: true })).toEqual({
        ok: false,
        reason: 'sign',
      });
    expect(amountMessage('(-5.00)', 'USD', 'sign')).toMatch(/both brackets and a sign/);
    expect(parseAmountText('1.005', 'USD')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseAmountText('1.2500', 'USD', { trimExtraZeros: true })).toEqual({
      ok: true,
      value: 125,
    });
    expect(parseAmountText('1.2501', 'USD', { trimExtraZeros: true })).toEqual({
      ok: false,
      reason: 'decimals',
    });
    expect(parseAmountText('1.250', 'KWD')).toEqual({ ok: true, value: 1250 });
    expect(parseAmountText('10.5', 'JPY')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseAmountText('1e3', 'USD')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmountText('', 'USD')).toEqual({ ok: false, reason: 'empty' });
    expect(parseAmountText('99999999999999999999', 'USD')).toEqual({ ok: false, reason: 'range' });
    expect(amountMessage('10.5', 'JPY', 'decimals')).toMatch(/JPY has no minor unit/);
    expect(amountMessage('1.005', 'USD', 'decimals')).toMatch(/more than 2 decimals/);
  });

  it('reads dates only in the chosen layout and only when they exist', () => {
    expect(parseDateText('31/03/2026', 'DD/MM/YYYY')).toBe('2026-03-31');
    expect(parseDateText('03/31/2026', 'MM/DD/YYYY')).toBe('2026-03-31');
    expect(parseDateText('1.3.2026', 'DD.MM.YYYY')).toBe('2026-03-01');
    expect(parseDateText('31/03/2026', 'MM/DD/YYYY')).toBeNull();
    expect(parseDateText('2026-02-30', 'YYYY-MM-DD')).toBeNull();
  });

  it('gives identical lines distinct but repeatable ids', () => {
    const a = makeLineIdFactory();
    const b = makeLineIdFactory();
    const first = [
      a('2026-03-03', -450, 'Kaffee'),
      a('2026-03-03', -450, 'Kaffee'),
      a('2026-03-03', -450, ' Kaffee '),
    ];
    expect(new Set(first).size).toBe(3);
    expect([b('2026-03-03', -450, 'Kaffee'), b('2026-03-03', -450, 'Kaffee')]).toEqual(
      first.slice(0, 2),
    );
    expect(stableHash('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});
