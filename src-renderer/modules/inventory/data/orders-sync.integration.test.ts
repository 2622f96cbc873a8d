import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { startAppDevice } from '../../testing';
import { inventoryCompany } from '../testing/setup';

/**
 * Two devices of one branch both receive the last six bags of a purchase order offline (each
 * within the back-order it sees). After they sync, both show the same order: sixteen received
 * against ten ordered, six over, nothing still expected — the excess shown, never hidden.
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

describe('an order received on two offline devices', () => {
  it('shows the same over-receipt on both after sync', async () => {
    const a = await inventoryCompany('fifo');
    devices.push(a.d);
    const supplier = await a.d.call('accounts.saveParty', {
      fields: { kind: 'supplier', code: 'S-014', name: 'Andes Coffee Importers', currency: 'USD' },
    });
    const draft = await a.d.call('inventory.saveOrder', {
      side: 'purchase',
      partyId: supplier._id,
      date: '2026-03-02',
      currency: 'USD',
      warehouse: a.main,
      lines: [{ item: a.beans, qty: '10', unitPrice: 1000 }],
    });
    const po = await a.d.call('inventory.confirmOrder', { id: draft._id });
    await a.d.call('inventory.receiveOrder', {
      order: po._id,
      date: '2026-03-05',
      lines: [{ orderLine: 0, qty: '4' }],
    });
    const b = await startAppDevice();
    devices.push(b);
    await b.call('setup.createCompany', ACME_INPUT);
    await copy(a.d, b, 'master', /^(item|warehouse|party):/);
    await copy(a.d, b, 'branch-nyc', /^(purchaseOrder|stockMove):/);
    const backOrder = (d: TestDevice) =>
      d.call('inventory.getOrder', { id: po._id }).then((v) => v.lines[0]!.backOrder);
    await until(
      () => backOrder(b),
      (q) => q === '6',
      'the order and its receipt on B',
    );

    // Offline, each receives the six bags still expected.
    for (const d of [a.d, b])
      await d.call('inventory.receiveOrder', {
        order: po._id,
        date: '2026-03-09',
        lines: [{ orderLine: 0, qty: '6' }],
      });
    await copy(a.d, b, 'branch-nyc', /^stockMove:/);
    await copy(b, a.d, 'branch-nyc', /^stockMove:/);

    const view = (d: TestDevice) => d.call('inventory.getOrder', { id: po._id });
    const onA = await until(
      () => view(a.d),
      (v) => v.lines[0]!.moved === '16',
      'both receipts on A',
    );
    expect(onA).toMatchObject({ stage: 'moved', open: true });
    expect(onA.lines[0]).toMatchObject({ ordered: '10', moved: '16', backOrder: '0', over: '6' });
    expect(
      await until(
        () => view(b),
        (v) => v.lines[0]!.moved === '16',
        'both on B',
      ),
    ).toEqual(onA);
  });
});
