import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { newId } from '../../../core/ids';
import { accountBalance } from '../../accounts';
import { beansFields, delivery, inventoryCompany, receipt, storedMoves } from '../testing/setup';
import { chooseStockAccounts, STOCK_ACCOUNTS } from '../testing/stock-accounts';

/**
 * Stock moves in the ledger (data/stock-ledger.ts): saved through the RPC, valued by the
 * projector and posted by it in the same index transaction; read back through Accounts'
 * index.ts, as the trial balance does.
 */
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

const codes = ['1300', '5100', '2150', '5300'] as const;

async function books(d: TestDevice, asOf = '2026-12-31') {
  const s = d.core.session()!;
  await s.settle();
  const out: Record<string, number> = {};
  for (const code of codes) out[code] = await accountBalance(s, [code], asOf);
  return out;
}

/** Odoo's worked example: receive 8 @ $10, 4 @ $16, deliver 10, receive 2 @ $6. */
async function odoo(method: 'fifo' | 'average') {
  const c = await inventoryCompany(method);
  devices.push(c.d);
  await chooseStockAccounts(c.d);
  const { d, main, beans } = c;
  for (const m of [
    receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'),
    receipt(main, '2026-03-03', beans, '4', 1600, 'PO-102'),
    delivery(main, '2026-03-04', beans, '10', 'SO-201'),
    receipt(main, '2026-03-05', beans, '2', 600, 'PO-103'),
  ])
    await d.call('inventory.saveStockMove', m);
  return c;
}

describe('stock moves post to the ledger', () => {
  it('moving average: cost of goods sold 120.00, inventory 36.00 = the valuation report', async () => {
    const { d } = await odoo('average');
    expect(await books(d)).toEqual({ '1300': 3_600, '5100': 12_000, '2150': -15_600, '5300': 0 });
    expect((await d.call('inventory.valuation', {})).total).toBe(3_600);
    expect(await d.call('inventory.ledgerCheck', { asOf: '2026-12-31' })).toEqual({
      asOf: '2026-12-31',
      valuation: 3_600,
      books: 3_600,
      difference: 0,
      accounts: ['1300'],
      missing: [],
    });
    // Stock put on the books by hand is no longer what the valuation says: the check shows it.
    await d.call('accounts.postJournal', {
      date: '2026-03-06',
      memo: 'Opening stock keyed by hand',
      currency: 'USD',
      lines: [
        { account: '1300', debit: 500, credit: 0 },
        { account: '3100', debit: 0, credit: 500 },
      ],
    });
    expect(await d.call('inventory.ledgerCheck', { asOf: '2026-12-31' })).toMatchObject({
      valuation: 3_600,
      books: 4_100,
      difference: 500,
    });
  });

  it('FIFO: cost of goods sold 112.00, inventory 44.00', async () => {
    const { d } = await odoo('fifo');
    expect(await books(d)).toEqual({ '1300': 4_400, '5100': 11_200, '2150': -15_600, '5300': 0 });
    // Before the delivery the books held all twelve bags.
    expect(await books(d, '2026-03-03')).toMatchObject({ '1300': 14_400, '5100': 0 });
    // What the clerk sees in the general ledger: the delivery by its number, in words.
    const cogs = await d.call('accounts.generalLedger', {
      account: '5100',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(
      cogs.rows.map((r) => [r.date, r.docType, r.number.replace(/\d+$/, 'n'), r.memo, r.debit]),
    ).toEqual([['2026-03-04', 'stockMove', 'NYC-A-DN-n', 'Cost of goods sold', 11_200]]);
  });

  it('a receipt keyed in late, dated before a delivery, changes that delivery’s cost in the ledger', async () => {
    const c = await inventoryCompany('average');
    devices.push(c.d);
    await chooseStockAccounts(c.d);
    const { d, main, beans } = c;
    await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'),
    );
    await d.call('inventory.saveStockMove', delivery(main, '2026-03-10', beans, '4', 'SO-201'));
    expect(await books(d)).toMatchObject({ '1300': 4_000, '5100': 4_000 });
    await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-05', beans, '8', 1600, 'PO-102'),
    );
    // 4 bags at the new average of $13.00.
    expect(await books(d)).toEqual({ '1300': 15_600, '5100': 5_200, '2150': -20_800, '5300': 0 });
    expect((await d.call('inventory.valuation', {})).total).toBe(15_600);
  });

  it('posts nothing while accounts are missing, keeps indexing, and posts it all once they are chosen', async () => {
    const c = await inventoryCompany('fifo');
    devices.push(c.d);
    const { d, main, beans } = c;
    await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'),
    );
    await d.call('inventory.saveStockMove', delivery(main, '2026-03-04', beans, '3', 'SO-201'));
    expect(await books(d)).toEqual({ '1300': 0, '5100': 0, '2150': 0, '5300': 0 });
    expect((await d.call('inventory.ledgerCheck', { asOf: '2026-12-31' })).missing).toHaveLength(6);
    // The index did not stop: stock is valued, a later move is counted.
    await d.call('inventory.saveStockMove', delivery(main, '2026-03-05', beans, '1', 'SO-202'));
    expect((await d.call('inventory.valuation', {})).total).toBe(4_000);

    await chooseStockAccounts(d);
    expect(await books(d)).toEqual({ '1300': 4_000, '5100': 4_000, '2150': -8_000, '5300': 0 });

    // An account taken back: the moves leave the books again rather than half-post.
    await d.call('inventory.saveSettings', { ...STOCK_ACCOUNTS, grniAccount: '' });
    expect(await books(d)).toEqual({ '1300': 0, '5100': 0, '2150': 0, '5300': 0 });
  });

  it('an item’s own inventory account, chosen later, takes its moves’ lines', async () => {
    const c = await inventoryCompany('fifo');
    devices.push(c.d);
    await chooseStockAccounts(c.d);
    const { d, main, beans } = c;
    await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'),
    );
    expect(await books(d)).toMatchObject({ '1300': 8_000 });
    await d.call('inventory.saveItem', {
      id: beans,
      fields: { ...beansFields('fifo'), inventoryAccount: STOCK_ACCOUNTS.goodsInTransitAccount },
    });
    const s = d.core.session()!;
    await s.settle();
    expect(await accountBalance(s, ['1300'], '2026-12-31')).toBe(0);
    expect(await accountBalance(s, ['1350'], '2026-12-31')).toBe(8_000);
  });

  it('a move synced into a locked period posts on the day after the lock, as it is valued', async () => {
    const c = await inventoryCompany('average');
    devices.push(c.d);
    await chooseStockAccounts(c.d);
    const { d, main, beans } = c;
    await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-02', beans, '10', 1000, 'PO-101'),
    );
    await d.call('accounts.setLockDate', { lockDate: '2026-03-31' });
    // Saved offline by a device that had not heard of the lock, arriving by sync.
    const { _rev: _, ...template } = (await storedMoves(d))[0] as unknown as {
      _rev: string;
      lines: object[];
    };
    await d.core
      .session()!
      .dbs.get('branch-nyc')!
      .put({
        ...template,
        _id: newId('stockMove'),
        date: '2026-03-10',
        reference: 'PO-LATE',
        createdAt: new Date(Date.now() + 60_000).toISOString(),
        lines: [{ ...template.lines[0], qty: '6', unitCost: 2000 }],
      });
    expect(await books(d, '2026-03-31')).toMatchObject({ '1300': 10_000 });
    expect(await books(d, '2026-04-01')).toMatchObject({ '1300': 22_000 });
    expect((await d.call('inventory.ledgerCheck', { asOf: '2026-03-31' })).difference).toBe(0);
  });
});
