import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';
import { ACME_INPUT } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { delivery, inventoryCompany, receipt, storedMoves } from '../testing/setup';

/**
 * The worked example of Odoo's documentation, "Inventory valuation methods" (Odoo 17,
 * Inventory → Product management → Inventory valuation): receive 8 @ $10, receive 4 @ $16,
 * deliver 10, receive 2 @ $6. Moving average: COGS $120, 4 units worth $36 left. FIFO: COGS
 * $112, 4 units worth $44. Saved through the RPC, read back through the projection.
 */
const until = poller({ timeoutMs: 10_000, everyMs: 20 });
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

async function odoo(method: 'fifo' | 'average') {
  const c = await inventoryCompany(method);
  devices.push(c.d);
  const { d, main, beans } = c;
  await d.call('inventory.saveStockMove', receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'));
  await d.call('inventory.saveStockMove', receipt(main, '2026-03-03', beans, '4', 1600, 'PO-102'));
  await d.call('inventory.saveStockMove', delivery(main, '2026-03-04', beans, '10', 'SO-201'));
  await d.call('inventory.saveStockMove', receipt(main, '2026-03-05', beans, '2', 600, 'PO-103'));
  return c;
}

const cogs = async (d: TestDevice, item: string) =>
  (await d.call('inventory.itemStockLedger', { item })).rows
    .filter((r) => r.kind === 'delivery')
    .reduce((n, r) => n - r.value, 0);

describe('valuation through stock moves and the projection', () => {
  it('moving average: COGS 120, ending 4 units worth 36 (Odoo worked example)', async () => {
    const { d, beans } = await odoo('average');
    expect(await cogs(d, beans)).toBe(12_000);
    const v = await d.call('inventory.valuation', {});
    expect(v.rows).toEqual([expect.objectContaining({ sku: 'BEAN-1KG', qty: '4', value: 3600 })]);
    expect(v.total).toBe(3600);
    // As of the day of the delivery: 2 bags left at the average of 12.
    expect((await d.call('inventory.valuation', { asOf: '2026-03-04' })).total).toBe(2400);
  });

  it('FIFO: COGS 112, ending 4 units worth 44 (Odoo worked example)', async () => {
    const { d, beans, main } = await odoo('fifo');
    expect(await cogs(d, beans)).toBe(11_200);
    expect((await d.call('inventory.valuation', {})).total).toBe(4400);
    const onHand = await d.call('inventory.stockOnHand', { branch: 'NYC' });
    expect(onHand).toEqual([
      expect.objectContaining({ warehouse: main, qty: '4', value: 4400, unit: 'bag' }),
    ]);
    const ledger = await d.call('inventory.itemStockLedger', { item: beans, offset: 1, limit: 2 });
    expect(ledger.total).toBe(4);
    expect(ledger.rows.map((r) => [r.reference, r.runningQty, r.runningValue])).toEqual([
      ['PO-102', '12', 14_400],
      ['SO-201', '2', 3200],
    ]);
  });

  it('a back-dated receipt re-values the moves after it, the same as a full rebuild and in any sync order', async () => {
    const { d, main, beans } = await odoo('average');
    await d.call('inventory.saveStockMove', receipt(main, '2026-03-01', beans, '4', 700, 'PO-099'));
    // 4 @ 7 first: 16 bags worth 172 before the delivery, which now costs 107.50.
    expect(await cogs(d, beans)).toBe(10_750);
    const incremental = await d.call('inventory.itemStockLedger', { item: beans });
    expect(incremental.rows.at(-1)).toMatchObject({ runningQty: '8', runningValue: 7650 });

    await d.call('index.rebuild', undefined);
    expect(await d.call('inventory.itemStockLedger', { item: beans })).toEqual(incremental);

    // Another device of the company receives the same moves newest first, one at a time.
    const other = await startAppDevice();
    devices.push(other);
    await other.call('setup.createCompany', ACME_INPUT);
    const master = d.core.session()!.dbs.get('master')!;
    const items = await master.allDocs({ include_docs: true });
    const moves = await storedMoves(d);
    await other.core
      .session()!
      .dbs.get('branch-nyc')!
      .bulkDocs(moves.reverse(), { new_edits: false });
    // Master data arrives last: the item's valuation method reaches the index after its moves.
    await other.core
      .session()!
      .dbs.get('master')!
      .bulkDocs(
        items.rows.map((r) => r.doc!).filter((doc) => /^(item|warehouse):/.test(doc._id)),
        { new_edits: false },
      );
    // Written straight to PouchDB, as replication does: the index follows its changes feed.
    const ledger = () => other.call('inventory.itemStockLedger', { item: beans });
    const same = (l: typeof incremental) => JSON.stringify(l) === JSON.stringify(incremental);
    expect(await until(ledger, same, 'the replicated moves valued as on the first device')).toEqual(
      incremental,
    );
  });

  it('moves between warehouses carry the cost they left with', async () => {
    const { d, main, back, beans } = await odoo('fifo');
    await d.call('inventory.saveStockMove', {
      kind: 'internal',
      date: '2026-03-06',
      warehouse: main,
      toWarehouse: back,
      lines: [{ item: beans, qty: '3' }],
    });
    const onHand = await d.call('inventory.stockOnHand', {});
    expect(onHand.map((r) => [r.warehouseCode, r.qty, r.value])).toEqual([
      ['NYC-BACK', '3', 3800],
      ['NYC-MAIN', '1', 600],
    ]);
    // Back-dating a cheaper receipt changes what left the main store, so the back room follows.
    await d.call('inventory.saveStockMove', receipt(main, '2026-03-01', beans, '10', 500));
    const after = await d.call('inventory.stockOnHand', {});
    expect(after.map((r) => [r.warehouseCode, r.qty, r.value])).toEqual([
      ['NYC-BACK', '3', 3000],
      ['NYC-MAIN', '11', 12_600],
    ]);
  });
});
