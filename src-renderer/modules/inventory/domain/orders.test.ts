import { describe, expect, it } from 'vitest';
import { parseQty } from './quantity';
import { purchaseOrderSchema, salesOrderSchema, type Order } from './orders-schema';
import { orderState, threeWayMatch, type OrderLink } from './orders-state';

const audit = {
  branch: 'NYC',
  createdAt: '2026-03-02T14:05:00.000Z',
  createdBy: 'Bob Clerk',
  device: 'device:01JTESTDEVICE0000000000000',
};
const BEANS = 'item:01JBEANS000000000000000000';
const MUGS = 'item:01JMUGS0000000000000000000';

// A supplier order for coffee beans and mugs, as a New York device confirms it.
const po = purchaseOrderSchema.parse({
  _id: 'purchaseOrder:01JPO00000000000000000000',
  type: 'purchaseOrder',
  v: 1,
  ...audit,
  status: 'posted',
  number: 'NYC-A-PO-000001',
  partyId: 'party:01JSUPPLIER00000000000000',
  date: '2026-03-02',
  currency: 'USD',
  warehouse: 'warehouse:01JWH000000000000000000000',
  lines: [
    { item: BEANS, qty: '10', unit: 'bag', factor: '1', unitPrice: 1000 },
    { item: MUGS, qty: '2', unit: 'case', factor: '12', unitPrice: 4800 },
  ],
}) as Order;

const q = (s: string) => parseQty(s)!;
const link = (kind: OrderLink['kind'], orderLine: number, qty: string, more = {}): OrderLink => ({
  source: `${kind}:${qty}:${orderLine}`,
  kind,
  orderLine,
  qty: q(qty),
  factor: null,
  unitPrice: null,
  issued: true,
  ...more,
});

describe('order state from receipts and bills', () => {
  it('a confirmed order with nothing received is all back-order', () => {
    const s = orderState(po, [], false);
    expect(s.stage).toBe('confirmed');
    expect(s.open).toBe(true);
    expect(s.lines.map((l) => l.backOrder)).toEqual([q('10'), q('2')]);
  });

  it('partial receipts leave a back-order per line; a receipt counted in bags is converted to cases', () => {
    const s = orderState(
      po,
      [link('receipt', 0, '6'), link('receipt', 1, '12', { factor: '1' })],
      false,
    );
    expect(s.stage).toBe('partly moved');
    expect(s.lines[0]).toMatchObject({ ordered: q('10'), moved: q('6'), backOrder: q('4') });
    expect(s.lines[1]).toMatchObject({ moved: q('1'), backOrder: q('1') });
  });

  it('received in full, then billed: the order is no longer open; closing ends a back-order', () => {
    const all = [link('receipt', 0, '6'), link('receipt', 0, '4'), link('receipt', 1, '2')];
    expect(orderState(po, all, false).stage).toBe('moved');
    const billed = [...all, link('bill', 0, '10'), link('bill', 1, '2')];
    expect(orderState(po, billed, false)).toMatchObject({ stage: 'billed', open: false });
    const draftBill = [...all, link('bill', 0, '10', { issued: false }), link('bill', 1, '2')];
    expect(orderState(po, draftBill, false)).toMatchObject({ stage: 'moved', open: true });
    const closed = orderState(po, [link('receipt', 0, '6')], true);
    expect(closed).toMatchObject({ stage: 'closed', open: false });
    expect(closed.lines.map((l) => l.backOrder)).toEqual([0, 0]);
  });

  it('two devices receiving the same goods offline show the excess, never hide it', () => {
    const s = orderState(po, [link('receipt', 0, '10'), link('receipt', 0, '3')], false);
    expect(s.lines[0]).toMatchObject({ moved: q('13'), backOrder: 0, over: q('3') });
  });

  it('a quote is a sales order in status quote and is never open', () => {
    const quote = salesOrderSchema.parse({
      ...po,
      _id: 'salesOrder:01JSO00000000000000000000',
      type: 'salesOrder',
      status: 'quote',
      number: 'NYC-A-QT-000001',
    }) as Order;
    expect(orderState(quote, [], false)).toMatchObject({ stage: 'quote', open: false });
  });
});

describe('three-way match of a bill', () => {
  const received = [link('receipt', 0, '6'), link('receipt', 0, '4')];

  it('a bill at the ordered price for what was received matches', () => {
    const [m] = threeWayMatch(po, received, [{ orderLine: 0, qty: q('10'), unitPrice: 1000 }]);
    expect(m).toMatchObject({ priceDiffers: false, overReceived: false, flag: '' });
  });

  it('flags a price above the order in words', () => {
    const [m] = threeWayMatch(po, received, [{ orderLine: 0, qty: q('10'), unitPrice: 1050 }]);
    expect(m!.priceDiffers).toBe(true);
    expect(m!.flag).toBe('Billed 10 at $10.50; ordered at $10.00.');
  });

  it('flags more billed than received and ordered', () => {
    const [m] = threeWayMatch(po, received, [{ orderLine: 0, qty: q('12'), unitPrice: 1050 }]);
    expect(m!.flag).toBe('Billed 12 at $10.50; received 10; ordered 10 at $10.00.');
  });

  it('counts earlier issued bills, and a tolerance lets a small difference pass', () => {
    const earlier = [...received.slice(0, 1), link('bill', 0, '6')];
    const [m] = threeWayMatch(po, earlier, [{ orderLine: 0, qty: q('4'), unitPrice: 1000 }]);
    expect(m!.flag).toBe('Billed 10 (6 billed before) at $10.00; received 6.');
    const [ok] = threeWayMatch(po, received, [{ orderLine: 0, qty: q('10'), unitPrice: 1010 }], {
      priceBp: 100,
      qty: 0,
    });
    expect(ok!.flag).toBe('');
  });

  it('a bill line for no line of the order says so', () => {
    const [m] = threeWayMatch(po, received, [{ orderLine: 5, qty: q('1'), unitPrice: 500 }]);
    expect(m!.flag).toBe('Billed 1 at $5.00; not on the order.');
  });
});
