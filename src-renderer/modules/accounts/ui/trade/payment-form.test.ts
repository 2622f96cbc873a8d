import { describe, expect, it } from 'vitest';
import { paymentForm, type PaymentDraft } from './payment-form';

const draft: PaymentDraft = {
  side: 'payment',
  partyId: 'party:harbour-supplies',
  date: '2026-04-02',
  currency: 'EUR',
  foreign: false,
  rate: '1',
  amount: 80_000,
  account: '1010',
  reference: 'TRF 88231',
  memo: '',
  allocations: { 'tradeDoc:a': 30_000, 'tradeDoc:b': null },
  slips: [],
};
const form = paymentForm({
  partyKind: 'supplier',
  open: new Map([
    ['tradeDoc:a', 30_000],
    ['tradeDoc:b', 45_000],
  ]),
  locale: 'de-DE',
});
const errors = (d: PaymentDraft) => {
  const r = form.safeParse(d);
  return r.success
    ? {}
    : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the payment form', () => {
  it('sends what the core takes: empty and zero allocations are not allocations', () => {
    expect(
      form.parse({ ...draft, allocations: { ...draft.allocations, 'tradeDoc:c': 0 } }),
    ).toEqual({
      side: 'payment',
      partyId: 'party:harbour-supplies',
      date: '2026-04-02',
      currency: 'EUR',
      rate: '1',
      amount: 80_000,
      account: '1010',
      reference: 'TRF 88231',
      memo: '',
      allocations: [{ documentId: 'tradeDoc:a', amount: 30_000 }],
    });
  });

  it('names each problem on its field, a row by its document', () => {
    expect(
      errors({ ...draft, partyId: '', amount: 50_000, allocations: { 'tradeDoc:b': 60_000 } }),
    ).toEqual({
      partyId: 'Choose the supplier.',
      'allocations.tradeDoc:b': 'Only 450,00 is open.',
      allocations: 'The allocations add up to more than the amount.',
    });
    expect(errors({ ...draft, foreign: true, rate: null })).toEqual({
      rate: 'Enter the rate.',
    });
    // What passes here goes through the core's own schema.
    expect(errors({ ...draft, amount: -500, allocations: {} })).toEqual({
      amount: 'The amount must be more than zero.',
    });
  });

  it('never sends while an input holds text that does not read', () => {
    expect(form.safeParse({ ...draft, slips: ['allocations.tradeDoc:b'] }).success).toBe(false);
    expect(errors({ ...draft, amount: null, slips: ['amount'] })).toEqual({
      amount: 'Not readable.',
    });
  });
});
