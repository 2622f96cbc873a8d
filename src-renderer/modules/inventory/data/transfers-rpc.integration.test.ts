import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../core/pdf/testing/pdf-text';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';
import type { ItemFields } from '../domain/schemas';
import { receipt } from '../testing/setup';

/**
 * Transfers through the RPC, on real devices: New York sends chairs it holds at a moving
 * average of $89.50 and paper bought in two FIFO lots; Manila receives part and closes the rest
 * short. The transfers database is shared the way sync would share it (a replication).
 */
let nyc: TestDevice;
let mnl: TestDevice;
const wh: Record<string, string> = {};
const item: Record<string, string> = {};
const ctx = (d: TestDevice) => d.core.session()!;

async function share(from: TestDevice, to: TestDevice) {
  await ctx(from).pouch('transfers').replicate.to(ctx(to).pouch('transfers'));
  await ctx(to).settle();
}

const chairFields: ItemFields = {
  sku: 'CHAIR-ERGO-BLK',
  name: 'Ergonomic chair, black',
  group: 'Furniture',
  kind: 'stock',
  barcodes: [],
  baseUnit: 'each',
  units: [],
  valuation: 'average',
};
const paperFields: ItemFields = {
  ...chairFields,
  sku: 'PAPER-A4-80G',
  name: 'Copy paper A4 80 g, ream',
  group: 'Stationery',
  baseUnit: 'ream',
  valuation: 'fifo',
};

async function setUp(d: TestDevice, own: string, other: string) {
  const names: Record<string, string> = { NYC: 'New York', MNL: 'Manila' };
  await d.call('setup.createCompany', {
    ...ACME_INPUT,
    branch: { code: own, name: names[own]!, currency: 'USD' },
  });
  await d.call('org.addBranch', { code: other, name: names[other]!, currency: 'USD' });
  wh[own] = (
    await d.call('inventory.saveWarehouse', {
      fields: { code: `${own}-MAIN`, name: `${own} main store`, branchCode: own },
    })
  )._id;
  // Each test company has its own catalogue; the transfer names New York's items.
  if (own !== 'NYC') return;
  item.chair = (await d.call('inventory.saveItem', { fields: chairFields }))._id;
  item.paper = (await d.call('inventory.saveItem', { fields: paperFields }))._id;
}

beforeAll(async () => {
  nyc = await startAppDevice();
  mnl = await startAppDevice();
  await setUp(nyc, 'NYC', 'MNL');
  await setUp(mnl, 'MNL', 'NYC');
  await nyc.call(
    'inventory.saveStockMove',
    receipt(wh.NYC!, '2026-02-10', item.chair!, '20', 8950),
  );
  await nyc.call('inventory.saveStockMove', receipt(wh.NYC!, '2026-02-11', item.paper!, '30', 400));
  await nyc.call('inventory.saveStockMove', receipt(wh.NYC!, '2026-02-12', item.paper!, '30', 460));
});
afterAll(async () => {
  await nyc?.close();
  await mnl?.close();
});

const sku = (id: string) => (id === item.chair ? 'CHAIR-ERGO-BLK' : 'PAPER-A4-80G');
const onHand = async (d: TestDevice, branch: string) =>
  (await d.call('inventory.stockOnHand', { branch })).map((r) => [sku(r.item), r.qty, r.value]);

