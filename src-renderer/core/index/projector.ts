import type { SchemaRegistry } from '../db/schema-registry';
import type { Db } from '../db/pouch';
import type { IndexStatus } from '../rpc/contract';
import { readChangesBatch } from '../db/changes-batch';
import { prepareBatch } from './batch';
import { writeBatch, type BatchWriter } from './batch-writer';
import { SourceWatch } from './source-watch';
import { CatalogQueue, lagKey } from './catalog-queue';
import { recoverCatalog } from './catalog-recovery';
import type { IndexDb, Projection } from './index-db';
import {
  indexStatus,
  type BatchOutcome,
  type ProjectorEvents,
  type ProjectorOptions,
} from './projector-events';

export type { ProjectorEvents, ProjectorOptions };

// 1,000 changes per Dexie transaction: a long catch-up spends less on each transaction's
// fixed cost (checkpoint, aggregates read back) than with 500, and a reader waiting behind one
// transaction still waits well under a second.
const BATCH = 1000;
// A rebuild has no reader to keep waiting short (the reports show it rebuilding), so it takes
// larger transactions: each batch's fixed work (aggregate rows read and written once per batch,
// whatever number of moves or lines they sum) is spread over more changes.
const REBUILD_BATCHES = 4;
// The most catalog rows a bulk catch-up leaves for later (catalog-queue.ts): a 100,000-line
// import (about 42,000 entries) fits; a long initial pull writes its backlog every so often
// inside a batch instead of piling up a catalog that search would wait minutes for.
const CATALOG_LAG_ROWS = 50_000;

/**
 * Feeds the index from each database's changes feed. Work is serialised on one chain so a
 * rebuild never races a catch-up; each batch writes its rows and its checkpoint in one Dexie
 * transaction, so a crash in between can neither lose nor double-count a change.
 */
export class Projector {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly scheduled = new Set<string>();
  /** Catalog rows of bulk catch-ups, written after the projections (catalog-queue.ts). */
  private readonly catalogQueue: CatalogQueue;
  private draining = false;
  private rebuilding = false;
  private rebuildProgress: { done: number; total: number } | null = null;
  private closed = false;

  constructor(
    private readonly index: IndexDb,
    private readonly registry: SchemaRegistry,
    private readonly sources: Map<string, Db>,
    private readonly events: ProjectorEvents,
    private readonly projections: Projection[] = [],
    options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? BATCH;
    this.catalogLagRows = options.catalogLagRows ?? CATALOG_LAG_ROWS;
    this.catalogQueue = new CatalogQueue(index);
    this.watch_ = new SourceWatch(sources, this.watched, (name) => void this.schedule(name));
    this.writer = {
      index,
      registry,
      projections,
      events,
      catalogQueue: this.catalogQueue,
      catalogLagRows: this.catalogLagRows,
    };
  }

  private readonly writer: BatchWriter;
  private readonly watch_: SourceWatch;

  private readonly batchSize: number;
  private readonly catalogLagRows: number;

  start(): void {
    // A changed set of stores (an upgrade that adds a projection) starts the index afresh.
    void this.enqueue(async () => {
      const known = await this.index.meta.get('signature');
      if (known?.value !== this.index.signature) {
        await this.index.transaction('rw', this.index.tables, async () => {
          for (const t of this.index.tables) await t.clear();
          await this.index.meta.put({ key: 'signature', value: this.index.signature });
        });
      }
    });
    for (const name of this.sources.keys()) this.watch(name);
  }

  /** A catalog left behind by a catch-up the app stopped during: read again, before anything else. */
  private recover(name: string): void {
    void this.enqueue(async () => {
      const db = this.sources.get(name);
      if (!db || this.closed || this.catalogQueue.size > 0) return;
      await recoverCatalog(this.index, this.registry, name, db, this.batchSize);
    });
  }

  /** A database that joined after start (a branch added to this device). */
  addSource(name: string, db: Db): void {
    // The session may share its map of databases with us, so "known" is what we watch.
    this.sources.set(name, db);
    if (!this.watched.has(name)) this.watch(name);
  }

  private readonly watched = new Set<string>();

  private watch(name: string): void {
    this.watched.add(name);
    this.recover(name);
    void this.schedule(name);
    this.watch_.start();
  }

  /** Coalesces bursts of changes (a replication batch) into one catch-up. */
  schedule(name: string): Promise<void> {
    if (this.scheduled.has(name)) return this.chain.then(() => undefined);
    this.scheduled.add(name);
    return this.enqueue(async () => {
      this.scheduled.delete(name);
      await this.catchUp(name);
      this.drainSoon();
    });
  }

  /** A burst of writes (a clerk saving, a replication batch) becomes one catch-up a moment later. */
  later(name: string): void {
    this.watch_.later(name);
  }

  /**
   * Resolves once everything written so far is in the projections (what reports and lists
   * read). The catalog of a bulk catch-up may still be on its way: `settle` waits for it too.
   */
  async settleProjections(): Promise<void> {
    // Anything written by a path that did not call later() (a test, another writer) too.
    await this.watch_.now();
    await this.chain;
  }

  /** Resolves once everything written so far is in the index, catalog included. */
  async settle(): Promise<void> {
    await this.settleProjections();
    while (this.catalogQueue.size > 0 && !this.closed) {
      this.drainSoon();
      await this.chain;
      if (this.catalogQueue.size > 0 && !this.draining) break;
    }
  }

