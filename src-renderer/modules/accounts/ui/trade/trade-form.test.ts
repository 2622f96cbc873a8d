import { describe, expect, it } from 'vitest';
import type { AgedRow } from '../../domain/aging';
import {
  addDays,
  agedCsv,
  agedTotals,
  allocatable,
  bpToPercent,
  emptyTradeRow,
  filterTradeRows,
  fillOldestFirst,
  gridToLines,
  liveTotals,
  percentToBp,
  rowsFromLines,
  tradeListRows,
  withTrailingTradeBlank,
  type TradeRow,
} from './trade-form';

const row = (p: Partial<TradeRow>): TradeRow => ({ ...emptyTradeRow({ account: '4000' }), ...p });
const VAT = new Map([['VAT20', { code: 'VAT20', rateBp: 2000 }]]);

describe('percent ↔ basis points', () => {
  it('reads percentages exactly', () => {
    expect(percentToBp('')).toBe(0);
    expect(percentToBp('10')).toBe(1000);
    expect(percentToBp('2.5')).toBe(250);
    expect(percentToBp('12.34 %')).toBe(1234);
    expect(percentToBp('100')).toBe(10_000);
    expect(percentToBp('100.01')).toBeNull();
    expect(percentToBp('1.234')).toBeNull();
    expect(percentToBp('-1')).toBeNull();
    expect(percentToBp('abc')).toBeNull();
  });
  it('writes them back', () => {
    expect(bpToPercent(0)).toBe('');
    expect(bpToPercent(1000)).toBe('10');
    expect(bpToPercent(250)).toBe('2.5');
    expect(bpToPercent(1234)).toBe('12.34');
    for (const bp of [1, 5, 99, 250, 1234, 10_000]) expect(percentToBp(bpToPercent(bp))).toBe(bp);
  });
});

describe('lines grid', () => {
  it('turns typed rows into the core lines, dropping blank rows and keeping row keys', () => {
    const a = row({
      description: 'Consulting',
      quantity: '2.5',
      unitPrice: '120.00',
      discount: '10',
      taxCode: 'VAT20',
    });
    const blank = row({});
    const b = row({ description: 'Travel', unitPrice: '45.5' });
    const out = gridToLines([a, blank, b], 'USD');
    expect(out.errors).toEqual({});
    expect(out.keys).toEqual([a.key, b.key]);
    expect(out.lines).toEqual([
      {
        itemCode: '',
        description: 'Consulting',
        quantity: '2.5',
        unitPrice: 12_000,
        discountBp: 1000,
        taxCode: 'VAT20',
        account: '4000',
      },
      {
        itemCode: '',
        description: 'Travel',
        quantity: '1',
        unitPrice: 4550,
        discountBp: 0,
        taxCode: null,
        account: '4000',
      },
    ]);
  });

  it('reports problems under the same keys the core uses', () => {
    const out = gridToLines(
      [
        row({ description: 'Ok', unitPrice: '1' }),
        row({ description: '', unitPrice: '1.005', discount: '120', quantity: 'x', account: '' }),
      ],
      'USD',
    );
    expect(out.errors['lines.1.unitPrice']).toMatch(/Not an amount/);
    expect(out.errors['lines.1.discountBp']).toMatch(/percentage/);
    expect(out.errors['lines.1.quantity']).toBeDefined();
    expect(out.errors['lines.1.description']).toBe('Describe the line.');
    expect(out.errors['lines.1.account']).toBe('Choose the account.');
    expect(Object.keys(out.errors).some((k) => k.startsWith('lines.0'))).toBe(false);
    expect(gridToLines([row({})], 'USD').errors.lines).toBe('Add at least one line.');
  });

  it('keeps one blank row at the end, inheriting account and tax code', () => {
    const rows = withTrailingTradeBlank(
      [row({ description: 'A', unitPrice: '1', account: '4100', taxCode: 'VAT20' })],
      { account: '4000' },
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ account: '4100', taxCode: 'VAT20', description: '' });
    expect(withTrailingTradeBlank(rows)).toBe(rows);
    expect(withTrailingTradeBlank([], { account: '5000' })[0]).toMatchObject({
      account: '5000',
      taxCode: '',
    });
  });

  it('round-trips stored lines', () => {
    const lines = [
      {
        itemCode: '',
        description: 'Widget',
        quantity: '3',
        unitPrice: 1999,
        discountBp: 250,
        taxCode: 'VAT20',
        account: '4000',
      },
    ];
    const rows = rowsFromLines(lines, 'USD');
    expect(rows[0]).toMatchObject({
      quantity: '3',
      unitPrice: '19.99',
      discount: '2.5',
      taxCode: 'VAT20',
    });
    expect(gridToLines(rows, 'USD').lines).toEqual(lines);
  });
});

describe('live totals', () => {
  it('match the core rule (per-line rounding), exclusive and inclusive', () => {
    const rows = [
      row({ description: 'A', quantity: '3', unitPrice: '0.33', taxCode: 'VAT20' }),
      row({ description: 'B', unitPrice: '10' }),
    ];
    expect(liveTotals(rows, VAT, 'exclusive', 'USD')).toEqual({
      net: 1099,
      tax: 20,
      gross: 1119,
      problem: null,
    });
    const inc = liveTotals(
      [row({ description: 'A', unitPrice: '12.00', taxCode: 'VAT20' })],
      VAT,
      'inclusive',
      'USD',
    );
    expect(inc).toEqual({ net: 1000, tax: 200, gross: 1200, problem: null });
  });
  it('skip rows that do not read as numbers yet and explain an unknown tax code', () => {
    const t = liveTotals(
      [row({ description: 'A', unitPrice: '5' }), row({ description: 'B', unitPrice: 'x' })],
      VAT,
      'exclusive',
      'USD',
    );
    expect(t).toMatchObject({ gross: 500, problem: null });
    expect(
      liveTotals(
        [row({ description: 'A', unitPrice: '5', taxCode: 'GST' })],
        VAT,
        'exclusive',
        'USD',
      ).problem,
    ).toMatch(/GST/);
  });
});

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

describe('aged report', () => {
  const rows: AgedRow[] = [
    {
      partyId: 'p1',
      buckets: { current: 100, '1-30': 0, '31-60': 2550, '61-90': 0, '90+': 1 },
      total: 2651,
    },
    {
      partyId: 'p2',
      buckets: { current: -500, '1-30': 1000, '31-60': 0, '61-90': 0, '90+': 0 },
      total: 500,
    },
  ];
  it('totals every bucket', () => {
    expect(agedTotals(rows)).toMatchObject({
      buckets: { current: -400, '1-30': 1000, '31-60': 2550, '61-90': 0, '90+': 1 },
      total: 3151,
    });
  });
  it('exports exact decimals and quotes names', () => {
    const csv = agedCsv(rows, (id) => (id === 'p1' ? 'Acme, Inc.' : 'Bob "B"'), 'USD');
    expect(csv.split('\r\n')).toEqual([
      'Party,Current,1-30,31-60,61-90,90+,Total',
      '"Acme, Inc.",1.00,0.00,25.50,0.00,0.01,26.51',
      '"Bob ""B""",-5.00,10.00,0.00,0.00,0.00,5.00',
      'Total,-4.00,10.00,25.50,0.00,0.01,31.51',
      '',
    ]);
    expect(agedCsv(rows.slice(0, 1), () => 'X', 'JPY').split('\r\n')[1]).toBe(
      'X,100,0,2550,0,1,2651',
    );
  });
});

describe('dates', () => {
  it('adds payment terms', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('', 30)).toBe('');
  });
});

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
