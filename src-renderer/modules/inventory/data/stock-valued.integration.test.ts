import { afterEach, describe, expect, it } from 'vitest';
import type { PostingLine } from '../../../core/postings/posting';
import type { TestDevice } from '../../../core/testing/node-core';
import { stockPostings, type StockAccounts } from '../domain/stock-postings';
import { delivery, inventoryCompany, receipt } from '../testing/setup';
import { valuedStockMoves } from './stock-valued';

/**
 * The moves the projection valued, turned into postings: what the ledger will read once the
 * derived-postings sink is wired. Saved through the RPC, valued by the projector.
 */
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

const accounts: StockAccounts = {
  grni: '2150',
  goodsInTransit: '1350',
  interBranch: '1900',
  stockAdjustment: '5300',
  defaultInventory: '1300',
  defaultCogs: '5100',
  items: new Map(),
};

function net(lines: PostingLine[]) {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.account] = (out[l.account] ?? 0) + l.baseDebit - l.baseCredit;
  return out;
}

async function valued(d: TestDevice, ids: string[]) {
  const s = d.core.session()!;
  await s.settle();
  return valuedStockMoves(s.index, ids);
}

/** Odoo's worked example: receive 8 @ $10, 4 @ $16, deliver 10, receive 2 @ $6. */
async function odoo(method: 'fifo' | 'average') {
  const c = await inventoryCompany(method);
  devices.push(c.d);
  const { d, main, beans } = c;
  const ids: string[] = [];
  for (const m of [
    receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'),
    receipt(main, '2026-03-03', beans, '4', 1600, 'PO-102'),
    delivery(main, '2026-03-04', beans, '10', 'SO-201'),
    receipt(main, '2026-03-05', beans, '2', 600, 'PO-103'),
  ])
    ids.push((await d.call('inventory.saveStockMove', m)).move._id);
  return { ...c, ids };
}

describe('valued stock moves from the projection', () => {
  it('moving average: the delivery posts COGS 120.00 and inventory ends at the valuation, 36.00', async () => {
    const { d, ids } = await odoo('average');
    const moves = await valued(d, ids);
    expect(moves.map((m) => [m.kind, m.lines.map((l) => l.value)])).toEqual([
      ['receipt', [8_000]],
      ['receipt', [6_400]],
      ['delivery', [-12_000]],
      ['receipt', [1_200]],
    ]);
    const ledger = net(moves.flatMap((m) => stockPostings(m, accounts)));
    expect(ledger).toEqual({ '1300': 3_600, '5100': 12_000, '2150': -15_600 });
    expect((await d.call('inventory.valuation', {})).total).toBe(ledger['1300']);
  });

  it('FIFO: COGS 112.00 and inventory 44.00, equal to the valuation report', async () => {
    const { d, ids } = await odoo('fifo');
    const moves = await valued(d, ids);
    const ledger = net(moves.flatMap((m) => stockPostings(m, accounts)));
    expect(ledger).toEqual({ '1300': 4_400, '5100': 11_200, '2150': -15_600 });
    expect((await d.call('inventory.valuation', {})).total).toBe(4_400);
  });

  it('a back-dated receipt re-values the delivery after it, and its postings follow', async () => {
    const c = await inventoryCompany('average');
    devices.push(c.d);
    const { d, main, beans } = c;
    const first = await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'),
    );
    const sale = await d.call(
      'inventory.saveStockMove',
      delivery(main, '2026-03-10', beans, '4', 'SO-201'),
    );
    const [before] = await valued(d, [sale.move._id]);
    expect(stockPostings(before!, accounts).map((l) => [l.account, l.baseDebit])).toEqual([
      ['1300', 0],
      ['5100', 4_000],
    ]);
    // Keyed in a week late: 8 more bags that arrived before the sale, at $16.
    const late = await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-05', beans, '8', 1600, 'PO-102'),
    );
    const [after] = await valued(d, [sale.move._id]);
    expect(after!.lines[0]!.value).toBe(-5_200); // 4 at the new average of 13.00
    const all = await valued(d, [first.move._id, late.move._id, sale.move._id]);
    const ledger = net(all.flatMap((m) => stockPostings(m, accounts)));
    expect(ledger).toEqual({ '1300': 15_600, '5100': 5_200, '2150': -20_800 });
    expect((await d.call('inventory.valuation', {})).total).toBe(15_600);
  });

  it('a move between warehouses of one branch posts nothing; a move it does not know has no lines', async () => {
    const c = await inventoryCompany('fifo');
    devices.push(c.d);
    const { d, main, back, beans } = c;
    await d.call('inventory.saveStockMove', receipt(main, '2026-03-02', beans, '8', 1000));
    const moved = await d.call('inventory.saveStockMove', {
      kind: 'internal',
      date: '2026-03-03',
      warehouse: main,
      toWarehouse: back,
      lines: [{ item: beans, qty: '3' }],
    });
    const [internal, unknown] = await valued(d, [moved.move._id, 'stockMove:01UNKNOWN']);
    expect(internal!.lines.map((l) => l.value)).toEqual([-3_000, 3_000]);
    expect(stockPostings(internal!, accounts)).toEqual([]);
    expect(unknown!.lines).toEqual([]);
  });
});
