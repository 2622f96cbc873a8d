import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docDifference, entryDifference, reversalLines } from './journal';
import { ledgerLineSchema } from './schemas';
import type { TaxMode, TradeKind, TradeSide } from './schemas';
import { documentTotals } from './tax';
import { pairWithRateArb } from './test-arbitraries';
import { tradePosting } from './trade-posting';
import type { PostingTaxCode, TradePostingInput } from './trade-posting';

const TAX = new Map<string, PostingTaxCode>([
  ['STD', { code: 'STD', rateBp: 2000, salesAccount: '2200', purchaseAccount: '1400' }],
  ['RED', { code: 'RED', rateBp: 500, salesAccount: '2210', purchaseAccount: '1410' }],
  ['ZERO', { code: 'ZERO', rateBp: 0, salesAccount: '2200', purchaseAccount: '1400' }],
]);
const SETTINGS = { receivableAccount: '1100', payableAccount: '2100', roundingAccount: '6990' };

type DocLines = TradePostingInput['doc']['lines'];
const tl = (
  account: string,
  quantity: string,
  unitPrice: number,
  taxCode: string | null = 'STD',
  discountBp = 0,
): DocLines[number] => ({
  account,
  description: 'Item',
  quantity,
  unitPrice,
  discountBp,
  taxCode,
});

function post(
  side: TradeSide,
  kind: TradeKind,
  lines: DocLines,
  opts: { currency?: string; rate?: string; taxMode?: TaxMode; baseCurrency?: string } = {},
) {
  return tradePosting({
    doc: {
      side,
      kind,
      lines,
      taxMode: opts.taxMode ?? 'exclusive',
      currency: opts.currency ?? 'USD',
      rate: opts.rate ?? '1',
      partyId: 'party:P-1',
      branch: 'NYC',
    },
    taxCodes: TAX,
    settings: SETTINGS,
    baseCurrency: opts.baseCurrency ?? 'USD',
  });
}
const shape = (lines: ReturnType<typeof post>) =>
  lines.map((l) => [l.account, l.debit, l.credit, l.baseDebit, l.baseCredit]);

const INVOICE_LINES: DocLines = [
  tl('4100', '3', 1999, 'STD', 1000), // net 53.97, VAT 10.79
  tl('4200', '1', 5000, 'STD'), // net 50.00, VAT 10.00
  tl('4100', '2', 1000, 'ZERO'), // net 20.00, no VAT
  tl('4100', '1', 400, 'RED'), // net 4.00, 5 % = 0.20 to its own account
];

