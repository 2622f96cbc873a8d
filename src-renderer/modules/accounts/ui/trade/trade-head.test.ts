import { describe, expect, it } from 'vitest';
import { addDays, headErrors, toTradeInput, type TradeHead } from './trade-head';

const head: TradeHead = {
  partyId: 'party-acme',
  date: '2026-03-14',
  dueDate: '',
  currency: 'EUR',
  rate: ' 1.0825 ',
  taxMode: 'exclusive',
  reference: 'PO 4471',
  memo: 'March consulting',
};

describe('dates', () => {
  it('adds payment terms', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('', 30)).toBe('');
  });
});

describe('head checks', () => {
  const ok = {
    partyKind: 'customer',
    foreign: true,
    mode: 'issue' as const,
    dueDateSlipped: false,
  };
  it('pass a complete head', () => {
    expect(headErrors(head, ok)).toEqual({});
  });
  it('name each field the clerk must fix', () => {
    expect(
      headErrors({ ...head, partyId: '', date: '2026-02-30', dueDate: '14/03', rate: 'abc' }, ok),
    ).toEqual({
      partyId: 'Choose the customer.',
      date: 'Enter the document date.',
      dueDate: 'Enter a due date, or leave it empty.',
      rate: 'Enter the rate.',
    });
  });
  it('ask for the rate only when issuing, and say when a due date does not read', () => {
    const e = headErrors({ ...head, rate: '' }, { ...ok, mode: 'draft', dueDateSlipped: true });
    expect(e).toEqual({ dueDate: 'Not a date.' });
  });
});

describe('the document sent', () => {
  it('takes the rate only in a foreign currency and leaves an empty due date to the terms', () => {
    const common = { side: 'sales' as const, kind: 'invoice' as const, head, lines: [] };
    const eur = toTradeInput({
      ...common,
      currency: 'EUR',
      foreign: true,
      initial: null,
      creditFor: null,
    });
    expect(eur).toMatchObject({ rate: '1.0825', currency: 'EUR', creditFor: null });
    expect(eur).not.toHaveProperty('dueDate');
    expect(eur).not.toHaveProperty('id');
    const usd = toTradeInput({
      ...common,
      head: { ...head, dueDate: '2026-04-13' },
      currency: 'USD',
      foreign: false,
      initial: null,
      creditFor: null,
    });
    expect(usd).toMatchObject({ rate: '1', dueDate: '2026-04-13' });
  });
});