describe('transfers through the RPC', () => {
  let id = '';

  it('dispatches at the source valuation’s cost and lowers the source’s stock', async () => {
    const sent = await nyc.call('inventory.dispatchTransfer', {
      date: '2026-03-02',
      fromWarehouse: wh.NYC!,
      toBranch: 'MNL',
      lines: [
        { item: item.chair!, qty: '12' },
        { item: item.paper!, qty: '40' },
      ],
    });
    id = sent._id;
    // Paper leaves FIFO: 30 at $4.00 and 10 at $4.60 = $166.00 for 40, $4.15 each.
    expect(sent.lines.map((l) => l.unitCost)).toEqual([8950, 415]);
    expect(await onHand(nyc, 'NYC')).toEqual([
      ['CHAIR-ERGO-BLK', '8', 8 * 8950],
      ['PAPER-A4-80G', '20', 20 * 460],
    ]);
    const [out] = await nyc.call('inventory.listTransfers', { direction: 'outgoing' });
    expect(out).toMatchObject({ number: 'NYC-A-TRF-000001', status: 'dispatched' });
    expect(out!.inTransitValue).toBe(12 * 8950 + 40 * 415);
    expect(await nyc.call('inventory.listTransfers', { direction: 'incoming' })).toEqual([]);
    // Search finds it by its number or either branch's code, and lists it without bare codes.
    for (const text of ['NYC-A-TRF-000001', 'MNL'])
      expect(
        (await nyc.call('index.search', { text })).filter((e) => e.type === 'transferDispatch'),
      ).toMatchObject([{ title: 'Transfer NYC-A-TRF-000001' }]);
  });

  it('refuses a dispatch of more than the warehouse holds, in words, taking no number', async () => {
    await expect(
      nyc.call('inventory.dispatchTransfer', {
        date: '2026-03-03',
        fromWarehouse: wh.NYC!,
        toBranch: 'MNL',
        lines: [{ item: item.chair!, qty: '9' }],
      }),
    ).rejects.toThrow(
      'Not enough stock: CHAIR-ERGO-BLK Ergonomic chair, black: 9 each sent, 8 on hand on 03/03/2026.',
    );
    expect(await nyc.call('inventory.listTransfers', {})).toHaveLength(1);
  });

  it('refuses a receipt recorded by any branch but the destination, in words, writing nothing', async () => {
    const before = (await ctx(nyc).pouch('transfers').allDocs()).total_rows;
    await expect(
      nyc.call('inventory.receiveTransfer', {
        transfer: id,
        warehouse: wh.NYC!,
        date: '2026-03-04',
        lines: [{ line: 0, qty: '1' }],
      }),
    ).rejects.toThrow(
      'Transfer NYC-A-TRF-000001 goes to Manila; only Manila can record what arrived, not New York. Nothing was saved.',
    );
    expect((await ctx(nyc).pouch('transfers').allDocs()).total_rows).toBe(before);
    expect((await nyc.call('inventory.getTransfer', { id })).receipts).toEqual([]);
  });

  it('names the branches as a clerk knows them, on screen and in the goods-in-transit PDF', async () => {
    await share(nyc, mnl);
    const [t] = await mnl.call('inventory.listTransfers', { direction: 'incoming' });
    expect([t!.from, t!.fromName, t!.to, t!.toName]).toEqual(['NYC', 'New York', 'MNL', 'Manila']);
    const transit = await mnl.call('inventory.goodsInTransit', {});
    expect(transit.rows.map((r) => [r.fromName, r.toName])).toEqual([
      ['New York', 'Manila'],
      ['New York', 'Manila'],
    ]);
    const pdf = await mnl.call('inventory.reportPdf', {
      report: 'goodsInTransit',
      today: '2026-03-05',
      locale: 'en-US',
    });
    const text = await pdfText(pdf.bytes);
    // Manila's catalogue is its own (setUp): the items are not on its device, the branches are.
    expect(text).toMatch(/NYC-A-TRF-000001 03\/02\/2026 New York Manila /);
  });

  it('receives at the dispatch cost; goods in transit until then; a short closure is in neither stock', async () => {
    await share(nyc, mnl);
    const [incoming] = await mnl.call('inventory.listTransfers', { direction: 'incoming' });
    expect(incoming!.id).toBe(id);
    expect((await mnl.call('inventory.goodsInTransit', {})).total).toBe(12 * 8950 + 40 * 415);
    await mnl.call('inventory.receiveTransfer', {
      transfer: id,
      warehouse: wh.MNL!,
      date: '2026-03-09',
      lines: [{ line: 0, qty: '10' }],
    });
    await expect(
      mnl.call('inventory.receiveTransfer', {
        transfer: id,
        warehouse: wh.MNL!,
        date: '2026-03-09',
        lines: [{ line: 1, qty: '41' }],
      }),
    ).rejects.toThrow('Line 2: 41 received, but only 40 are still on the way. Nothing was saved.');
    expect(await onHand(mnl, 'MNL')).toEqual([['CHAIR-ERGO-BLK', '10', 10 * 8950]]);
    const transit = await mnl.call('inventory.goodsInTransit', { branch: 'MNL' });
    expect(transit.rows.map((r) => [r.number, r.qty, r.value])).toEqual([
      ['NYC-A-TRF-000001', '2', 2 * 8950],
      ['NYC-A-TRF-000001', '40', 40 * 415],
    ]);
    await mnl.call('inventory.receiveTransfer', {
      transfer: id,
      warehouse: wh.MNL!,
      date: '2026-03-10',
      lines: [{ line: 1, qty: '38' }],
      closesShort: true,
    });
    await share(mnl, nyc);
    const seen = await nyc.call('inventory.getTransfer', { id });
    expect(seen).toMatchObject({ status: 'received', closedShort: true, inTransitValue: 0 });
    expect(seen.lines.map((l) => [l.received, l.short, l.shortValue])).toEqual([
      ['10', '2', 2 * 8950],
      ['38', '2', 2 * 415],
    ]);
    expect(seen.receipts.map((r) => [r.date, r.warehouseCode, r.closesShort])).toEqual([
      ['2026-03-09', '', false],
      ['2026-03-10', '', true],
    ]);
    expect((await nyc.call('inventory.goodsInTransit', {})).rows).toEqual([]);
    // A receipt's id finds its transfer (the general ledger names only the receipt).
    const byReceipt = await nyc.call('inventory.getTransfer', { id: seen.receipts[1]!.id });
    expect(byReceipt.id).toBe(id);
    // NYC's own stock is unchanged by the receipts; MNL holds exactly what arrived.
    expect(await onHand(nyc, 'NYC')).toEqual([
      ['CHAIR-ERGO-BLK', '8', 8 * 8950],
      ['PAPER-A4-80G', '20', 20 * 460],
    ]);
    expect(await onHand(nyc, 'MNL')).toEqual([
      ['CHAIR-ERGO-BLK', '10', 10 * 8950],
      ['PAPER-A4-80G', '38', 38 * 415],
    ]);
    await expect(
      nyc.call('inventory.getTransfer', { id: 'transferDispatch:nope' }),
    ).rejects.toThrow('That transfer is not on this device yet.');
  });
});
