import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerLineSchema } from './schemas';
import { tradePosting } from './trade-posting';
import type { PostingTaxCode, TradePostingInput } from './trade-posting';

/**
 * A bill for goods already received (Inventory's bill from receipts): goods received not billed
 * (2150) is debited with exactly what the receipts credited it, and the rest of the line's net
 * goes to the price difference account (5150), whatever the supplier charged.
 */
const TAX = new Map<string, PostingTaxCode>([
  ['STD', { code: 'STD', rateBp: 2000, salesAccount: '2200', purchaseAccount: '1400' }],
]);
const SETTINGS = { receivableAccount: '1100', payableAccount: '2100', roundingAccount: '6990' };
type DocLine = TradePostingInput['doc']['lines'][number];

/** 10 bags received at $10.00 (GRNI credited $100.00), billed at `unitPrice`. */
const bagsLine = (unitPrice: number, quantity = '10', taxCode: string | null = 'STD'): DocLine => ({
  account: '2150',
  description: 'Arabica beans 1 kg bag',
  quantity,
  unitPrice,
  discountBp: 0,
  taxCode,
  received: { quantity: '10', value: 10_000, differenceAccount: '5150' },
});

function bill(
  lines: DocLine[],
  opts: { currency?: string; rate?: string; kind?: 'invoice' | 'credit' } = {},
) {
  return tradePosting({
    doc: {
      side: 'purchase',
      kind: opts.kind ?? 'invoice',
      lines,
      taxMode: 'exclusive',
      currency: opts.currency ?? 'USD',
      rate: opts.rate ?? '1',
      partyId: 'party:S-014',
      branch: null,
    },
    taxCodes: TAX,
    settings: SETTINGS,
    baseCurrency: 'USD',
  });
}
/** Base balance of each account, debit positive. */
const balances = (lines: ReturnType<typeof bill>) => {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.account] = (out[l.account] ?? 0) + l.baseDebit - l.baseCredit;
  return out;
};

describe('a bill for goods already received', () => {
  it('billed at $10.50: GRNI clears $100.00, the price difference is $5.00, payable $126.00 with VAT', () => {
    const lines = bill([bagsLine(1050)]);
    expect(lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['2100', 0, 12_600], // 105.00 + 20 % VAT 21.00
      ['2150', 10_000, 0],
      ['5150', 500, 0],
      ['1400', 2_100, 0],
    ]);
    for (const l of lines) expect(ledgerLineSchema.safeParse(l).success).toBe(true);
  });

  it('billed at $9.80: the price difference is a credit of $2.00', () => {
    expect(balances(bill([bagsLine(980, '10', null)]))).toEqual({
      '2100': -9_800,
      '2150': 10_000,
      '5150': -200,
    });
  });

  it('at the receipt price there is no difference line', () => {
    expect(bill([bagsLine(1000, '10', null)]).map((l) => l.account)).toEqual(['2100', '2150']);
  });

  it('billing 4 of the 10 received clears 4/10 of their value', () => {
    expect(balances(bill([bagsLine(1050, '4', null)]))).toEqual({
      '2100': -4_200,
      '2150': 4_000,
      '5150': 200,
    });
  });

  it('a supplier credit for the goods mirrors the bill', () => {
    expect(balances(bill([bagsLine(1050, '10', null)], { kind: 'credit' }))).toEqual({
      '2100': 10_500,
      '2150': -10_000,
      '5150': -500,
    });
  });

  it('a bill in euros is converted at its rate first; GRNI clears exactly in dollars', () => {
    // €95.00 at 1.08 = $102.60: $100.00 clears GRNI, $2.60 is the price difference.
    const lines = bill([bagsLine(950, '10', null)], { currency: 'EUR', rate: '1.08' });
    expect(balances(lines)).toEqual({ '2100': -10_260, '2150': 10_000, '5150': 260 });
    for (const l of lines) expect(ledgerLineSchema.safeParse(l).success).toBe(true);
  });

  it('whatever the price, quantity and rate: balanced, and GRNI gets exactly the receipts’ share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('1', '1.0825', '0.9137', '151.37'),
        fc.boolean(),
        (price, qty, rate, taxed) => {
          const currency = rate === '1' ? 'USD' : 'EUR';
          const lines = bill(
            [bagsLine(price, String(qty), taxed ? 'STD' : null), bagsLine(price, '10', null)],
            { currency, rate },
          );
          const b = balances(lines);
          expect(Object.values(b).reduce((n, x) => n + x, 0)).toBe(0);
          expect(b['2150']).toBe(qty * 1000 + 10_000);
        },
      ),
    );
  });
});
