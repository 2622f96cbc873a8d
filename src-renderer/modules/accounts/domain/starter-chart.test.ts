import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_SUBTYPES,
  accountFieldsSchema,
  ledgerSettingsFieldsSchema,
  taxCodeFieldsSchema,
} from './schemas';
import type { AccountSubtype } from './schemas';
import { starterChart, starterSettings, starterTaxCodes } from './starter-chart';

describe('starter chart', () => {
  const chart = starterChart('USD');
  const byCode = new Map(chart.map((a) => [a.code, a]));

  it('is a small, valid chart with unique codes', () => {
    expect(chart.length).toBeGreaterThanOrEqual(30);
    expect(chart.length).toBeLessThanOrEqual(45);
    expect(byCode.size).toBe(chart.length);
    for (const a of chart) expect(accountFieldsSchema.parse(a)).toEqual(a);
  });

  it('hangs every account under a group of the same kind, groups first', () => {
    for (const [i, a] of chart.entries()) {
      if (a.parentCode === null) {
        expect(a.isGroup).toBe(true);
        continue;
      }
      const parent = byCode.get(a.parentCode);
      expect(parent?.isGroup).toBe(true);
      expect(chart.indexOf(parent as (typeof chart)[number])).toBeLessThan(i);
      expect(parent?.kind).toBe(a.kind);
    }
  });

  it('has the accounts the rest of the module relies on', () => {
    const expected: [string, AccountSubtype][] = [
      ['1100', 'receivable'],
      ['1200', 'bank'],
      ['1210', 'cash'],
      ['1300', 'inventory'],
      ['1400', 'tax-receivable'],
      ['2100', 'payable'],
      ['2200', 'tax-payable'],
      ['3200', 'retained-earnings'],
      ['4100', 'sales'],
      ['4900', 'fx-gain'],
      ['5100', 'cost-of-sales'],
      ['6900', 'fx-loss'],
      ['6990', 'rounding'],
    ];
    for (const [code, subtype] of expected)
      expect(byCode.get(code)).toMatchObject({
        subtype,
        kind: ACCOUNT_SUBTYPES[subtype],
        isGroup: false,
      });
    for (const code of ['1000', '2000', '3000', '4000', '5000', '6000'])
      expect(byCode.get(code)?.isGroup).toBe(true);
  });

  it('mentions the base currency on the bank account and refuses a bad code', () => {
    expect(byCode.get('1200')?.description).toContain('USD');
    expect(() => starterChart('usd')).toThrow();
  });

  it('settings point at postable accounts of the right sub-type', () => {
    const s = ledgerSettingsFieldsSchema.parse(starterSettings());
    const want: [string, AccountSubtype][] = [
      [s.receivableAccount, 'receivable'],
      [s.payableAccount, 'payable'],
      [s.retainedEarningsAccount, 'retained-earnings'],
      [s.fxGainAccount, 'fx-gain'],
      [s.fxLossAccount, 'fx-loss'],
      [s.roundingAccount, 'rounding'],
      [s.defaultSalesAccount, 'sales'],
      [s.defaultPurchaseAccount, 'cost-of-sales'],
    ];
    for (const [code, subtype] of want)
      expect(byCode.get(code)).toMatchObject({ subtype, isGroup: false });
    expect(s.lockDate).toBeNull();
  });

  it('tax codes are valid and post to the tax accounts', () => {
    const codes = starterTaxCodes();
    expect(codes.map((c) => [c.code, c.rateBp])).toEqual([
      ['STD', 2000],
      ['RED', 500],
      ['ZERO', 0],
      ['EXEMPT', 0],
    ]);
    for (const c of codes) {
      expect(taxCodeFieldsSchema.parse(c)).toEqual(c);
      expect(byCode.get(c.salesAccount)?.subtype).toBe('tax-payable');
      expect(byCode.get(c.purchaseAccount)?.subtype).toBe('tax-receivable');
    }
  });
});
