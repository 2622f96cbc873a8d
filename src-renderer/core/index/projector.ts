import type { SchemaRegistry } from '../db/schema-registry';
import type { Db } from '../db/pouch';
import type { IndexStatus } from '../rpc/contract';
import { DerivedPostings } from '../postings/derived';
import { prepareBatch, type Change, type PreparedBatch } from './batch';
import type { IndexDb, Projection } from './index-db';

// 1,000 changes per Dexie transaction: a long catch-up spends less on each transaction's
// fixed cost (checkpoint, aggregates read back) than with 500, and a reader waiting behind one
// transaction still waits well under a second.
const BATCH = 1000;
// A rebuild has no reader to keep waiting short (the reports show it rebuilding), so it takes
// larger transactions: each batch's fixed work (aggregate rows read and written once per batch,
// whatever number of moves or lines they sum) is spread over more changes.
const REBUILD_BATCHES = 4;
const COALESCE_MS = 60;

export interface ProjectorEvents {
  /** `conflicts`: a changed document has (or had) more than one leaf, so the conflict list may have moved. */
  changed(db: string, types: string[], conflicts: boolean): void;
  status(status: IndexStatus): void;
  /** Rebuild progress. */
  progress(done: number, total: number, finished: boolean): void;
  /**
   * A catch-up longer than one batch (an import, a large pull): how far it is, so the clerk
   * sees why a report is still waiting.
   */
  catchUpProgress?(done: number, total: number, finished: boolean): void;
  /**
   * Documents of this database with a posted leaf and another live leaf beside it: someone
   * forged a change of a fact. Told after the index shows the posted version.
   */
  forged?(db: string, ids: string[]): void;
}

interface BatchOutcome {
  types: Set<string>;
  forged: string[];
  conflicts: boolean;
}

export interface ProjectorOptions {
  /** Changes per index transaction (tests use small batches to cover several). */
  batchSize?: number;
}

/**
 * Feeds the index from each database's changes feed. Work is serialised on one chain so a
 * rebuild never races a catch-up; each batch writes its rows and its checkpoint in one Dexie
 * transaction, so a crash in between can neither lose nor double-count a change.
 */
export class Projector {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly feeds: PouchDB.Core.Changes<object>[] = [];
  private readonly scheduled = new Set<string>();
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
  }

  private readonly batchSize: number;

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
    for (const [name, db] of this.sources) this.watch(name, db);
  }

  /** A database that joined after start (a branch added to this device). */
  addSource(name: string, db: Db): void {
    // The session may share its map of databases with us, so "known" is what we watch.
    this.sources.set(name, db);
    if (!this.watched.has(name)) this.watch(name, db);
  }

  private readonly watched = new Set<string>();

  private watch(name: string, db: Db): void {
    this.watched.add(name);
    const feed = db.changes({ live: true, since: 'now' });
    feed.on('change', () => this.later(name));
    feed.on('error', () => undefined);
    this.feeds.push(feed);
    this.schedule(name);
  }

  /** Coalesces bursts of changes (a replication batch) into one catch-up. */
  schedule(name: string): Promise<void> {
    if (this.scheduled.has(name)) return this.chain.then(() => undefined);
    this.scheduled.add(name);
    return this.enqueue(async () => {
      this.scheduled.delete(name);
      await this.catchUp(name);
    });
  }

  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * A burst of writes (a clerk saving, a replication batch) becomes one catch-up a moment later:
   * fewer index transactions, and none competing with the save the clerk is waiting for.
   */
  later(name: string): void {
    if (this.timers.has(name) || this.closed) return;
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        void this.schedule(name);
      }, COALESCE_MS),
    );
  }

  /** Resolves once everything written so far is in the index. */
  async settle(): Promise<void> {
    for (const [name, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(name);
      void this.schedule(name);
    }
    await this.chain;
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
    const read = (since: string | number) =>
      // all_docs: every leaf's revision (deleted ones too) in `changes`, so a document's only
      // revision ever can be told from one that had others (see ProjectedChange.fresh).
      db.changes<Record<string, unknown>>({
        since,
        limit: size,
        include_docs: true,
        conflicts: true,
        style: 'all_docs',
      });
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
        const done = this.writeBatch(name, prepared, res.results, after, res.last_seq);
        done.catch(() => undefined);
        if (writing) await told(writing);
        writing = { done, n: res.results.length };
        if (res.results.length < size || this.closed) break;
      }
      if (writing) await told(writing);
    } finally {
      if (progress) this.events.catchUpProgress?.(progress.total, progress.total, true);
    }
  }

  /**
   * Writes one batch: catalog rows, every projection and the checkpoint in one transaction. It
   * commits only if the checkpoint still stands at `after`, where the batch starts: a previous
   * batch that failed (and so did not move it) makes this one fail too, rather than leave a
   * hole in the index that the checkpoint would then claim is filled.
   */
  private writeBatch(
    name: string,
    { puts, deletes, types, projected, forged }: PreparedBatch,
    changes: Change[],
    after: string | number,
    lastSeq: string | number,
  ): Promise<BatchOutcome> {
    // Opened before anything is awaited, so batches' transactions open in the order called.
    const written = this.index.transaction('rw', this.index.tables, async () => {
      const at = (await this.index.checkpoints.get(name))?.seq ?? 0;
      if (String(at) !== String(after))
        throw new Error(`The index of ${name} is not where this batch starts; it is read again.`);
      // Handed over without waiting (deleted and written ids never overlap in one batch): the
      // database writes the catalog while the projections work out their rows.
      const catalog = Promise.all([
        deletes.length ? this.index.catalog.bulkDelete(deletes) : null,
        puts.length ? this.index.catalog.bulkPut(puts) : null,
      ]);
      const ctx = { registry: this.registry, derived: new DerivedPostings() };
      for (const p of this.projections) await p.apply(this.index, name, projected, ctx);
      if (ctx.derived.size > 0) {
        const postings = ctx.derived.list();
        for (const p of this.projections) await p.applyDerived?.(this.index, postings);
      }
      for (const r of ctx.derived.refused)
        console.error(
          `Derived postings of ${r.sourceId} do not balance (${r.difference}); kept the previous ones.`,
        );
      await catalog;
      await this.index.checkpoints.put({ db: name, seq: lastSeq });
    });
    // A conflict, or its resolution, is a document with a second leaf (deleted losers stay leaves):
    // a batch with none leaves the conflict list as it was.
    const conflicts = changes.some((ch) => ch.changes.length > 1);
    return written.then(() => ({ types, forged, conflicts }));
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
        await this.index.transaction('rw', this.index.tables, async () => {
          for (const t of this.index.tables) if (t.name !== 'meta') await t.clear();
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
        this.events.progress(total, total, true);
      } finally {
        this.rebuilding = false;
        this.rebuildProgress = null;
      }
      this.events.status(await this.status());
    });
  }

  async status(): Promise<IndexStatus> {
    const cps = await this.index.checkpoints.toArray();
    const sources = await Promise.all(
      [...this.sources.keys()].map(async (db) => ({
        db,
        seq: cps.find((c) => c.db === db)?.seq ?? 0,
        rows: await this.index.catalog
          .where('[db+updatedAt]')
          .between([db, ''], [db, '\uffff'])
          .count(),
      })),
    );
    const last = await this.index.meta.get('lastRebuiltAt');
    return {
      rebuilding: this.rebuilding,
      progress: this.rebuildProgress,
      lastRebuiltAt: typeof last?.value === 'string' ? last.value : null,
      sources,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const f of this.feeds) f.cancel();
    await this.chain;
  }
}
