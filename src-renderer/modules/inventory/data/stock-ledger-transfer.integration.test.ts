import { afterAll, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { accountBalance } from '../../accounts';
import { startAppDevice } from '../../testing';
import { beansFields, receipt } from '../testing/setup';
import { chooseStockAccounts } from '../testing/stock-accounts';
import { dispatchTransfer, receiveTransfer } from './transfers';

/**
 * New York sends 12 ergonomic chairs to Manila; 10 arrive and Manila closes the transfer short.
 * New York's books (its device holds both halves) show the chairs in transit in between, and
 * after the receipt each branch balances alone with nothing left in transit.
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

const CODES = ['1300', '1350', '1900', '2150', '5300'];

async function books(d: TestDevice, branch: string) {
  await ctx(d).settle();
  const out: Record<string, number> = {};
  for (const code of CODES) {
    const n = await accountBalance(ctx(d), [code], '2026-12-31', branch);
    if (n) out[code] = n;
  }
  return out;
}

describe('a transfer in the ledger', () => {
  it('shows goods in transit until received; then each branch balances and transit is zero', async () => {
    const nyc = await office('NYC');
    const mnl = await office('MNL');
    await chooseStockAccounts(nyc.d);
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
    // On the way: New York's chairs are in transit, not in its stock.
    expect(await books(nyc.d, 'NYC')).toEqual({ '1350': 107_400, '2150': -107_400 });

    await share(nyc.d, mnl.d);
    await receiveTransfer(ctx(mnl.d), {
      transfer: sent._id,
      warehouse: mnl.wh,
      date: '2026-03-09',
      lines: [{ line: 0, qty: '10' }],
      closesShort: true,
    });
    await share(mnl.d, nyc.d);

    // New York: 10 chairs are owed by Manila, the 2 lost on the way are a stock adjustment.
    expect(await books(nyc.d, 'NYC')).toEqual({
      '1900': 89_500,
      '2150': -107_400,
      '5300': 17_900,
    });
    expect(await books(nyc.d, 'MNL')).toEqual({ '1300': 89_500, '1900': -89_500 });
    expect(await accountBalance(ctx(nyc.d), ['1350'], '2026-12-31')).toBe(0);
    expect(await accountBalance(ctx(nyc.d), ['1900'], '2026-12-31')).toBe(0);
  });
});
