import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { accountBalance } from '../../accounts';
import { inventoryCompany } from '../testing/setup';
import { chooseStockAccounts, STOCK_ACCOUNTS } from '../testing/stock-accounts';

/**
 * A bill from receipts at another price than the goods were received at: goods received not
 * billed (2150) nets to zero and the difference is in purchase price differences (5150), as
 * Odoo's price difference account does. Through the RPC and the ledger on a real device.
 */
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

/** PO 10 bags @ $10.00 (standard 20 % tax) from Andes Coffee Importers, all 10 received (GRNI credited $100.00). */
async function receivedTen(settings = STOCK_ACCOUNTS) {
  const c = await inventoryCompany('fifo');
  devices.push(c.d);
  const { d, main, beans } = c;
  await chooseStockAccounts(d);
  await d.call('inventory.saveSettings', { negativeStock: 'refuse', ...settings });
  const supplier = await d.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-014', name: 'Andes Coffee Importers', currency: 'USD' },
  });
  const po = await d.call('inventory.confirmOrder', {
    id: (
      await d.call('inventory.saveOrder', {
        side: 'purchase',
        partyId: supplier._id,
        date: '2026-03-02',
        currency: 'USD',
        warehouse: main,
        lines: [{ item: beans, qty: '10', unitPrice: 1000, taxCode: 'STD' }],
      })
    )._id,
  });
  const got = await d.call('inventory.receiveOrder', {
    order: po._id,
    date: '2026-03-05',
    lines: [{ orderLine: 0, qty: '10' }],
  });
  const s = d.core.session()!;
  const balance = async (code: string) => {
    await s.settle();
    return accountBalance(s, [code], '2026-12-31');
  };
  return { d, receipt: got.move._id, balance };
}

async function billAt(d: TestDevice, receipt: string, unitPrice: number) {
  const { doc: bill } = await d.call('inventory.billFromReceipts', { moves: [receipt] });
  const { totals: _t, posting: _p, ...rest } = bill;
  const lines = [{ ...bill.lines[0]!, unitPrice }];
  return d.call('accounts.issueTradeDoc', { ...rest, id: bill._id, lines } as never);
}

describe('a bill from receipts at another price', () => {
  it('billed at $10.50: GRNI nets to zero, $5.00 price difference, $126.00 payable with 20 % tax', async () => {
    const { d, receipt, balance } = await receivedTen();
    expect(await balance('2150')).toBe(-10_000);
    const bill = await billAt(d, receipt, 1050);
    expect(bill.totals).toMatchObject({ net: 10_500, tax: 2_100, gross: 12_600 });
    expect(await balance('2150')).toBe(0);
    expect(await balance('5150')).toBe(500);
    expect(await balance('2100')).toBe(-12_600);
    expect(await balance('1400')).toBe(2_100);
    expect(await balance('1300')).toBe(10_000);
  });

  it('billed at $9.80: the difference is a credit of $2.00', async () => {
    const { d, receipt, balance } = await receivedTen();
    await billAt(d, receipt, 980);
    expect(await balance('2150')).toBe(0);
    expect(await balance('5150')).toBe(-200);
    expect(await balance('2100')).toBe(-11_760); // 98.00 + 19.60 tax
  });

  it('is refused in words while the price difference account is not chosen', async () => {
    const { d, receipt } = await receivedTen({ ...STOCK_ACCOUNTS, priceDifferenceAccount: '' });
    await expect(d.call('inventory.billFromReceipts', { moves: [receipt] })).rejects.toThrow(
      'Choose the purchase price differences account in Inventory settings: a bill at another price than the receipts posts the difference to it. Then try again. Nothing was saved.',
    );
  });

  it('refuses an asset as the price difference account, saving nothing', async () => {
    const { d } = await receivedTen();
    await expect(
      d.call('inventory.saveSettings', { ...STOCK_ACCOUNTS, priceDifferenceAccount: '1300' }),
    ).rejects.toThrow(
      'Purchase price differences: 1300 Inventory is not an expense account. Choose another account. The inventory settings were not saved.',
    );
    expect(await d.call('inventory.getSettings', undefined)).toMatchObject({
      priceDifferenceAccount: '5150',
    });
  });
});
