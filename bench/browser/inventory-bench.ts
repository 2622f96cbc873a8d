/**
 * Inventory benchmark (issue 12): `items` × `warehouses` of one branch and about `moves` stock
 * moves over five years, written straight into PouchDB in bulk (as a sync would bring them), the
 * index left to catch up, then the stock reports and saves timed through the real core in
 * Chromium with the indexeddb adapter.
 */
import { createCore, type Core } from '../../src-renderer/core/create-core';
import { browserPouchEnv } from '../../src-renderer/core/db/pouch-browser';
import { MASTER_DB } from '../../src-renderer/core/db/names';
import { newId } from '../../src-renderer/core/ids';
import { COMPANY_WIDE } from '../../src-renderer/core/org/schemas';
import type { CoreEvent } from '../../src-renderer/core/rpc/contract';
import { MODULES } from '../../src-renderer/modules/registry';
import type { RpcMethod, RpcMethods } from '../../src-renderer/modules/contracts';
import { itemFieldsSchema } from '../../src-renderer/modules/inventory/domain/item-schema';
import type { Item, StockMove } from '../../src-renderer/modules/inventory/domain/schemas';
import { checkBooks, chooseStockAccounts } from './inventory-accounts';
import { profiled } from './profile';
import { median, type BenchResults } from './protocol';

export interface InventoryBenchConfig {
  moves: number;
  /** Rebuild the index from every move and time it (about an hour at 2,000,000 moves). */
  rebuild: boolean;
  items: number;
  warehouses: number;
  repeat: number;
}

