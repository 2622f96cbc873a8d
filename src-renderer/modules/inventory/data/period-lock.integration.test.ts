import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../core/ids';
import type { TestDevice } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { delivery, inventoryCompany, receipt, storedMoves } from '../testing/setup';

/**
 * The period lock freezes stock value up to the lock date: a move dated inside the locked
 * period is refused on this device, and one that a device without the lock saved arrives by
 * sync valued on the day after the lock, listed as an exception.
 */
const until = poller({ timeoutMs: 10_000, everyMs: 20 });
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

async function marchBooks() {
  const c = await inventoryCompany('average');
  devices.push(c.d);
  const { d, main, beans } = c;
  await d.call('accounts.setupStarterChart', undefined);
  await d.call('inventory.saveStockMove', receipt(main, '2026-03-02', beans, '10', 1000, 'PO-101'));
  await d.call('inventory.saveStockMove', delivery(main, '2026-03-20', beans, '4', 'SO-201'));
  await d.call('accounts.setLockDate', { lockDate: '2026-03-31' });
  return c;
}

/**
 * A receipt saved by a device that had not synced the lock yet (its createdAt is after the lock
 * was set), written straight to PouchDB as replication does.
 */
async function lateReceipt(
  d: TestDevice,
  date: string,
  qty: string,
  unitCost: number,
  created = new Date(Date.now() + 60_000).toISOString(),
) {
  const { _rev: _, ...template } = (await storedMoves(d))[0] as unknown as {
    _rev: string;
    lines: object[];
  };
  const move = {
    ...template,
    _id: newId('stockMove'),
    date,
    reference: 'PO-LATE',
    createdAt: created,
    lines: [{ ...template.lines[0], qty, unitCost }],
  };
  await d.core.session()!.dbs.get('branch-nyc')!.put(move);
  return move._id;
}

const valueOn = async (d: TestDevice, asOf: string) =>
  (await d.call('inventory.valuation', { asOf })).total;

describe('the period lock and stock valuation', () => {
  it('refuses a move dated on or before the lock date, in words, and saves nothing', async () => {
    const { d, main, beans } = await marchBooks();
    const before = (await storedMoves(d)).length;
    await expect(
      d.call('inventory.saveStockMove', delivery(main, '2026-03-31', beans, '1', 'SO-202')),
    ).rejects.toThrow(/The books are locked up to .*2026.*Nothing was saved\./);
    expect(await storedMoves(d)).toHaveLength(before);
    // The correction is dated after the lock, and goes through.
    await d.call('inventory.saveStockMove', delivery(main, '2026-04-01', beans, '1', 'SO-202'));
    expect(await valueOn(d, '2026-04-01')).toBe(5000);
  });

  it('values a move synced into the locked period on the day after the lock, and lists it', async () => {
    const { d, beans } = await marchBooks();
    expect(await valueOn(d, '2026-03-31')).toBe(6000);
    const late = await lateReceipt(d, '2026-03-10', '6', 2000);
    const listed = await until(
      () => d.call('inventory.lockedPeriodMoves', {}),
      (rows) => rows.length === 1,
      'the late receipt listed',
    );
    expect(listed[0]).toMatchObject({
      moveId: late,
      date: '2026-03-10',
      valuedOn: '2026-04-01',
      lockDate: '2026-03-31',
      sku: 'BEAN-1KG',
      reference: 'PO-LATE',
      qty: '6',
      value: 12_000,
    });
    // March is as it was locked: 6 bags at $10, and the delivery's cost unchanged.
    expect(await valueOn(d, '2026-03-31')).toBe(6000);
    expect(await valueOn(d, '2026-03-15')).toBe(10_000);
    const ledger = await d.call('inventory.itemStockLedger', { item: beans });
    expect(ledger.rows.map((r) => [r.reference, r.date, r.value, r.runningValue])).toEqual([
      ['PO-101', '2026-03-02', 10_000, 10_000],
      ['SO-201', '2026-03-20', -4000, 6000],
      ['PO-LATE', '2026-03-10', 12_000, 18_000],
    ]);
    expect(await valueOn(d, '2026-04-01')).toBe(18_000);

    // A rebuild of the index agrees: the lock and the move's createdAt are in the documents.
    await d.call('index.rebuild', undefined);
    expect(await valueOn(d, '2026-03-31')).toBe(6000);
    expect(await d.call('inventory.lockedPeriodMoves', {})).toEqual(listed);
  });

  it('moving the lock later keeps what the earlier lock froze; removing it reopens the days', async () => {
    const { d } = await marchBooks();
    // Saved after the March lock was set and before April's.
    const saved = Date.now() + 1;
    await lateReceipt(d, '2026-03-10', '6', 2000, new Date(saved).toISOString());
    await until(
      () => d.call('inventory.lockedPeriodMoves', {}),
      (rows) => rows.length === 1,
      'the late receipt listed',
    );
    await until(
      async () => Date.now(),
      (now) => now > saved,
      'the clock past the late save',
    );
    await d.call('accounts.setLockDate', { lockDate: '2026-04-30' });
    expect(await valueOn(d, '2026-03-31')).toBe(6000);
    expect((await d.call('inventory.lockedPeriodMoves', {}))[0]).toMatchObject({
      valuedOn: '2026-04-01',
      lockDate: '2026-03-31',
    });

    await d.call('accounts.setLockDate', { lockDate: null });
    // Back in March at average cost: 16 bags worth $220, the delivery of 4 now costs $55.
    expect(await valueOn(d, '2026-03-31')).toBe(16_500);
    expect(await d.call('inventory.lockedPeriodMoves', {})).toEqual([]);
  });
});
