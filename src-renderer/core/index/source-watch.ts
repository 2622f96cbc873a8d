import type { Db } from '../db/pouch';

// A burst of writes becomes one catch-up this much later.
const COALESCE_MS = 60;
// Writes through this core (LocalWrites) and pulls from the server call later() at once; the
// sources' sequences are also compared this often, for any other writer.
const POLL_MS = 1000;

/**
 * When the index should catch up with a source database. There is no live PouchDB changes
 * feed: on every write it reads each new document in full (one cursor step per document), so
 * after a 100,000-line import it read the import a second time beside the catch-up only to
 * learn that something had changed. The adapter keeps each database's update_seq in memory;
 * comparing it with where the last catch-up read up to says the same for free.
 */
export class SourceWatch {
  /** Each source's update_seq that the last catch-up read up to. */
  private readonly readUpTo = new Map<string, string | number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private poll: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(
    private readonly sources: ReadonlyMap<string, Db>,
    private readonly watched: ReadonlySet<string>,
    /** Queues a catch-up of one source (coalesced by the projector). */
    private readonly schedule: (name: string) => void,
  ) {}

  start(): void {
    if (this.poll || this.closed) return;
    this.poll = setInterval(() => void this.check(false), POLL_MS);
    // In Node (tests, CLI) the poll alone must not keep the process running.
    (this.poll as { unref?: () => void }).unref?.();
  }

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
        this.schedule(name);
      }, COALESCE_MS),
    );
  }

  /** Every source written past where the index read it, and every pending `later`, at once. */
  async now(): Promise<void> {
    await this.check(true);
    for (const [name, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(name);
      this.schedule(name);
    }
  }

  /** The sequence a catch-up is about to read up to (read before its first batch). */
  async target(db: Db): Promise<string | number | undefined> {
    return (await db.info().catch(() => null))?.update_seq;
  }

  /** A catch-up read to the end (or failed: it is tried again at the next write, not every poll). */
  readTo(name: string, target: string | number | undefined): void {
    if (target !== undefined && !this.closed) this.readUpTo.set(name, target);
  }

  private async check(now: boolean): Promise<void> {
    await Promise.all(
      [...this.sources].map(async ([name, db]) => {
        if (this.closed || !this.watched.has(name)) return;
        const seq = await this.target(db);
        if (seq === undefined || String(seq) === String(this.readUpTo.get(name))) return;
        if (now) this.schedule(name);
        else this.later(name);
      }),
    );
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.poll) clearInterval(this.poll);
  }
}