function call<M extends RpcMethod>(
  core: Core,
  method: M,
  params: RpcMethods[M]['params'],
): Promise<RpcMethods[M]['result']> {
  return (core.handlers[method] as (p: unknown) => Promise<RpcMethods[M]['result']>)(params);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function timed(n: number, fn: () => Promise<unknown>) {
  const runs: number[] = [];
  for (let i = 0; i < n; i++) runs.push(await time(fn));
  return { value: median(runs), unit: 'ms', runs };
}

/** A small deterministic generator (mulberry32), so every run seeds the same company. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_DAY = Date.UTC(2021, 0, 1);
const DAYS = 5 * 365;
const dayOf = (n: number) => new Date(FIRST_DAY + n * 86_400_000).toISOString().slice(0, 10);

export async function runInventoryBench(config: InventoryBenchConfig): Promise<BenchResults> {
  // A device of its own: the Accounts bench before it left a company in this browser profile.
  const env = { ...browserPouchEnv(), prefix: 'bench-inventory-' };
  const out: BenchResults = {};
  let lastLogged = 0;
  const emit = (e: CoreEvent) => {
    if (e.kind === 'progress' && e.total && (e.finished || e.done - lastLogged >= e.total / 10)) {
      lastLogged = e.finished ? 0 : e.done;
      console.log(`  ${e.label}: ${e.done.toLocaleString('en')} / ${e.total.toLocaleString('en')}`);
    }
  };
  const core = await createCore({ env, emit, modules: MODULES });
  await call(core, 'setup.createCompany', {
    company: {
      name: 'Bench Stores',
      orgCode: 'benchinv',
      baseCurrency: 'USD',
      fiscalYearStartMonth: 1,
    },
    branch: { code: 'NYC', name: 'New York', currency: 'USD' },
    device: { letter: 'A', label: 'Bench' },
    userName: 'Bench',
  });
  const session = core.session()!;
  await chooseStockAccounts(core, call);
  const warehouses: string[] = [];
  for (let w = 0; w < config.warehouses; w++) {
    const saved = await call(core, 'inventory.saveWarehouse', {
      fields: {
        code: `NYC-W${String(w + 1).padStart(2, '0')}`,
        name: `Store ${w + 1}`,
        branchCode: 'NYC',
      },
    });
    warehouses.push(saved._id);
  }
  const itemRepo = session.repository<Item>(MASTER_DB, 'item');
  const items: string[] = [];
  for (let from = 0; from < config.items; from += 1000) {
    const batch: Item[] = [];
    for (let i = from; i < Math.min(from + 1000, config.items); i++) {
      const fields = itemFieldsSchema.parse({
        sku: `SKU-${String(i + 1).padStart(5, '0')}`,
        name: `Stock item ${i + 1}`,
        kind: 'stock',
        baseUnit: 'pcs',
        valuation: i % 3 === 0 ? 'average' : 'fifo',
      });
      batch.push(itemRepo.build(fields as never, COMPANY_WIDE));
    }
    await itemRepo.createMany(batch);
    items.push(...batch.map((b) => b._id));
  }

  // One move saved the ordinary way is the template every generated move copies.
  const first = await call(core, 'inventory.saveStockMove', {
    kind: 'receipt',
    date: dayOf(0),
    warehouse: warehouses[0]!,
    reference: 'PO-SEED',
    lines: [{ item: items[0]!, qty: '1000', unitCost: 1000 }],
  });
  const template = first.move;
  const branchDb = session.dbs.get(session.homeBranchDbName)!;
  console.log(`seeding about ${config.moves.toLocaleString('en')} stock moves…`);
  const rnd = random(12);
  const onHand = new Map<string, number>();
  let written = 1;
  const seedStart = performance.now();
  const perDay = config.moves / DAYS;
  let batch: StockMove[] = [];
  for (let day = 0; written < config.moves; day = Math.min(day + 1, DAYS - 1)) {
    const today = Math.max(1, Math.round(perDay * (0.5 + rnd())));
    for (let k = 0; k < today && written < config.moves; k++) {
      const item = items[Math.floor(rnd() * items.length)]!;
      const warehouse = warehouses[Math.floor(rnd() * warehouses.length)]!;
      const key = `${item}|${warehouse}`;
      const has = onHand.get(key) ?? 0;
      const qty = 1 + Math.floor(rnd() * 20);
      const deliver = has >= qty && rnd() < 0.55;
      onHand.set(key, has + (deliver ? -qty : qty));
      const { _rev: _, ...base } = template;
      batch.push({
        ...base,
        _id: newId('stockMove'),
        kind: deliver ? 'delivery' : 'receipt',
        date: dayOf(day),
        warehouse,
        reference: `${deliver ? 'SO' : 'PO'}-${written}`,
        lines: [
          {
            ...template.lines[0]!,
            item,
            qty: String(qty),
            unitCost: deliver ? null : 500 + Math.floor(rnd() * 1500),
          },
        ],
      } as StockMove);
      written++;
      if (batch.length === 2000) {
        await branchDb.bulkDocs(batch);
        batch = [];
        if (written % 100_000 < 2000) console.log(`  ${written.toLocaleString('en')} moves`);
      }
    }
  }
  if (batch.length) await branchDb.bulkDocs(batch);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  out.inventory_seed_moves = { value: written, unit: 'moves' };
  out.inventory_seed_write = { value: written / seedSeconds, unit: 'moves/s' };
  const catchUp = await time(() =>
    profiled('inventory_catch_up', () => session.projector.settle()),
  );
  out.inventory_index_catch_up_after_seed = { value: catchUp, unit: 'ms' };
  console.log(
    `seeded ${written} moves in ${seedSeconds.toFixed(0)} s; index caught up in ${Math.round(catchUp)} ms`,
  );
  await checkBooks(core, call, '2026-01-15');
  // The catch-up above overlaps the seeding (the index follows the writes), so its time depends
  // on how fast seeding went; a rebuild is the index's own speed: every move, nothing beside it.
  if (config.rebuild) {
    const rebuild = await time(() =>
      profiled('inventory_rebuild', async () => {
        await session.projector.rebuild();
        await session.projector.settle();
      }),
    );
    out.inventory_index_rebuild = { value: (written / rebuild) * 1000, unit: 'moves/s' };
    console.log(`index rebuilt in ${Math.round(rebuild)} ms`);
  }

  const reps = config.repeat;
  const today = '2026-01-15';
  // What the stock on hand page asks on opening: today, every branch and warehouse, its first
  // page of 100 rows (STOCK_PAGE in StockOnHandReport.tsx).
  out.stock_on_hand_first_page = await timed(reps, () =>
    call(core, 'inventory.stockOnHandPage', {
      asOf: today,
      branch: null,
      warehouse: null,
      limit: 100,
    }),
  );
  const item = items[1]!;
  out.item_stock_ledger_first_page = await timed(reps, () =>
    call(core, 'inventory.itemStockLedger', { item, branch: null, offset: 0, limit: 100 }),
  );
  out.valuation_as_of = await timed(reps, () =>
    call(core, 'inventory.valuation', { asOf: '2024-06-15' }),
  );

  // A receipt dated three years back, until the item's stock ledger shows it valued.
  const revalued: number[] = [];
  for (let i = 0; i < Math.min(reps, 3); i++) {
    const reference = `PO-BACK-${i}`;
    revalued.push(
      await time(async () => {
        await call(core, 'inventory.saveStockMove', {
          kind: 'receipt',
          date: '2023-01-10',
          warehouse: warehouses[1]!,
          reference,
          lines: [{ item, qty: '5', unitCost: 700 }],
        });
        const ledger = await call(core, 'inventory.itemStockLedger', { item, limit: 1000 });
        if (!ledger.rows.some((r) => r.reference === reference))
          throw new Error('The back-dated receipt is not in the stock ledger.');
      }),
    );
  }
  out.backdated_receipt_revalued = { value: median(revalued), unit: 'ms', runs: revalued };

  // Deliveries of the seed item, which has stock: the clerk's wait after pressing Save.
  const saves: number[] = [];
  for (let i = 0; i < 30; i++)
    saves.push(
      await time(() =>
        call(core, 'inventory.saveStockMove', {
          kind: 'delivery',
          date: today,
          warehouse: warehouses[0]!,
          reference: `SO-BENCH-${i}`,
          lines: [{ item: items[0]!, qty: '1' }],
        }),
      ),
    );
  out.save_delivery_median = { value: median(saves), unit: 'ms', runs: saves };
  await core.close();
  return out;
}
