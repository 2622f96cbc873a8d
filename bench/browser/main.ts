/**
 * The bench page: runs in real Chromium, driven by bench/run.ts. Every figure is measured
 * with the same code paths the app uses (the worker's PouchDB environment, the repository,
 * the projector) beside the machine's raw IndexedDB put speed and plain PouchDB.replicate.
 */
import { z } from 'zod';
import { browserPouchEnv } from '../../src-renderer/core/db/pouch-browser';
import { openRemoteDb } from '../../src-renderer/core/db/pouch';
import { LocalWrites } from '../../src-renderer/core/db/local-writes';
import { Repository } from '../../src-renderer/core/db/repository';
import { SchemaRegistry } from '../../src-renderer/core/db/schema-registry';
import { IndexDb } from '../../src-renderer/core/index/index-db';
import { Projector } from '../../src-renderer/core/index/projector';
import { docBaseSchema } from '../../src-renderer/core/org/schemas';
import { generateJournalEntries, type BenchDoc } from '../generate';
import { rawIndexedDbPut } from '../raw-idb';
import { median, type BenchConfig, type BenchResults } from './protocol';
import { runAccountsBench } from './accounts-bench';
import { runInventoryBench } from './inventory-bench';
import { runLatencyBench } from './latency-bench';
import { SyncEngine } from '../../src-renderer/core/sync/engine';
import type { SyncOverview } from '../../src-renderer/core/rpc/contract';

const env = browserPouchEnv();
const BATCH = 500;

// Shape of the generated entries: enough of a schema that validation costs what it will cost.
const benchEntrySchema = docBaseSchema.extend({
  type: z.literal('journalEntry'),
  v: z.literal(1),
  number: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.enum(['draft', 'posted']),
  currency: z.string().length(3),
  memo: z.string(),
  lines: z
    .array(
      z.object({
        account: z.string(),
        debit: z.number().int(),
        credit: z.number().int(),
        memo: z.string(),
      }),
    )
    .min(2),
});
type BenchEntry = z.infer<typeof benchEntrySchema>;

function registry(): SchemaRegistry {
  const r = new SchemaRegistry();
  r.register<BenchEntry>({
    type: 'journalEntry',
    version: 1,
    schema: benchEntrySchema,
    home: 'branch',
    title: (e) => `${e.number} ${e.memo}`,
  });
  return r;
}

async function timed(fn: () => Promise<number>): Promise<{ seconds: number; n: number }> {
  const t0 = performance.now();
  const n = await fn();
  return { seconds: (performance.now() - t0) / 1000, n };
}

async function coreWrite(
  docs: BenchDoc[],
  run: number,
): Promise<{ throughput: number; indexThroughput: number; saveMs: number[] }> {
  const reg = registry();
  const db = new env.PouchDB(`bench-core-${run}-${Date.now()}`, { adapter: env.localAdapter });
  const ctx = () => ({
    userName: 'bench',
    deviceId: 'device:BENCH',
    now: () => new Date(),
    baseCurrency: 'USD',
  });
  const repo = new Repository<BenchEntry>(
    db,
    'branch-nyc',
    reg,
    'journalEntry',
    ctx,
    new LocalWrites(),
  );
  const fields = docs.map(
    ({
      _id: _i,
      type: _t,
      v: _v,
      branch: _b,
      createdAt: _c,
      createdBy: _cb,
      device: _d,
      ...rest
    }) => rest as unknown as BenchEntry,
  );
  const write = await timed(async () => {
    for (let i = 0; i < fields.length; i += BATCH) {
      await repo.createMany(fields.slice(i, i + BATCH).map((f) => repo.build(f, 'NYC')));
    }
    return fields.length;
  });
  // Single interactive saves: what a clerk waits for when pressing Save.
  const saveMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await repo.create(fields[i]!, 'NYC');
    saveMs.push(performance.now() - t0);
  }
  const index = new IndexDb(`bench-index-${run}-${Date.now()}`);
  const projector = new Projector(index, reg, new Map([['branch-nyc', db]]), {
    changed: () => undefined,
    status: () => undefined,
    progress: () => undefined,
  });
  const projection = await timed(async () => {
    await projector.rebuild();
    return (await db.info()).doc_count;
  });
  await projector.close();
  await index.delete();
  await db.destroy();
  return {
    throughput: write.n / write.seconds,
    indexThroughput: projection.n / projection.seconds,
    saveMs,
  };
}

/**
 * The engine's initial pull: a real SyncEngine with one database (push and pull, as the app
 * runs them), from connect until its status says up to date. Status updates are coalesced to
 * ten a second, so this counts up to 0.1 s more than the copy itself.
 */
