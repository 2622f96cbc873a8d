import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, openAmount, paymentPosting, tradeStatus } from './allocation';
import type { PaymentPostingInput } from './allocation';
import { toBase } from './fx';
import { docDifference, entryDifference } from './journal';
import { ledgerLineSchema } from './schemas';
import { CURRENCY_PAIRS, rateArb } from './test-arbitraries';

describe('openAmount', () => {
  it('is the gross less what has been allocated', () => {
    expect(openAmount({ gross: 10_000, kind: 'invoice' }, [])).toBe(10_000);
    expect(openAmount({ gross: 10_000, kind: 'invoice' }, [3_000, 2_000])).toBe(5_000);
    expect(openAmount({ gross: 10_000, kind: 'invoice' }, [3_000, 7_000])).toBe(0);
  });

  it('is negative on a credit note: the company owes the customer', () => {
    expect(openAmount({ gross: 2_500, kind: 'credit' }, [1_000])).toBe(-1_500);
    expect(Object.is(openAmount({ gross: 2_500, kind: 'credit' }, [2_500]), 0)).toBe(true);
  });

  it('shows an over-allocation (two devices paying the same invoice offline) as money owed back', () => {
    expect(openAmount({ gross: 10_000, kind: 'invoice' }, [10_000, 500])).toBe(-500);
  });
});

describe('tradeStatus', () => {
  const s = (open: number, today: string, kind?: 'invoice' | 'credit') =>
    tradeStatus({ open, gross: 10_000, dueDate: '2026-04-30', today, kind });

  it('open, partly paid, paid, overdue', () => {
    expect(s(10_000, '2026-04-01')).toBe('open');
    expect(s(4_000, '2026-04-30')).toBe('partly-paid'); // due today is not late
    expect(s(0, '2026-06-01')).toBe('paid');
    expect(s(-500, '2026-06-01')).toBe('paid');
    expect(s(4_000, '2026-05-01')).toBe('overdue');
    expect(s(10_000, '2026-05-01')).toBe('overdue');
  });

  it('a credit note is never overdue', () => {
    expect(s(-10_000, '2027-01-01', 'credit')).toBe('open');
    expect(s(-3_000, '2027-01-01', 'credit')).toBe('partly-paid');
    expect(s(0, '2027-01-01', 'credit')).toBe('paid');
  });
});

