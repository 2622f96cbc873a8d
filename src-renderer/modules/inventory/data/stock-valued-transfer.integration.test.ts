import { afterAll, describe, expect, it } from 'vitest';
import type { PostingLine } from '../../../core/postings/posting';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';
import { stockPostings, type StockAccounts } from '../domain/stock-postings';
import { beansFields, receipt } from '../testing/setup';
import { closingShortValue, valuedStockMoves } from './stock-valued';
import { allFacts, dispatchTransfer, receiveTransfer } from './transfers';

/**
 * New York sends 12 ergonomic chairs to Manila; 10 arrive and Manila closes the transfer
 * short. Valued by New York's projector (which holds both halves), posted per branch.
 */
const devices: TestDevice[] = [];
afterAll(async () => {
  for (const d of devices.splice(0)) await d.close();
});
const ctx = (d: TestDevice) => d.core.session()!;

async function office(own: 'NYC' | 'MNL') {
  const d = await startAppDevice();
  devices.push(d);
  const other = own === 'NYC' ? 'MNL' : 'NYC';
  await d.call('setup.createCompany', {
    ...ACME_INPUT,
    branch: { code: own, name: own === 'NYC' ? 'New York' : 'Manila', currency: 'USD' },
  });
  await d.call('org.addBranch', {
    code: other,
    name: other === 'NYC' ? 'New York' : 'Manila',
    currency: 'USD',
  });
  const wh = await d.call('inventory.saveWarehouse', {
    fields: { code: `${own}-MAIN`, name: `${own} main store`, branchCode: own },
  });
  return { d, wh: wh._id };
}

async function share(from: TestDevice, to: TestDevice) {
  await ctx(from).pouch('transfers').replicate.to(ctx(to).pouch('transfers'));
  await ctx(to).settle();
}

const accounts: StockAccounts = {
  grni: '2150',
  goodsInTransit: '1350',
  interBranch: '1900',
  stockAdjustment: '5300',
  defaultInventory: '1300',
  defaultCogs: '5100',
  items: new Map(),
};

function net(lines: PostingLine[], branch: string) {
  const out: Record<string, number> = {};
  for (const l of lines)
    if (l.branch === branch) out[l.account] = (out[l.account] ?? 0) + l.baseDebit - l.baseCredit;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}

describe('a transfer valued for the ledger', () => {
  it('posts each half in its own branch, balanced, and clears goods in transit on the short close', async () => {
    const nyc = await office('NYC');
    const mnl = await office('MNL');
    const chair = await nyc.d.call('inventory.saveItem', {
      fields: {
        ...beansFields('average'),
        sku: 'CHAIR-ERGO-BLK',
        name: 'Ergonomic chair, black',
        barcodes: [],
        units: [],
        baseUnit: 'pcs',
      },
    });
    await nyc.d.call(
      'inventory.saveStockMove',
      receipt(nyc.wh, '2026-02-01', chair._id, '12', 8950, 'PO-7'),
    );
    const sent = await dispatchTransfer(ctx(nyc.d), {
      date: '2026-03-02',
      fromWarehouse: nyc.wh,
      toBranch: 'MNL',
      lines: [{ item: chair._id, qty: '12' }],
    });
    await share(nyc.d, mnl.d);
    const got = await receiveTransfer(ctx(mnl.d), {
      transfer: sent._id,
      warehouse: mnl.wh,
      date: '2026-03-09',
      lines: [{ line: 0, qty: '10' }],
      closesShort: true,
    });
    await share(mnl.d, nyc.d);

    await ctx(nyc.d).settle();
    const [dispatch, arrival] = await valuedStockMoves(ctx(nyc.d).index, [sent._id, got._id]);
    expect(dispatch).toMatchObject({
      kind: 'transferDispatch',
      lines: [{ branch: 'NYC', value: -107_400, transitValue: 107_400 }],
    });
    expect(arrival).toMatchObject({
      kind: 'transferReceipt',
      fromBranch: 'NYC',
      lines: [{ branch: 'MNL', value: 89_500, transitValue: 89_500 }],
    });
    const facts = await allFacts(ctx(nyc.d));
    const close = closingShortValue(facts.dispatches[0]!, facts.receipts);
    expect(close).toEqual({ closedBy: got._id, shortValue: 17_900, fromBranch: 'NYC' });
    const { shortValue } = close;

    const lines = [dispatch!, { ...arrival!, shortValue }].flatMap((m) =>
      stockPostings(m, accounts),
    );
    // New York: the chairs left its stock; 10 are owed by Manila, 2 were lost on the way.
    expect(net(lines, 'NYC')).toEqual({ '1300': -107_400, '1900': 89_500, '5300': 17_900 });
    expect(net(lines, 'MNL')).toEqual({ '1300': 89_500, '1900': -89_500 });
  });
});
