import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';
import { beansFields, receipt } from '../testing/setup';
import { dispatchTransfer, listTransfers, receiveTransfer } from './transfers';

/**
 * Dispatching and receiving on the devices themselves: New York's device sends, Manila's
 * receives in part and then closes short. The two devices share the transfers database the way
 * sync would (a PouchDB replication between them), so this tests the worker's own rules; the
 * server's are in server/transfers.test.ts.
 */
let nyc: TestDevice;
let mnl: TestDevice;
const wh: Record<string, string> = {};
const ctx = (d: TestDevice) => d.core.session()!;

async function share(from: TestDevice, to: TestDevice) {
  await ctx(from).pouch('transfers').replicate.to(ctx(to).pouch('transfers'));
  await ctx(to).settle();
}

async function setUp(d: TestDevice, own: string, other: string, otherName: string) {
  await d.call('setup.createCompany', {
    ...ACME_INPUT,
    branch: { code: own, name: own === 'NYC' ? 'New York' : 'Manila', currency: 'USD' },
  });
  await d.call('org.addBranch', { code: other, name: otherName, currency: 'USD' });
  const saved = await d.call('inventory.saveWarehouse', {
    fields: { code: `${own}-MAIN`, name: `${own} main store`, branchCode: own },
  });
  wh[own] = saved._id;
}

beforeAll(async () => {
  nyc = await startAppDevice();
  mnl = await startAppDevice();
  await setUp(nyc, 'NYC', 'MNL', 'Manila');
  await setUp(mnl, 'MNL', 'NYC', 'New York');
  // What New York holds: the dispatches below leave at these costs (the valuation's).
  const fields = beansFields('average');
  for (const [sku, name, unitCost] of [
    ['CHAIR-ERGO-BLK', 'Ergonomic chair, black', 8950],
    ['PAPER-A4-80G', 'Copy paper A4 80 g, ream', 412],
  ] as const) {
    const saved = await nyc.call('inventory.saveItem', {
      fields: { ...fields, sku, name, barcodes: [], units: [] },
    });
    ids[sku] = saved._id;
    await nyc.call(
      'inventory.saveStockMove',
      receipt(wh.NYC!, '2026-02-01', saved._id, '100', unitCost),
    );
  }
  chairs.item = ids['CHAIR-ERGO-BLK']!;
  paper.item = ids['PAPER-A4-80G']!;
});
afterAll(async () => {
  await nyc?.close();
  await mnl?.close();
});

const ids: Record<string, string> = {};
const chairs = { item: '', qty: '12' };
const paper = { item: '', qty: '40.5' };

describe('transfers on the devices', () => {
  it('numbers a dispatch from the device series and shows it in transit at both ends', async () => {
    const d = await dispatchTransfer(ctx(nyc), {
      date: '2026-03-02',
      fromWarehouse: wh.NYC!,
      toBranch: 'MNL',
      lines: [chairs, paper],
    });
    expect(d).toMatchObject({ number: 'NYC-A-TRF-000001', branch: 'NYC', status: 'posted' });
    await share(nyc, mnl);
    const [seen] = await listTransfers(ctx(mnl));
    expect(seen).toMatchObject({ id: d._id, status: 'dispatched', from: 'NYC', to: 'MNL' });
    expect(seen!.inTransitValue).toBe(12 * 8950 + 16686);
  });

  it('refuses bad dispatches in words, writing nothing and taking no number', async () => {
    const base = { date: '2026-03-03', fromWarehouse: wh.NYC!, lines: [chairs] };
    await expect(dispatchTransfer(ctx(nyc), { ...base, toBranch: 'LON' })).rejects.toThrow(
      'There is no branch "LON" to send goods to. Choose one from the list.',
    );
    await expect(dispatchTransfer(ctx(nyc), { ...base, toBranch: 'NYC' })).rejects.toThrow(
      /Some fields need attention|another branch/,
    );
    const manilas = await nyc.call('inventory.saveWarehouse', {
      fields: { code: 'MNL-PORT', name: 'Manila port store', branchCode: 'MNL' },
    });
    await expect(
      dispatchTransfer(ctx(nyc), { ...base, toBranch: 'MNL', fromWarehouse: manilas._id }),
    ).rejects.toThrow('Warehouse MNL-PORT belongs to branch MNL; choose one of NYC.');
    await expect(
      dispatchTransfer(ctx(nyc), { ...base, toBranch: 'MNL', fromWarehouse: wh.MNL! }),
    ).rejects.toThrow(
      'The warehouse the goods leave is not on this device. Choose one from the list.',
    );
    await expect(
      dispatchTransfer(ctx(nyc), { ...base, toBranch: 'MNL', lines: [{ ...chairs, qty: '-2' }] }),
    ).rejects.toThrow();
    expect(await listTransfers(ctx(nyc))).toHaveLength(1);
    const next = await dispatchTransfer(ctx(nyc), { ...base, toBranch: 'MNL' });
    expect(next.number).toBe('NYC-A-TRF-000002');
  });

  it('lets only the destination receive, never more than is on the way, then closes short', async () => {
    await share(nyc, mnl);
    const first = (await listTransfers(ctx(mnl))).find((t) => t.number === 'NYC-A-TRF-000001')!;
    const receive = { transfer: first.id, warehouse: wh.MNL!, date: '2026-03-09' };
    await expect(
      receiveTransfer(ctx(nyc), { ...receive, warehouse: wh.NYC!, lines: [{ line: 0, qty: '1' }] }),
    ).rejects.toThrow(
      'Transfer NYC-A-TRF-000001 goes to Manila; only Manila can record what arrived, not New York. Nothing was saved.',
    );
    await expect(
      receiveTransfer(ctx(mnl), { ...receive, lines: [{ line: 0, qty: '13' }] }),
    ).rejects.toThrow('Line 1: 13 received, but only 12 are still on the way. Nothing was saved.');
    await receiveTransfer(ctx(mnl), { ...receive, lines: [{ line: 0, qty: '10' }] });
    await receiveTransfer(ctx(mnl), {
      ...receive,
      date: '2026-03-10',
      lines: [{ line: 1, qty: '38' }],
      closesShort: true,
    });
    await expect(
      receiveTransfer(ctx(mnl), { ...receive, lines: [{ line: 0, qty: '2' }] }),
    ).rejects.toThrow(/closed as short/);
    await share(mnl, nyc);
    const atSource = (await listTransfers(ctx(nyc))).find((t) => t.id === first.id)!;
    expect(atSource).toMatchObject({ status: 'received', closedShort: true, inTransitValue: 0 });
    expect(atSource.lines.map((l) => l.short / 10_000)).toEqual([2, 2.5]);
    expect(atSource.shortValue).toBe(2 * 8950 + 1030);
  });
});
