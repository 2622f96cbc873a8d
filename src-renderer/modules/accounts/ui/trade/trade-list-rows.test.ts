import { describe, expect, it } from 'vitest';
import { filterTradeRows, tradeListRows } from './trade-list-rows';

describe('documents list', () => {
  const posted = [
    {
      docId: 'i1',
      number: 'INV-1',
      kind: 'invoice' as const,
      partyId: 'p1',
      date: '2026-01-01',
      dueDate: '2026-01-31',
      currency: 'USD',
      gross: 1000,
      open: 1000,
      status: 'overdue',
    },
    {
      docId: 'i2',
      number: 'INV-2',
      kind: 'invoice' as const,
      partyId: 'p2',
      date: '2026-02-01',
      dueDate: '2026-03-01',
      currency: 'USD',
      gross: 500,
      open: 0,
      status: 'paid',
    },
  ];
  const drafts = [
    {
      id: 'd1',
      number: '',
      side: 'sales',
      kind: 'credit',
      partyId: 'p1',
      date: '2026-03-01',
      currency: 'USD',
      total: 200,
      reference: 'PO 7',
      status: 'draft',
    },
    {
      id: 'd2',
      number: '',
      side: 'purchase',
      kind: 'invoice',
      partyId: 'p9',
      date: '2026-03-02',
      currency: 'USD',
      total: 1,
      reference: '',
      status: 'draft',
    },
  ];
  const name = (id: string) => ({ p1: 'Acme', p2: 'Bolt' })[id] ?? id;
  it("merges posted documents and this side's drafts, newest first", () => {
    const rows = tradeListRows('sales', posted, drafts);
    expect(rows.map((r) => r.id)).toEqual(['d1', 'i2', 'i1']);
    expect(rows[0]).toMatchObject({ status: 'draft', kind: 'credit', gross: 200 });
  });
  it('filters by status, party and text', () => {
    const rows = tradeListRows('sales', posted, drafts);
    expect(
      filterTradeRows(rows, { status: 'unpaid', partyId: null, text: '' }, name).map((r) => r.id),
    ).toEqual(['i1']);
    expect(
      filterTradeRows(rows, { status: 'all', partyId: 'p1', text: '' }, name).map((r) => r.id),
    ).toEqual(['d1', 'i1']);
    expect(
      filterTradeRows(rows, { status: 'all', partyId: null, text: 'bolt' }, name).map((r) => r.id),
    ).toEqual(['i2']);
    expect(
      filterTradeRows(rows, { status: 'draft', partyId: null, text: 'po 7' }, name).map(
        (r) => r.id,
      ),
    ).toEqual(['d1']);
  });
});