  /** Writes the queued catalog rows a slice at a time, behind whatever index work is queued. */
  private drainSoon(): void {
    if (this.draining || this.catalogQueue.size === 0) return;
    this.draining = true;
    void this.enqueue(async () => {
      this.draining = false;
      // Queued behind the work close() waited for: the index is closing, and the catalog's
      // lag row brings the rows back at the next start (catalog-recovery.ts).
      if (this.closed) return;
      const wrote = await this.catalogQueue.writeSome().catch((e: unknown) => {
        console.error(`The search catalog could not be written now: ${String(e)}`);
        return null;
      });
      if (wrote) {
        for (const w of wrote) this.events.changed(w.db, w.types, w.conflicts);
        this.drainSoon();
      }
    });
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async catchUp(name: string, onBatch?: (n: number) => void, size = this.batchSize) {
    const db = this.sources.get(name);
    if (!db || this.closed) return;
    // Progress of a long catch-up (not of a rebuild, which reports its own).
    let progress: { done: number; total: number } | null = null;
    // Every leaf's revision (deleted ones too) in `changes`, so a document's only revision ever
    // can be told from one that had others (see ProjectedChange.fresh); one request per batch.
    const read = (since: string | number) => readChangesBatch(db, since, size);
    // What "read to the end" means for the watch: the sequence before the first read.
    const target = await this.watch_.target(db);
    // Read once: every batch then moves the checkpoint to where the next one starts, and nothing
    // else writes it meanwhile (all index work runs on one queue).
    const start = (await this.index.checkpoints.get(name))?.seq ?? 0;
    let next: ReturnType<typeof read> | null = null;
    // The batch whose transaction is still committing, told (events, progress) once it has.
    let writing: { done: Promise<BatchOutcome>; n: number } | null = null;
    const told = async (w: { done: Promise<BatchOutcome>; n: number }) => {
      const { types, forged, conflicts } = await w.done;
      onBatch?.(w.n);
      if (progress) {
        progress.done += w.n;
        this.events.catchUpProgress?.(
          Math.min(progress.done, progress.total),
          progress.total,
          false,
        );
      }
      if (types.size > 0) this.events.changed(name, [...types], conflicts);
      if (forged.length > 0) this.events.forged?.(name, forged);
    };
    try {
      for (let since = start; ;) {
        const res = await (next ?? read(since));
        next = null;
        if (res.results.length === 0) break;
        const after = since;
        since = res.last_seq;
        // The next batch is read from PouchDB while this one is written to the index: the two
        // wait on IndexedDB at the same time instead of one after the other.
        if (res.results.length === size && !this.closed) {
          next = read(since);
          next.catch(() => undefined);
        }
        if (!progress && !onBatch && res.results.length === size && typeof start !== 'string') {
          // Local sequences are numbers: what is left is roughly the distance to the newest.
          const newest = Number((await db.info()).update_seq);
          progress = { done: 0, total: Math.max(size, newest - start) };
        }
        // This batch's transaction is opened while the previous one still commits: IndexedDB
        // runs them in the order they are opened, so this page prepares the next rows while the
        // database writes the last batch's, instead of waiting idle. Preparing stays in order
        // (awaited here), so the transactions open in order too.
        const prepared = await prepareBatch(this.registry, name, db, res.results);
        // A full batch is a bulk catch-up: its catalog rows wait (catalog-queue.ts).
        const defer = res.results.length === size;
        const done = writeBatch(
          this.writer,
          name,
          prepared,
          res.results,
          after,
          res.last_seq,
          defer,
        );
        done.catch(() => undefined);
        if (writing) await told(writing);
        writing = { done, n: res.results.length };
        if (res.results.length < size || this.closed) break;
      }
      if (writing) await told(writing);
    } finally {
      this.watch_.readTo(name, target);
      if (progress) this.events.catchUpProgress?.(progress.total, progress.total, true);
    }
  }

  /** Drops every projection and rebuilds it from PouchDB, reporting progress. */
  rebuild(): Promise<void> {
    return this.enqueue(async () => {
      this.rebuilding = true;
      try {
        let total = 0;
        for (const db of this.sources.values()) total += (await db.info()).update_seq as number;
        let done = 0;
        this.rebuildProgress = { done, total };
        this.events.progress(done, total, false);
        this.catalogQueue.clear();
        await this.index.transaction('rw', this.index.tables, async () => {
          for (const t of this.index.tables) if (t.name !== 'meta') await t.clear();
          await this.index.meta.where('key').startsWith(lagKey('')).delete();
        });
        for (const name of this.sources.keys()) {
          const onBatch = (n: number) => {
            done = Math.min(total, done + n);
            this.rebuildProgress = { done, total };
            this.events.progress(done, total, false);
          };
          await this.catchUp(name, onBatch, this.batchSize * REBUILD_BATCHES);
        }
        await this.index.meta.put({ key: 'lastRebuiltAt', value: new Date().toISOString() });
        this.drainSoon();
        this.events.progress(total, total, true);
      } finally {
        this.rebuilding = false;
        this.rebuildProgress = null;
      }
      this.events.status(await this.status());
    });
  }

  status(): Promise<IndexStatus> {
    return indexStatus(this.index, [...this.sources.keys()], this.rebuilding, this.rebuildProgress);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watch_.close();
    await this.chain;
  }
}
