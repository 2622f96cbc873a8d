import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { accountBalance } from '../../accounts';
import { inventoryCompany } from '../testing/setup';
import { chooseStockAccounts } from '../testing/stock-accounts';

/**
 * The invariant through the projector: the inventory account in the ledger equals the
 * valuation on every day, the stock postings balance, and what back-dated saves posted one by
 * one equals what a rebuild of the index posts from all the moves at once.
 */
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

const move = fc.record({
  day: fc.integer({ min: 1, max: 12 }),
  kind: fc.constantFrom('receipt', 'delivery', 'count' as const),
  qty: fc.integer({ min: 1, max: 30 }),
  unitCost: fc.integer({ min: 50, max: 2_000 }),
  back: fc.boolean(),
  milk: fc.boolean(),
});

const CODES = ['1300', '5100', '2150', '5300'];
const day = (n: number) => `2026-04-${String(n).padStart(2, '0')}`;

describe('stock in the ledger equals the valuation', () => {
  it('on every day, whatever order the moves were keyed in, and after a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 2, maxLength: 9 }), async (moves) => {
        const c = await inventoryCompany('average');
        devices.push(c.d);
        const { d } = c;
        await chooseStockAccounts(d);
        await d.call('inventory.saveSettings', { negativeStock: 'warn' });
        const milk = await d.call('inventory.saveItem', {
          fields: {
            sku: 'MILK-1L',
            name: 'Oat milk 1 l',
            kind: 'stock',
            baseUnit: 'carton',
            valuation: 'fifo',
          },
        });
        for (const m of moves)
          await d.call('inventory.saveStockMove', {
            kind: m.kind,
            date: day(m.day),
            warehouse: m.back ? c.back : c.main,
            lines: [
              {
                item: m.milk ? milk._id : c.beans,
                qty: String(m.qty),
                unitCost: m.kind === 'delivery' ? null : m.unitCost,
              },
            ],
          });
        const s = d.core.session()!;
        const books = async () => {
          await s.settle();
          const out: string[] = [];
          for (let n = 1; n <= 12; n++) {
            const values = await Promise.all(CODES.map((a) => accountBalance(s, [a], day(n))));
            const stock = (await d.call('inventory.valuation', { asOf: day(n) })).total;
            expect(values[0], `inventory on ${day(n)}`).toBe(stock);
            expect(values.reduce((x, y) => x + y, 0)).toBe(0);
            out.push(`${day(n)} ${values.join(' ')}`);
          }
          return out;
        };
        const incremental = await books();
        await d.call('index.rebuild', undefined);
        expect(await books()).toEqual(incremental);
        for (const dev of devices.splice(0)) await dev.close();
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