describe('tradePosting', () => {
  it('a sales invoice debits the customer and credits income and tax, grouped by account', () => {
    const lines = post('sales', 'invoice', INVOICE_LINES);
    expect(shape(lines)).toEqual([
      ['1100', 14_896, 0, 14_896, 0],
      ['4100', 0, 7797, 0, 7797],
      ['4200', 0, 5000, 0, 5000],
      ['2200', 0, 2079, 0, 2079],
      ['2210', 0, 20, 0, 20],
    ]);
    expect(lines[0]).toMatchObject({ party: 'party:P-1', branch: 'NYC' });
    expect(lines[3]).toMatchObject({ party: null, memo: 'Tax' });
    expect(lines[0]?.debit).toBe(documentTotals(INVOICE_LINES, TAX, 'exclusive', 'USD').gross);
  });

  it('a credit note is the mirror image of the invoice', () => {
    expect(post('sales', 'credit', INVOICE_LINES)).toEqual(
      reversalLines(post('sales', 'invoice', INVOICE_LINES)),
    );
  });

  it('a purchase bill debits expenses and reclaimable tax and credits the supplier; a supplier credit mirrors it', () => {
    const bill = post('purchase', 'invoice', [
      tl('5100', '10', 1250, 'STD'),
      tl('6400', '1', 899, 'RED'),
    ]);
    expect(shape(bill)).toEqual([
      ['2100', 0, 15_944, 0, 15_944],
      ['5100', 12_500, 0, 12_500, 0],
      ['6400', 899, 0, 899, 0],
      ['1400', 2500, 0, 2500, 0],
      ['1410', 45, 0, 45, 0], // 8.99 × 5 % = 0.4495 → 0.45
    ]);
    expect(
      post('purchase', 'credit', [tl('5100', '10', 1250, 'STD'), tl('6400', '1', 899, 'RED')]),
    ).toEqual(reversalLines(bill));
  });

  it('a tax-inclusive invoice posts the price as the gross', () => {
    const lines = post('sales', 'invoice', [tl('4100', '3', 1999, 'STD', 1000)], {
      taxMode: 'inclusive',
    });
    expect(shape(lines)).toEqual([
      ['1100', 5397, 0, 5397, 0],
      ['4100', 0, 4498, 0, 4498],
      ['2200', 0, 899, 0, 899],
    ]);
  });

  it('a foreign-currency invoice carries base amounts and still balances in both', () => {
    const lines = post('sales', 'invoice', INVOICE_LINES, { currency: 'EUR', rate: '1.0825' });
    expect(shape(lines)).toEqual([
      // 148.96 × 1.0825 = 161.2492 → 161.25, but the credits round to 161.26: each line stays its
      // own exact conversion and the cent goes to the rounding account.
      ['1100', 14_896, 0, 16_125, 0],
      ['4100', 0, 7797, 0, 8440], // 84.402525 → 84.40
      ['4200', 0, 5000, 0, 5413], // 54.125 → 54.13
      ['2200', 0, 2079, 0, 2251], // 22.505175 → 22.51
      ['2210', 0, 20, 0, 22], // 0.2165 → 0.22
      ['6990', 0, 0, 1, 0],
    ]);
    expect(entryDifference(lines).difference).toBe(0);
  });

  it('drops zero lines and nets negative lines inside their account', () => {
    const lines = post('sales', 'invoice', [
      tl('4100', '2', 1000, 'ZERO'),
      tl('4200', '1', 0, 'STD'), // a free line: nothing on 4200, nothing for tax
      tl('4100', '1', -500, 'ZERO'), // a discount line
    ]);
    expect(shape(lines)).toEqual([
      ['1100', 1500, 0, 1500, 0],
      ['4100', 0, 1500, 0, 1500],
    ]);
  });

  it('an account that nets to the other side posts on that side', () => {
    // A sales line for −30.00 on 4800 next to +50.00 on 4100: 4800 is debited.
    const lines = post('sales', 'invoice', [
      tl('4100', '1', 5000, null),
      tl('4800', '-1', 3000, null),
    ]);
    expect(shape(lines)).toEqual([
      ['1100', 2000, 0, 2000, 0],
      ['4100', 0, 5000, 0, 5000],
      ['4800', 3000, 0, 3000, 0],
    ]);
  });

  const lineArb = fc.record({
    account: fc.constantFrom('4100', '4200', '5100', '6400'),
    description: fc.constant('Item'),
    // Sizes where every currency pair stays inside safe integers in base, even at a rate of 999.
    quantity: fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, s]) => (n / 10 ** s).toFixed(s)),
    unitPrice: fc.integer({ min: -1e5, max: 1e6 }),
    discountBp: fc.integer({ min: 0, max: 10_000 }),
    taxCode: fc.constantFrom('STD', 'RED', 'ZERO', null),
  });
  const docArb = fc.record({
    side: fc.constantFrom('sales' as const, 'purchase' as const),
    kind: fc.constantFrom('invoice' as const, 'credit' as const),
    taxMode: fc.constantFrom('exclusive' as const, 'inclusive' as const),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
    fx: pairWithRateArb,
  });

  it('balances exactly in document and base currency for any document (property)', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const lines = tradePosting({
          doc: {
            side: d.side,
            kind: d.kind,
            lines: d.lines,
            taxMode: d.taxMode,
            currency: d.fx.currency,
            rate: d.fx.rate,
            partyId: 'party:P-1',
          },
          taxCodes: TAX,
          settings: SETTINGS,
          baseCurrency: d.fx.baseCurrency,
        });
        expect(docDifference(lines).difference).toBe(0);
        expect(entryDifference(lines).difference).toBe(0);
        for (const l of lines) expect(ledgerLineSchema.safeParse(l).success).toBe(true);
        // The party line carries the document's gross on the side its kind says.
        const gross = documentTotals(d.lines, TAX, d.taxMode, d.fx.currency).gross;
        const party = lines.find((l) => l.party === 'party:P-1');
        const partyDebitPositive = party ? party.debit - party.credit : 0;
        const expected = (d.side === 'sales' ? 1 : -1) * (d.kind === 'invoice' ? 1 : -1) * gross;
        expect(partyDebitPositive).toBe(expected || 0);
      }),
    );
  });
});
