import type { CatalogRow, IndexDb } from './index-db';

/**
 * The catalog rows of a bulk catch-up (an import, a large pull, a rebuild), written after the
 * projections instead of with them. Reports read the projections only; the catalog (search,
 * the dashboard's recent list, where a record lives) is half of what an imported entry costs
 * the index, so a catch-up of full batches commits each batch's projections and checkpoint and
 * leaves its catalog rows here, to be written once the projector has nothing else to do.
 *
 * Nothing is lost if the app stops first: the batch that starts a lag writes `catalogLag:<db>`
 * (the sequence its changes start after) in its own transaction, and the row goes in the
 * transaction that writes the last queued rows of that database. A lag row found at start is
 * made good by reading that database's changes again from its sequence (`Projector`), which
 * gives every document's current state, so the catalog ends where it would have been.
 */
export interface QueuedCatalog {
  db: string;
  puts: CatalogRow[];
  deletes: string[];
  /** What the batch's `changed` event named, told again once its rows are written. */
  types: string[];
  conflicts: boolean;
  /** Set once the batch's own transaction has committed; a failed batch is dropped. */
  state: 'waiting' | 'committed' | 'failed';
}

export const lagKey = (db: string) => `catalogLag:${db}`;

export class CatalogQueue {
  private readonly entries: QueuedCatalog[] = [];
  /** The newest queued state of each document: its database, or null when it is deleted. */
  private readonly latest = new Map<string, string | null>();

  constructor(private readonly index: IndexDb) {}

  get size(): number {
    return this.entries.length;
  }

  /** Catalog rows queued, deletions included: what the next flush would write. */
  get rows(): number {
    let n = 0;
    for (const e of this.entries) n += e.puts.length + e.deletes.length;
    return n;
  }

  /**
   * Hands over every queued entry for a batch's transaction to write first (a backlog grown too
   * long). Where each document lives is still told from them (`dbOf`) until `settled` says
   * whether that transaction committed.
   */
  takeAll(): QueuedCatalog[] {
    return this.entries.splice(0);
  }

  /** After the transaction that took `taken`: forget them, or put them back if it failed. */
  settled(taken: QueuedCatalog[], committed: boolean): void {
    if (committed) this.forget(taken);
    else this.entries.unshift(...taken.filter((e) => e.state !== 'failed'));
  }

  /** Queues a batch's catalog rows before its transaction runs (so later batches queue behind it). */
  add(
    db: string,
    puts: CatalogRow[],
    deletes: string[],
    told: { types: string[]; conflicts: boolean },
  ): QueuedCatalog {
    const entry: QueuedCatalog = { db, puts, deletes, ...told, state: 'waiting' };
    this.entries.push(entry);
    for (const id of deletes) this.latest.set(id, null);
    for (const r of puts) this.latest.set(r.id, r.db);
    return entry;
  }

  /**
   * Where each of these documents lives, as the catalog will say once the queue is written: a
   * projection that names another database's document (a transfer's other side) reads this.
   */
  async dbOf(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const rest: string[] = [];
    for (const id of ids) {
      const queued = this.latest.get(id);
      if (queued) out.set(id, queued);
      else if (queued === undefined) rest.push(id);
    }
    if (rest.length)
      for (const row of await this.index.catalog.bulkGet(rest)) if (row) out.set(row.id, row.db);
    return out;
  }

  /**
   * Writes the oldest committed entries (up to `max` rows' worth) in one transaction and says
   * what they were (to tell the pages); null when there is nothing it may write yet. A
   * database's lag row goes with its last rows.
   */
  async writeSome(
    max = 5_000,
  ): Promise<{ db: string; types: string[]; conflicts: boolean }[] | null> {
    while (this.entries[0]?.state === 'failed') this.entries.shift();
    const take: QueuedCatalog[] = [];
    let rows = 0;
    for (const e of this.entries) {
      if (e.state !== 'committed' || rows >= max) break;
      take.push(e);
      rows += e.puts.length + e.deletes.length;
    }
    if (take.length === 0) return null;
    const rest = this.entries.slice(take.length);
    const done = [...new Set(take.map((e) => e.db))].filter((db) => !rest.some((e) => e.db === db));
    const { catalog, meta } = this.index;
    await this.index.transaction('rw', catalog, meta, () => this.write(take, done));
    this.entries.splice(0, take.length);
    this.forget(take);
    return take.map(({ db, types, conflicts }) => ({ db, types, conflicts }));
  }

  /**
   * Makes the requests that write `entries` (failed ones left out) and clear the lag rows of
   * `caughtUp`, inside the caller's transaction. IndexedDB runs a transaction's requests in the
   * order they are made, so the rows land in queue order and before any later read.
   */
  write(entries: readonly QueuedCatalog[], caughtUp: readonly string[]): Promise<unknown> {
    const { catalog, meta } = this.index;
    return Promise.all([
      ...entries
        .filter((e) => e.state !== 'failed')
        .flatMap((e) => [
          e.deletes.length ? catalog.bulkDelete(e.deletes) : null,
          e.puts.length ? catalog.bulkPut(e.puts) : null,
        ]),
      caughtUp.length ? meta.bulkDelete(caughtUp.map(lagKey)) : null,
    ]);
  }

  /** Drops everything queued (a rebuild clears the catalog, a closing projector leaves the lag rows). */
  clear(): void {
    this.entries.length = 0;
    this.latest.clear();
  }

  /** Forgets the newest-state entries that the written rows settled (none queued after them). */
  private forget(written: QueuedCatalog[]): void {
    const still = new Set<string>();
    for (const e of this.entries) {
      for (const r of e.puts) still.add(r.id);
      for (const id of e.deletes) still.add(id);
    }
    for (const e of written) {
      for (const r of e.puts) if (!still.has(r.id)) this.latest.delete(r.id);
      for (const id of e.deletes) if (!still.has(id)) this.latest.delete(id);
    }
  }
}
