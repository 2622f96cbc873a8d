import { readLocal, updateLocal, type Db } from '../db/pouch';

/**
 * The pending list of one database (id → local revision the server has not accepted yet),
 * kept in memory and saved to `_local/` documents so the count survives a restart.
 *
 * After a week offline, or on a device that made a whole company's books, the list holds
 * hundreds of thousands of entries (tens of megabytes). Rewriting all of it on every save made
 * each save cost as much as the list is long, and slowed every write on such a device. So a
 * save writes only what changed since the last one, as a numbered log document
 * (`<base>-<n>`: ids set and ids dropped); once the logs add up to half the list (or many
 * documents), the whole list is written again as the base with the number of the first log it
 * does not include, and the older logs are removed. Each change is thus written a bounded
 * number of times, whatever the list's length.
 *
 * Loading reads the base and then the logs from its number on until one is missing. A crash
 * between writing a log and anything else loses nothing: the log is read next time. A crash
 * during a rewrite leaves the old base and its logs, which still add up to the same list.
 */
export interface SavedPendingBase {
  pending: Record<string, string>;
  /** The first log document not included in `pending`. */
  logFrom?: number;
}

interface PendingLog {
  set: Record<string, string>;
  del: string[];
}

/** Logs add up to more than this share of the list (or this many documents): rewrite the base. */
const REWRITE_SHARE = 0.5;
const REWRITE_MIN_ENTRIES = 2_000;
const MAX_LOGS = 100;

export class PendingStore {
  private readonly entries = new Map<string, string>();
  /** Changes since the last save: a revision set, or null for an id dropped. */
  private delta = new Map<string, string | null>();
  private baseRev: string | undefined;
  private logFrom = 0;
  private logNext = 0;
  /** Entries written in logs since the base. */
  private logged = 0;
  private readonly logRevs = new Map<number, string>();
  /** Write the whole list next time (an old layout moved here, or a save that failed). */
  private rewrite = false;
  loaded = false;

  constructor(
    private readonly db: Db,
    private readonly baseId: string,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get dirty(): boolean {
    return this.delta.size > 0 || this.rewrite;
  }

  get(id: string): string | undefined {
    return this.entries.get(id);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  set(id: string, rev: string): void {
    this.entries.set(id, rev);
    this.delta.set(id, rev);
  }

  delete(id: string): void {
    if (!this.entries.delete(id)) return;
    this.delta.set(id, null);
  }

  /**
   * Reads the saved list back and merges it under what was recorded since the start, which is
   * newer. `legacy` is a list saved in the old layout (all in one document): it is taken as is
   * and written in this layout by the next save.
   */
  async load(legacy?: Record<string, string>): Promise<void> {
    // Loaded even when the read fails: the list then counts from what is recorded from now on.
    try {
      this.merge(await this.readSaved(legacy));
    } finally {
      this.loaded = true;
    }
  }

  private async readSaved(legacy?: Record<string, string>): Promise<Record<string, string>> {
    let saved: Record<string, string>;
    if (legacy) {
      saved = legacy;
      this.rewrite = true;
    } else {
      const base = await readLocal<SavedPendingBase>(this.db, this.baseId);
      this.baseRev = base?._rev;
      saved = { ...(base?.pending ?? {}) };
      this.logFrom = this.logNext = base?.logFrom ?? 0;
      for (;;) {
        const log = await readLocal<PendingLog>(this.db, this.logId(this.logNext));
        if (!log) break;
        if (log._rev) this.logRevs.set(this.logNext, log._rev);
        for (const [id, rev] of Object.entries(log.set)) saved[id] = rev;
        for (const id of log.del) delete saved[id];
        this.logged += Object.keys(log.set).length + log.del.length;
        this.logNext++;
      }
    }
    return saved;
  }

  private merge(saved: Record<string, string>): void {
    for (const [id, rev] of Object.entries(saved)) {
      if (!this.delta.has(id)) this.entries.set(id, rev);
    }
  }

  /** Writes what changed since the last save; the caller runs saves one at a time, after load. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const delta = this.delta;
    this.delta = new Map();
    const rewrite =
      this.rewrite ||
      this.logged + delta.size > Math.max(REWRITE_MIN_ENTRIES, this.entries.size * REWRITE_SHARE) ||
      this.logNext - this.logFrom >= MAX_LOGS;
    try {
      if (rewrite) await this.writeBase();
      else await this.writeLog(delta);
    } catch (e) {
      // The next save writes the whole list, which covers this delta whatever happened to it.
      this.rewrite = true;
      throw e;
    }
  }

  private async writeLog(delta: Map<string, string | null>): Promise<void> {
    const log: PendingLog = { set: {}, del: [] };
    for (const [id, rev] of delta) {
      if (rev === null) log.del.push(id);
      else log.set[id] = rev;
    }
    const n = this.logNext;
    const res = await this.db.put({ _id: `_local/${this.logId(n)}`, ...log });
    this.logRevs.set(n, res.rev);
    this.logNext = n + 1;
    this.logged += delta.size;
  }

  private async writeBase(): Promise<void> {
    const base: SavedPendingBase = {
      pending: Object.fromEntries(this.entries),
      logFrom: this.logNext,
    };
    const id = `_local/${this.baseId}`;
    try {
      const res = await this.db.put({
        _id: id,
        ...(this.baseRev ? { _rev: this.baseRev } : {}),
        ...base,
      });
      this.baseRev = res.rev;
    } catch (e) {
      if ((e as { status?: number }).status !== 409) throw e;
      // Written by another path after all: read-modify-write, then remember its revision.
      await updateLocal<SavedPendingBase>(this.db, this.baseId, () => base);
      this.baseRev = (await readLocal<SavedPendingBase>(this.db, this.baseId))?._rev;
    }
    this.rewrite = false;
    const stale = [...this.logRevs].filter(([n]) => n < this.logNext);
    this.logFrom = this.logNext;
    this.logged = 0;
    for (const [n] of stale) this.logRevs.delete(n);
    // The base no longer reads them; removing them only frees space, so a failure is ignored.
    await Promise.all(
      stale.map(([n, rev]) =>
        this.db.remove({ _id: `_local/${this.logId(n)}`, _rev: rev }).catch(() => undefined),
      ),
    );
  }

  private logId(n: number): string {
    return `${this.baseId}-${n}`;
  }
}