async function enginePull(config: BenchConfig, run: number): Promise<number> {
  const local = new env.PouchDB(`bench-pull-engine-${run}-${Date.now()}`, {
    adapter: env.localAdapter,
  });
  let settle: { resolve(): void; reject(e: Error): void } = {
    resolve: () => undefined,
    reject: () => undefined,
  };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const onStatus = (o: SyncOverview) => {
    if (o.state === 'up-to-date') settle.resolve();
    if (o.state === 'error')
      settle.reject(
        new Error(`Engine pull failed: ${JSON.stringify(o.databases.map((d) => d.error))}`),
      );
  };
  const engine = new SyncEngine({ env, orgCode: config.org, writes: new LocalWrites(), onStatus });
  await engine.addDatabase('branch-nyc', local);
  const r = await timed(async () => {
    engine.connect({
      serverUrl: config.serverUrl,
      username: config.username,
      password: config.password,
    });
    await done;
    return (await local.info()).doc_count;
  });
  await engine.close();
  if (r.n < config.docs)
    throw new Error(`The engine pulled ${r.n} documents, expected ${config.docs}`);
  await local.destroy();
  return r.n / r.seconds;
}

/** PouchDB.replicate on its own: with PouchDB's defaults, or with the batches the engine's replication uses. */
async function pull(config: BenchConfig, run: number, batches: boolean): Promise<number> {
  const remote = openRemoteDb(env, config.serverUrl, config.remoteDb, config);
  const local = new env.PouchDB(`bench-pull-${batches ? 'batch' : 'plain'}-${run}-${Date.now()}`, {
    adapter: env.localAdapter,
  });
  const r = await timed(async () => {
    const res = batches
      ? await local.replicate.from(remote, { batch_size: 1000, batches_limit: 4 })
      : await local.replicate.from(remote);
    return res.docs_written;
  });
  // The server also holds the design document with validate_doc_update.
  if (r.n < config.docs) throw new Error(`Pulled ${r.n} documents, expected ${config.docs}`);
  await local.destroy();
  await remote.close();
  return r.n / r.seconds;
}

async function runBench(config: BenchConfig): Promise<BenchResults> {
  const docs = generateJournalEntries(config.docs, {
    branchCode: 'NYC',
    deviceLetter: 'B',
    seed: 7,
  });
  const raw: number[] = [];
  const core: number[] = [];
  const projection: number[] = [];
  const saves: number[] = [];
  const corePull: number[] = [];
  const batchPull: number[] = [];
  const plainPull: number[] = [];
  for (let run = 0; run < config.repeat; run++) {
    console.log(`run ${run + 1}/${config.repeat}`);
    raw.push(await rawIndexedDbPut(docs));
    const c = await coreWrite(docs, run);
    core.push(c.throughput);
    projection.push(c.indexThroughput);
    saves.push(median(c.saveMs));
    corePull.push(await enginePull(config, run));
    batchPull.push(await pull(config, run, true));
    plainPull.push(await pull(config, run, false));
    console.log(
      `  pull: engine ${Math.round(corePull.at(-1)!)}, replicate batch 1000 ${Math.round(batchPull.at(-1)!)}, plain ${Math.round(plainPull.at(-1)!)} docs/s; raw IndexedDB ${Math.round(raw.at(-1)!)}`,
    );
  }
  const latency = config.latencyBranch
    ? await runLatencyBench({
        ...config,
        branchCode: config.latencyBranch,
        edits: config.latencyEdits ?? 20,
      })
    : {};
  return {
    raw_indexeddb_put: { value: median(raw), unit: 'docs/s', runs: raw },
    core_write_bulk: { value: median(core), unit: 'docs/s', runs: core },
    core_save_single_median: { value: median(saves), unit: 'ms', runs: saves },
    index_rebuild: { value: median(projection), unit: 'docs/s', runs: projection },
    initial_pull_core: { value: median(corePull), unit: 'docs/s', runs: corePull },
    initial_pull_replicate_batch1000: { value: median(batchPull), unit: 'docs/s', runs: batchPull },
    initial_pull_plain_replicate: { value: median(plainPull), unit: 'docs/s', runs: plainPull },
    initial_pull_core_vs_plain: { value: median(corePull) / median(plainPull), unit: '×' },
    raw_indexeddb_vs_initial_pull_core: { value: median(raw) / median(corePull), unit: '×' },
    ...latency,
  };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
(window as unknown as { runAccountsBench: typeof runAccountsBench }).runAccountsBench =
  runAccountsBench;
(window as unknown as { runInventoryBench: typeof runInventoryBench }).runInventoryBench =
  runInventoryBench;
console.log('bench page ready');
