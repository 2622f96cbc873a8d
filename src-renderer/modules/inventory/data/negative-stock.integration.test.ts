import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { startAppDevice } from '../../testing';
import { delivery, inventoryCompany, receipt, storedMoves } from '../testing/setup';

/**
 * Two offline devices of one branch both deliver the last bags (each is within stock on its
 * own device, so the "refuse" policy lets both through). After they sync, both show the same
 * negative balance and list it as an exception with the two deliveries that caused it.
 */
const until = poller({ timeoutMs: 10_000, everyMs: 20 });
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

async function copy(from: TestDevice, to: TestDevice, db: string, ids: RegExp) {
  const docs = (await from.core.session()!.dbs.get(db)!.allDocs({ include_docs: true })).rows
    .map((r) => r.doc!)
    .filter((d) => ids.test(d._id));
  await to.core.session()!.dbs.get(db)!.bulkDocs(docs, { new_edits: false });
}

describe('negative stock after two offices sync', () => {
  it('shows the balance below zero on both devices, with the moves that took it there', async () => {
    const a = await inventoryCompany('average');
    devices.push(a.d);
    await a.d.call(
      'inventory.saveStockMove',
      receipt(a.main, '2026-03-02', a.beans, '5', 1000, 'PO-101'),
    );
    const b = await startAppDevice();
    devices.push(b);
    await b.call('setup.createCompany', ACME_INPUT);
    await copy(a.d, b, 'master', /^(item|warehouse):/);
    await copy(a.d, b, 'branch-nyc', /^stockMove:/);
    const onB = () => b.call('inventory.stockOnHand', { item: a.beans });
    await until(onB, (r) => r[0]?.qty === '5', 'the receipt on the second device');

    // Offline, each sells four of the five bags.
    await a.d.call(
      'inventory.saveStockMove',
      delivery(a.main, '2026-03-03', a.beans, '4', 'SO-201'),
    );
    await b.call('inventory.saveStockMove', delivery(a.main, '2026-03-03', a.beans, '4', 'SO-877'));
    expect(await a.d.call('inventory.negativeStock', {})).toEqual([]);

    await copy(a.d, b, 'branch-nyc', /^stockMove:/);
    await copy(b, a.d, 'branch-nyc', /^stockMove:/);
    expect(await storedMoves(a.d)).toHaveLength(3);
    const exceptions = (d: TestDevice) => d.call('inventory.negativeStock', { branch: 'NYC' });
    const seen = await until(
      () => exceptions(a.d),
      (r) => r.length === 1,
      'the exception on A',
    );
    expect(seen).toEqual([
      expect.objectContaining({
        sku: 'BEAN-1KG',
        warehouseCode: 'NYC-MAIN',
        qty: '-3',
        value: -3000,
        moves: [
          expect.objectContaining({ date: '2026-03-03', qty: '-4' }),
          expect.objectContaining({ date: '2026-03-03', qty: '-4' }),
        ],
      }),
    ]);
    expect(seen[0]!.moves.map((m) => m.reference).sort()).toEqual(['SO-201', 'SO-877']);
    expect(
      await until(
        () => exceptions(b),
        (r) => r.length === 1,
        'the exception on B',
      ),
    ).toEqual(seen);
  });
});
