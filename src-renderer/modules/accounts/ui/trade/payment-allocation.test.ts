import { describe, expect, it } from 'vitest';
import { allocatable, fillOldestFirst } from './payment-allocation';

describe('allocation', () => {
  const items = [
    {
      docId: 'b',
      date: '2026-02-01',
      kind: 'invoice' as const,
      currency: 'USD',
      open: 500,
      status: 'open',
    },
    {
      docId: 'a',
      date: '2026-01-15',
      kind: 'invoice' as const,
      currency: 'USD',
      open: 300,
      status: 'overdue',
    },
    {
      docId: 'c',
      date: '2026-01-01',
      kind: 'invoice' as const,
      currency: 'EUR',
      open: 900,
      status: 'open',
    },
    {
      docId: 'd',
      date: '2026-01-01',
      kind: 'credit' as const,
      currency: 'USD',
      open: -100,
      status: 'open',
    },
    {
      docId: 'e',
      date: '2026-01-01',
      kind: 'invoice' as const,
      currency: 'USD',
      open: 0,
      status: 'paid',
    },
  ];
  it('offers open invoices in the payment currency, oldest first', () => {
    expect(allocatable(items, 'USD').map((i) => i.docId)).toEqual(['a', 'b']);
  });
  it('fills oldest first and leaves the rest on account', () => {
    const open = allocatable(items, 'USD');
    expect(fillOldestFirst(400, open)).toEqual({ a: 300, b: 100 });
    expect(fillOldestFirst(1000, open)).toEqual({ a: 300, b: 500 });
    expect(fillOldestFirst(0, open)).toEqual({});
  });
});
