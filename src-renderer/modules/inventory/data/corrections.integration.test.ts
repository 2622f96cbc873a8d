import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import type { StockMove } from '../domain/schemas';
import { delivery, inventoryCompany, receipt, storedMoves } from '../testing/setup';
import { inventoryRepos } from './repos';

/** A stock move is a fact: never edited or discarded; a mistake is corrected by a new move. */
let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

describe('correcting a stock move', () => {
  it('refuses to edit or discard a saved move, and records a correction that names it', async () => {
    const c = await inventoryCompany('fifo');
    device = c.d;
    const wrong = await c.d.call(
      'inventory.saveStockMove',
      receipt(c.main, '2026-03-02', c.beans, '12', 1000, 'PO-101'),
    );
    const repo = inventoryRepos(c.d.core.session()!).moves;
    await expect(
      repo.update(wrong.move._id, { reference: 'PO-110' } as Partial<StockMove>),
    ).rejects.toThrow('This record is posted and cannot be changed. Post a correction instead.');
    await expect(repo.discard(wrong.move._id)).rejects.toThrow(/cannot be discarded/);

    await expect(
      c.d.call('inventory.saveStockMove', {
        ...delivery(c.main, '2026-03-02', c.beans, '2', 'PO-101 counted 10'),
        corrects: 'stockMove:01JNOSUCHMOVE000000000000',
      }),
    ).rejects.toThrow('The move this one corrects is not on this device. Nothing was saved.');
    // Ten bags came, not twelve: the correction takes two back out at the cost they came in at.
    const fix = await c.d.call('inventory.saveStockMove', {
      kind: 'adjustment',
      date: '2026-03-02',
      warehouse: c.main,
      reference: 'PO-101 counted 10',
      corrects: wrong.move._id,
      lines: [{ item: c.beans, qty: '-2' }],
    });
    expect(fix.move.corrects).toBe(wrong.move._id);
    expect(await storedMoves(c.d)).toHaveLength(2);
    expect(await c.d.call('inventory.stockOnHand', {})).toEqual([
      expect.objectContaining({ qty: '10', value: 10_000 }),
    ]);
  });
});
