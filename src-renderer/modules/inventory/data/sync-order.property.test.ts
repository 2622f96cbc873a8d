import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { startAppDevice } from '../../testing';
import { formatQty } from '../domain/quantity';
import type { StockMove } from '../domain/schemas';
import { EMPTY_STATE, valueMoves } from '../domain/valuation';
import { inventoryCompany, storedMoves } from '../testing/setup';
import { rowsOfMove } from './stock-rows';

/**
 * DESIGN §10: valuation is the same on every device whatever order the moves arrive in. Device A
 * saves moves in a random order of dates (each back-dated one re-values incrementally); device B
 * receives the same documents shuffled, in batches, the way replication delivers them. Both
 * must equal a full fold of every item × warehouse from its first move (domain/valuation.ts).
 */
const until = poller({ timeoutMs: 15_000, everyMs: 25 });
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

const move = fc.record({
  day: fc.integer({ min: 1, max: 20 }),
  kind: fc.constantFrom('receipt', 'delivery', 'adjustment' as const),
  qty: fc.integer({ min: 1, max: 40 }),
  negative: fc.boolean(),
  unitCost: fc.integer({ min: 50, max: 2_000 }),
  back: fc.boolean(),
  milk: fc.boolean(),
});

describe('stock valuation does not depend on sync order', () => {
  it('incremental saves, shuffled replication and a full fold agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(move, { minLength: 2, maxLength: 10 }),
        fc.integer(),
        async (moves, seed) => {
          const a = await inventoryCompany('average');
          devices.push(a.d);
          await a.d.call('inventory.saveSettings', { negativeStock: 'warn' });
          const milk = await a.d.call('inventory.saveItem', {
            fields: {
              sku: 'MILK-1L',
              name: 'Oat milk 1 l',
              kind: 'stock',
              baseUnit: 'carton',
              valuation: 'fifo',
            },
          });
          for (const m of moves) {
            const item = m.milk ? milk._id : a.beans;
            const warehouse = m.back ? a.back : a.main;
            const signed = m.kind === 'adjustment' && m.negative ? `-${m.qty}` : String(m.qty);
            const cost =
              m.kind === 'receipt' || (m.kind === 'adjustment' && !m.negative) ? m.unitCost : null;
            await a.d.call('inventory.saveStockMove', {
              kind: m.kind,
              date: `2026-04-${String(m.day).padStart(2, '0')}`,
              warehouse,
              lines: [{ item, qty: signed, unitCost: cost }],
            });
          }
          const docs = await storedMoves(a.d);

          // The full fold, from the documents alone.
          const methods = new Map([
            [a.beans, 'average' as const],
            [milk._id, 'fifo' as const],
          ]);
          const byKey = new Map<string, ReturnType<typeof rowsOfMove>>();
          for (const d of docs)
            for (const r of rowsOfMove(d as unknown as StockMove))
              byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
          const expected = [...byKey.values()]
            .map((rows) => {
              rows.sort((x, y) => (x.order < y.order ? -1 : 1));
              const { state } = valueMoves(
                methods.get(rows[0]!.item)!,
                EMPTY_STATE,
                rows.map((r) => ({
                  id: r.id,
                  date: r.date,
                  qty: r.qty,
                  value: r.inValue ?? undefined,
                })),
              );
              return `${rows[0]!.key} ${formatQty(state.qty)} ${state.value}`;
            })
            .filter((line) => !line.endsWith(' 0 0'))
            .sort();
          const onHand = async (d: TestDevice) =>
            (await d.call('inventory.stockOnHand', {}))
              .map((r) => `${r.item}|${r.warehouse} ${r.qty} ${r.value}`)
              .sort();
          expect(await onHand(a.d)).toEqual(expected);

          const b = await startAppDevice();
          devices.push(b);
          await b.call('setup.createCompany', ACME_INPUT);
          const shuffled = fc.sample(fc.shuffledSubarray(docs, { minLength: docs.length }), {
            seed,
            numRuns: 1,
          })[0]!;
          const branch = b.core.session()!.dbs.get('branch-nyc')!;
          for (let i = 0; i < shuffled.length; i += 3)
            await branch.bulkDocs(shuffled.slice(i, i + 3), { new_edits: false });
          const masterDocs = (
            await a.d.core.session()!.dbs.get('master')!.allDocs({ include_docs: true })
          ).rows
            .map((r) => r.doc!)
            .filter((doc) => /^(item|warehouse):/.test(doc._id));
          await b.core.session()!.dbs.get('master')!.bulkDocs(masterDocs, { new_edits: false });
          const same = (rows: string[]) => JSON.stringify(rows) === JSON.stringify(expected);
          expect(
            await until(() => onHand(b), same, 'device B valuing the replicated moves'),
          ).toEqual(expected);
          for (const item of [a.beans, milk._id])
            expect(await b.call('inventory.itemStockLedger', { item })).toEqual(
              await a.d.call('inventory.itemStockLedger', { item }),
            );
          for (const d of devices.splice(0)) await d.close();
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