describe('allocate', () => {
  const docs = [
    { documentId: 'tradeDoc:1', open: 10_000, label: 'INV-1' },
    { documentId: 'tradeDoc:2', open: 8_000, label: 'INV-2' },
    { documentId: 'tradeDoc:3', open: 5_000, label: 'INV-3' },
  ];

  it('settles the oldest documents first', () => {
    expect(allocate(15_000, docs)).toEqual({
      allocations: [
        { documentId: 'tradeDoc:1', amount: 10_000 },
        { documentId: 'tradeDoc:2', amount: 5_000 },
      ],
      unallocated: 0,
    });
  });

  it('keeps an overpayment as money on account', () => {
    const r = allocate(25_000, docs);
    expect(r.allocations.map((a) => a.amount)).toEqual([10_000, 8_000, 5_000]);
    expect(r.unallocated).toBe(2_000);
  });

  it('skips documents with nothing open (credits, paid invoices)', () => {
    const r = allocate(3_000, [
      { documentId: 'tradeDoc:c', open: -2_000 },
      { documentId: 'tradeDoc:p', open: 0 },
      ...docs,
    ]);
    expect(r.allocations).toEqual([{ documentId: 'tradeDoc:1', amount: 3_000 }]);
  });

  it('takes what the clerk asked for when it fits', () => {
    const r = allocate(12_000, docs, [
      { documentId: 'tradeDoc:3', amount: 5_000 },
      { documentId: 'tradeDoc:1', amount: 4_000 },
    ]);
    expect(r).toEqual({
      allocations: [
        { documentId: 'tradeDoc:3', amount: 5_000 },
        { documentId: 'tradeDoc:1', amount: 4_000 },
      ],
      unallocated: 3_000,
    });
  });

  it('refuses more than a document has open, more than the payment, or an unknown document, saying which', () => {
    expect(() =>
      allocate(20_000, docs, [{ documentId: 'tradeDoc:3', amount: 6_000 }], 'USD'),
    ).toThrow('60.00 USD is allocated to INV-3, but only 50.00 USD is open on it.');
    expect(() =>
      allocate(
        12_000,
        docs,
        [
          { documentId: 'tradeDoc:1', amount: 10_000 },
          { documentId: 'tradeDoc:2', amount: 3_000 },
        ],
        'USD',
      ),
    ).toThrow('The allocations add up to 130.00 USD, more than the 120.00 USD of this payment.');
    expect(() => allocate(1_000, docs, [{ documentId: 'tradeDoc:9', amount: 1_000 }])).toThrow(
      /not an open document/,
    );
    expect(() => allocate(1_000, docs, [{ documentId: 'tradeDoc:1', amount: 0 }])).toThrow(
      /more than zero/,
    );
  });

  it('adds two allocations to the same document before checking them', () => {
    expect(() =>
      allocate(
        20_000,
        docs,
        [
          { documentId: 'tradeDoc:3', amount: 3_000 },
          { documentId: 'tradeDoc:3', amount: 3_000 },
        ],
        'USD',
      ),
    ).toThrow('60.00 USD is allocated to INV-3');
  });

  const openDocsArb = fc
    .array(fc.integer({ min: -5_000, max: 50_000 }), { maxLength: 8 })
    .map((opens) => opens.map((open, i) => ({ documentId: `tradeDoc:${i}`, open })));

  it('never leaves a document with a negative open amount, and accounts for every cent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), openDocsArb, (amount, openDocs) => {
        const r = allocate(amount, openDocs);
        expect(r.allocations.reduce((s, a) => s + a.amount, 0) + r.unallocated).toBe(amount);
        expect(r.unallocated).toBeGreaterThanOrEqual(0);
        for (const a of r.allocations) {
          const doc = openDocs.find((d) => d.documentId === a.documentId);
          expect(a.amount).toBeGreaterThan(0);
          expect(
            openAmount({ gross: doc?.open ?? 0, kind: 'invoice' }, [a.amount]),
          ).toBeGreaterThanOrEqual(0);
        }
        // Money is left over only when every document is settled.
        if (r.unallocated > 0)
          expect(r.allocations.reduce((s, a) => s + a.amount, 0)).toBe(
            openDocs.reduce((s, d) => s + Math.max(d.open, 0), 0),
          );
      }),
    );
  });

  it('a requested allocation is either refused or leaves every document at zero or more (property)', () => {
    const requestArb = fc.array(
      fc.record({
        documentId: fc.constantFrom('tradeDoc:0', 'tradeDoc:1', 'tradeDoc:2'),
        amount: fc.integer({ min: 1, max: 40_000 }),
      }),
      {
        maxLength: 5,
      },
    );
    const threeDocs = fc.tuple(
      fc.integer({ min: 0, max: 30_000 }),
      fc.integer({ min: 0, max: 30_000 }),
      fc.integer({ min: 0, max: 30_000 }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        threeDocs,
        requestArb,
        (amount, opens, requested) => {
          const openDocs = opens.map((open, i) => ({ documentId: `tradeDoc:${i}`, open }));
          let r;
          try {
            r = allocate(amount, openDocs, requested);
          } catch {
            return;
          }
          for (const d of openDocs) {
            const taken = r.allocations
              .filter((a) => a.documentId === d.documentId)
              .map((a) => a.amount);
            expect(openAmount({ gross: d.open, kind: 'invoice' }, taken)).toBeGreaterThanOrEqual(0);
          }
          expect(r.unallocated).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

const SETTINGS = {
  receivableAccount: '1100',
  payableAccount: '2100',
  fxGainAccount: '4900',
  fxLossAccount: '6900',
  roundingAccount: '6990',
};
const shape = (lines: ReturnType<typeof paymentPosting>) =>
  lines.map((l) => [l.account, l.debit, l.credit, l.baseDebit, l.baseCredit]);

describe('paymentPosting', () => {
  const receipt = (amount: number, rate: string, allocations: PaymentPostingInput['allocations']) =>
    paymentPosting({
      payment: {
        side: 'receipt',
        amount,
        account: '1200',
        currency: 'EUR',
        rate,
        partyId: 'party:C-1',
      },
      allocations,
      settings: SETTINGS,
      baseCurrency: 'USD',
    });

  it('an EUR invoice booked at 1.0825 and received at 1.0950 clears the receivable at its booked value and books the gain', () => {
    const lines = receipt(100_000, '1.0950', [
      { documentId: 'tradeDoc:1', amount: 100_000, documentRate: '1.0825', label: 'INV-1' },
    ]);
    expect(shape(lines)).toEqual([
      ['1200', 100_000, 0, 109_500, 0],
      ['1100', 0, 100_000, 0, 108_250],
      ['4900', 0, 0, 0, 1_250],
    ]);
    expect(lines[1]).toMatchObject({ party: 'party:C-1', memo: 'INV-1' });
    for (const l of lines) expect(ledgerLineSchema.safeParse(l).success).toBe(true);
  });

  it('partial payments at different rates each book their own difference', () => {
    const first = receipt(40_000, '1.0950', [
      { documentId: 'tradeDoc:1', amount: 40_000, documentRate: '1.0825' },
    ]);
    const second = receipt(60_000, '1.0700', [
      { documentId: 'tradeDoc:1', amount: 60_000, documentRate: '1.0825' },
    ]);
    expect(shape(first)).toEqual([
      ['1200', 40_000, 0, 43_800, 0],
      ['1100', 0, 40_000, 0, 43_300],
      ['4900', 0, 0, 0, 500],
    ]);
    expect(shape(second)).toEqual([
      ['1200', 60_000, 0, 64_200, 0],
      ['1100', 0, 60_000, 0, 64_950],
      ['6900', 0, 0, 750, 0],
    ]);
    // Between them the receivable is cleared at exactly what the invoice booked: 1,082.50 USD.
    const cleared = [...first, ...second]
      .filter((l) => l.account === '1100')
      .reduce((s, l) => s + l.baseCredit, 0);
    expect(cleared).toBe(toBase(100_000, 'EUR', 'USD', '1.0825'));
  });

  it('an overpayment credits the rest to the customer at the payment rate', () => {
    const lines = receipt(120_000, '1.0950', [
      { documentId: 'tradeDoc:1', amount: 100_000, documentRate: '1.0825' },
    ]);
    expect(shape(lines)).toEqual([
      ['1200', 120_000, 0, 131_400, 0],
      ['1100', 0, 100_000, 0, 108_250],
      ['1100', 0, 20_000, 0, 21_900],
      ['4900', 0, 0, 0, 1_250],
    ]);
    expect(lines[2]).toMatchObject({ party: 'party:C-1', memo: 'On account' });
  });

  it('a supplier payment is the mirror image, and a stronger currency is a loss', () => {
    const lines = paymentPosting({
      payment: {
        side: 'payment',
        amount: 100_000,
        account: '1200',
        currency: 'EUR',
        rate: '1.0950',
        partyId: 'party:S-1',
        branch: 'LON',
      },
      allocations: [{ documentId: 'tradeDoc:b', amount: 100_000, documentRate: '1.0825' }],
      settings: SETTINGS,
      baseCurrency: 'USD',
    });
    expect(shape(lines)).toEqual([
      ['1200', 0, 100_000, 0, 109_500],
      ['2100', 100_000, 0, 108_250, 0],
      ['6900', 0, 0, 1_250, 0],
    ]);
    expect(lines.every((l) => l.branch === 'LON')).toBe(true);
  });

  it('posts no exchange lines in the base currency', () => {
    const lines = paymentPosting({
      payment: {
        side: 'receipt',
        amount: 5_000,
        account: '1210',
        currency: 'USD',
        rate: '1',
        partyId: 'party:C-1',
      },
      allocations: [{ documentId: 'tradeDoc:1', amount: 5_000, documentRate: '1' }],
      settings: SETTINGS,
      baseCurrency: 'USD',
    });
    expect(shape(lines)).toEqual([
      ['1210', 5_000, 0, 5_000, 0],
      ['1100', 0, 5_000, 0, 5_000],
    ]);
  });

  it('sends the cents lost converting the bank line once and the receivable line by line to rounding', () => {
    // 3 yen at 0.005 is 0.015 USD → 0.02 in the bank, but each 1-yen invoice was booked at 0.005 → 0.01.
    const lines = paymentPosting({
      payment: {
        side: 'receipt',
        amount: 3,
        account: '1200',
        currency: 'JPY',
        rate: '0.005',
        partyId: 'party:C-1',
      },
      allocations: ['a', 'b', 'c'].map((id) => ({
        documentId: `tradeDoc:${id}`,
        amount: 1,
        documentRate: '0.005',
      })),
      settings: SETTINGS,
      baseCurrency: 'USD',
    });
    expect(shape(lines).at(-1)).toEqual(['6990', 0, 0, 1, 0]);
    expect(entryDifference(lines).difference).toBe(0);
  });

  it('refuses allocations larger than the payment', () => {
    expect(() =>
      receipt(1_000, '1.0950', [
        { documentId: 'tradeDoc:1', amount: 1_500, documentRate: '1.0825' },
      ]),
    ).toThrow('The allocations add up to 15.00 EUR, more than the 10.00 EUR of this payment.');
  });

  it('always balances in base and in the payment currency (property)', () => {
    const arb = fc.record({
      side: fc.constantFrom('receipt' as const, 'payment' as const),
      pair: fc.constantFrom(...CURRENCY_PAIRS),
      rate: rateArb,
      parts: fc.array(
        fc.record({ amount: fc.integer({ min: 1, max: 1e8 }), documentRate: rateArb }),
        { maxLength: 6 },
      ),
      extra: fc.integer({ min: 0, max: 1e8 }),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const [currency, baseCurrency] = x.pair;
        const same = currency === baseCurrency;
        const allocations = x.parts.map((p, i) => ({
          documentId: `tradeDoc:${i}`,
          amount: p.amount,
          documentRate: same ? '1' : p.documentRate,
        }));
        const amount = allocations.reduce((s, a) => s + a.amount, 0) + x.extra || 1;
        const lines = paymentPosting({
          payment: {
            side: x.side,
            amount,
            account: '1200',
            currency,
            rate: same ? '1' : x.rate,
            partyId: 'party:P',
          },
          allocations,
          settings: SETTINGS,
          baseCurrency,
        });
        expect(entryDifference(lines).difference).toBe(0);
        expect(docDifference(lines).difference).toBe(0);
        for (const l of lines) expect(ledgerLineSchema.safeParse(l).success).toBe(true);
        // Each document is cleared at the base amount it was booked at.
        const party = lines.filter((l) => l.party === 'party:P' && l.memo !== 'On account');
        party.forEach((l, i) =>
          expect(l.baseDebit + l.baseCredit).toBe(
            toBase(
              allocations[i]?.amount ?? 0,
              currency,
              baseCurrency,
              allocations[i]?.documentRate ?? '1',
            ),
          ),
        );
      }),
    );
  });
});
