import { DerivedPostings } from '../postings/derived';
import type { Change, PreparedBatch } from './batch';
import { lagKey, type CatalogQueue } from './catalog-queue';
import type { IndexDb, Projection } from './index-db';
import type { BatchOutcome, ProjectorEvents } from './projector-events';
import type { SchemaRegistry } from '../db/schema-registry';

/** What writing a batch needs from the projector. */
export interface BatchWriter {
  index: IndexDb;
  registry: SchemaRegistry;
  projections: Projection[];
  events: ProjectorEvents;
  /** Catalog rows of bulk catch-ups, written after the projections (catalog-queue.ts). */
  catalogQueue: CatalogQueue;
  /** The most catalog rows a bulk catch-up leaves for later. */
  catalogLagRows: number;
}

/**
 * Writes one batch: catalog rows, every projection and the checkpoint in one transaction. It
 * commits only if the checkpoint still stands at `after`, where the batch starts: a previous
 * batch that failed (and so did not move it) makes this one fail too, rather than leave a
 * hole in the index that the checkpoint would then claim is filled.
 */
export function writeBatch(
  d: BatchWriter,
  name: string,
  { puts, deletes, types, projected, forged }: PreparedBatch,
  changes: Change[],
  after: string | number,
  lastSeq: string | number,
  defer = false,
): Promise<BatchOutcome> {
  // A conflict, or its resolution, is a document with a second leaf (deleted losers stay leaves):
  // a batch with none leaves the conflict list as it was.
  const conflicts = changes.some((ch) => ch.changes.length > 1);
  // Behind queued rows a batch's own queue too, so the catalog is written in order; a backlog
  // grown past CATALOG_LAG_ROWS (a long pull) is written first by the next batch instead.
  const told = { types: [...types], conflicts };
  const flush = d.catalogQueue.rows >= d.catalogLagRows;
  const queued =
    !flush && (defer || d.catalogQueue.size > 0)
      ? d.catalogQueue.add(name, puts, deletes, told)
      : null;
  const backlog = flush ? d.catalogQueue.takeAll() : [];
  // Opened before anything is awaited, so batches' transactions open in the order called.
  const written = d.index.transaction('rw', d.index.tables, async () => {
    const at = (await d.index.checkpoints.get(name))?.seq ?? 0;
    if (String(at) !== String(after))
      throw new Error(`The index of ${name} is not where this batch starts; it is read again.`);
    const { catalog: rows, meta } = d.index;
    // Handed over without waiting (deleted and written ids never overlap in one batch): the
    // database writes the catalog while the projections work out their rows. A queued batch
    // notes where the catalog lags instead (kept from the first such batch).
    const catalog = queued
      ? meta.get(lagKey(name)).then(async (lag) => {
          if (!lag) await meta.put({ key: lagKey(name), value: after });
        })
      : // The backlog's rows are requested first, so they land before this batch's own and
        // before any read the projections make.
        Promise.all([
          d.catalogQueue.write(backlog, [...new Set(backlog.map((e) => e.db))]),
          deletes.length ? rows.bulkDelete(deletes) : null,
          puts.length ? rows.bulkPut(puts) : null,
        ]);
    const ctx = {
      registry: d.registry,
      derived: new DerivedPostings(),
      dbOf: (ids: readonly string[]) => d.catalogQueue.dbOf(ids),
    };
    for (const p of d.projections) await p.apply(d.index, name, projected, ctx);
    if (ctx.derived.size > 0) {
      const postings = ctx.derived.list();
      for (const p of d.projections) await p.applyDerived?.(d.index, postings);
    }
    for (const r of ctx.derived.refused)
      console.error(
        `Derived postings of ${r.sourceId} do not balance (${r.difference}); kept the previous ones.`,
      );
    await catalog;
    await d.index.checkpoints.put({ db: name, seq: lastSeq });
  });
  if (queued)
    written.then(
      () => (queued.state = 'committed'),
      () => (queued.state = 'failed'),
    );
  if (backlog.length)
    written.then(
      () => {
        d.catalogQueue.settled(backlog, true);
        for (const e of backlog) d.events.changed(e.db, e.types, e.conflicts);
      },
      () => d.catalogQueue.settled(backlog, false),
    );
  return written.then(() => ({ types, forged, conflicts }));
}
