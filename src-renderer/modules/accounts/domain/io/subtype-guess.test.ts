import { describe, expect, it } from 'vitest';
import type { AccountKind } from '../schemas';
import { parseChartCsv } from './chart-csv';
import { guessSubtype } from './subtype-guess';

/** A UK small-company chart as Sage or Xero exports it: its codes clash with the starter chart's. */
const UK_CHART: [string, string, AccountKind, string][] = [
  ['0030', 'Office equipment', 'asset', 'fixed-asset'],
  ['0031', 'Office equipment depreciation', 'asset', 'fixed-asset'],
  ['1001', 'Stock', 'asset', 'inventory'],
  ['1100', 'Debtors', 'asset', 'receivable'],
  ['1200', 'Bank current account', 'asset', 'bank'],
  ['1230', 'Petty cash', 'asset', 'cash'],
  ['2100', 'Creditors', 'liability', 'payable'],
  ['2200', 'VAT', 'liability', 'tax-payable'],
  ['2210', 'PAYE and NI', 'liability', 'current-liability'],
  ['2300', 'Bank loan', 'liability', 'long-term-liability'],
  ['3000', 'Ordinary shares', 'equity', 'equity'],
  ['3200', 'Retained earnings', 'equity', 'retained-earnings'],
  ['4000', 'Sales', 'income', 'sales'],
  ['4900', 'Bank interest received', 'income', 'other-income'],
  ['4910', 'Foreign exchange gain/loss', 'income', 'fx-gain'],
  ['5000', 'Cost of sales', 'expense', 'cost-of-sales'],
  ['7100', 'Rent', 'expense', 'expense'],
  ['7900', 'Bank charges', 'expense', 'expense'],
  ['8000', 'Depreciation', 'expense', 'expense'],
  ['8210', 'Exchange rate losses', 'expense', 'fx-loss'],
  ['8220', 'Rounding differences', 'expense', 'rounding'],
];

/** A German SKR03 extract (DATEV), names as exported. */
const SKR03: [string, string, AccountKind, string][] = [
  ['0860', 'Gewinnvortrag vor Verwendung', 'equity', 'retained-earnings'],
  ['1000', 'Kasse', 'asset', 'cash'],
  ['1200', 'Bank', 'asset', 'bank'],
  ['1400', 'Forderungen aus Lieferungen und Leistungen', 'asset', 'receivable'],
  ['1576', 'Abziehbare Vorsteuer 19 %', 'asset', 'tax-receivable'],
  ['1600', 'Verbindlichkeiten aus Lieferungen und Leistungen', 'liability', 'payable'],
  ['1776', 'Umsatzsteuer 19 %', 'liability', 'tax-payable'],
  ['2150', 'Aufwendungen aus Kursdifferenzen', 'expense', 'fx-loss'],
  ['2660', 'Erträge aus Kursdifferenzen', 'income', 'fx-gain'],
  ['3400', 'Wareneingang 19 % Vorsteuer', 'expense', 'cost-of-sales'],
  ['4210', 'Miete', 'expense', 'expense'],
  ['8400', 'Erlöse 19 % USt', 'income', 'sales'],
];

describe('guessSubtype', () => {
  it.each(UK_CHART)('UK chart %s %s (%s) is %s', (_code, name, kind, subtype) => {
    expect(guessSubtype(kind, name)).toBe(subtype);
  });

  it.each(SKR03)('SKR03 %s %s (%s) is %s', (_code, name, kind, subtype) => {
    expect(guessSubtype(kind, name)).toBe(subtype);
  });

  it('names the kind too when the name says it plainly, and nothing when it does not', () => {
    expect(guessSubtype(null, 'Trade debtors')).toBe('receivable');
    expect(guessSubtype(null, 'Accounts Payable')).toBe('payable');
    expect(guessSubtype(null, 'GST payable')).toBe('tax-payable');
    expect(guessSubtype(null, 'Sundry income')).toBe('other-income');
    expect(guessSubtype(null, 'Rent')).toBeNull();
  });

  it('an input-VAT account kept on the liability side stays a liability', () => {
    expect(guessSubtype('liability', 'VAT on purchases (input VAT)')).toBe('tax-payable');
  });
});

describe('parseChartCsv without a sub-type column', () => {
  const uk = ['code,name,type', ...UK_CHART.map(([c, n, k]) => `${c},"${n}",${k}`)].join('\r\n');

  it('reads the UK chart, guesses every sub-type and says which were guessed', () => {
    const r = parseChartCsv(uk, new Set());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((a) => [a.code, a.subtype])).toEqual(UK_CHART.map(([c, , , s]) => [c, s]));
    expect(r.guessed).toEqual(UK_CHART.map(([c]) => c));
  });

  it('takes the clerk’s choice from the preview over the guess', () => {
    const r = parseChartCsv(uk, new Set(), { '2210': 'current-liability', '4910': 'other-income' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.find((a) => a.code === '4910')?.subtype).toBe('other-income');
    expect(r.guessed).not.toContain('4910');
  });

  it('refuses a choice that does not fit the kind, or names an account not in the file', () => {
    const r = parseChartCsv(uk, new Set(), { '1100': 'payable', '9999': 'bank' });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/account 9999, which is not in this file/),
      expect.stringMatching(/"payable" belongs to liability accounts, not asset/),
    ]);
  });

  it('a group gets the broadest sub-type of its kind, whatever its name says', () => {
    const text = [
      'code,name,kind,parent code',
      '1000,Bank accounts,asset,',
      '1010,Barclays current account,asset,1000',
      '1020,HSBC bank account (EUR),asset,1000',
    ].join('\n');
    const r = parseChartCsv(text, new Set());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((a) => [a.code, a.isGroup, a.subtype])).toEqual([
      ['1000', true, 'current-asset'],
      ['1010', false, 'bank'],
      ['1020', false, 'bank'],
    ]);
  });

  it('asks for the kind when neither it nor the name says what the account is', () => {
    const r = parseChartCsv('code,name,kind\n7100,Rent,\n', new Set());
    expect(r.ok ? [] : r.problems).toEqual([
      {
        line: 2,
        column: 'kind',
        message: expect.stringMatching(/^Fill in the kind .*"Rent" does not say/),
      },
    ]);
  });
});
