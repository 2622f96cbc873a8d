import { readLocal, updateLocal, type Db } from '../db/pouch';
import type { RefusedDoc, WithdrawnDoc } from '../rpc/contract';
import { PendingStore } from './pending-store';

/**
 * What the sync engine keeps of one database on this device, in `_local/` documents (never
 * replicated): the pending list, the refusal log and the last completed sync. Owned here so
 * that every change to it is saved the same way: coalesced, and at once for refusals.
 */
const SYNC_DOC = 'outpost-sync';
/**
 * The pending list, apart from the rest (pending-store.ts): after a long offline spell it can
 * be tens of megabytes, and the first screen must not wait for it (the count in SYNC_DOC is
 * shown meanwhile).
 */
const PENDING_DOC = 'outpost-sync-pending';
/** A list this long is read a moment after the start, once the first screen has its data. */
const LARGE_PENDING = 5_000;
const LARGE_PENDING_DELAY_MS = 1_500;

/** What SYNC_DOC holds: the small state, and how long the pending list was when last saved. */
interface SavedSyncState {
  refused: RefusedDoc[];
  /** Refused documents the user withdrew: kept as a record, so nothing disappears silently. */
  withdrawn: WithdrawnDoc[];
  lastSyncedAt: string | null;
  pendingCount?: number;
  /** Until November 2026 the whole pending list was kept here; it moves to PENDING_DOC on the next save. */
  pending?: Record<string, string>;
}

export class SavedState {
  refused: RefusedDoc[];
  withdrawn: WithdrawnDoc[];
  lastSyncedAt: string | null;
  /** The live pending list (id → local revision not yet pushed), and its saving. */
  readonly pending: PendingStore;
  /**
   * Settles once the saved pending list is read back and merged (read in the background so
   * the first screen does not wait for it). Replication, reconciling and saving wait for it.
   */
  readonly loaded: Promise<void>;
  /** The saved count, shown until the list itself is loaded. */
  private readonly savedPendingCount: number;
  /** How long the last save took, to space saves out as the list grows. */
  private persistCostMs = 0;
  private save: Promise<unknown>;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Reads the small state now and the pending list in the background; `onLoaded` when it is in. */
  static async read(local: Db, onLoaded: () => void): Promise<SavedState> {
    return new SavedState(
      local,
      (await readLocal<SavedSyncState>(local, SYNC_DOC)) ?? null,
      onLoaded,
    );
  }

  private constructor(
    private readonly local: Db,
    saved: SavedSyncState | null,
    onLoaded: () => void,
  ) {
    this.refused = saved?.refused ?? [];
    this.withdrawn = saved?.withdrawn ?? [];
    this.lastSyncedAt = saved?.lastSyncedAt ?? null;
    this.pending = new PendingStore(local, PENDING_DOC);
    this.savedPendingCount = saved?.pendingCount ?? Object.keys(saved?.pending ?? {}).length;
    this.loaded = this.loadPending(saved, onLoaded);
    // Saves queue behind the load, so a save never replaces the saved list with part of it.
    this.save = this.loaded;
  }

  /** Reads the saved pending list back; entries recorded since the start are newer and win. */
  private async loadPending(saved: SavedSyncState | null, onLoaded: () => void): Promise<void> {
    // A long list is read a moment later: its first screen matters more than its count.
    if (this.savedPendingCount > LARGE_PENDING)
      await new Promise((r) => setTimeout(r, LARGE_PENDING_DELAY_MS));
    // Unreadable, it counts as empty: the documents themselves are pushed by the replication's checkpoint.
    await this.pending.load(saved?.pending).catch(() => undefined);
    onLoaded();
  }

  /** The count shown: the saved one until the list itself is read back. */
  get pendingCount(): number {
    return this.pending.loaded
      ? this.pending.size
      : Math.max(this.savedPendingCount, this.pending.size);
  }

  /**
   * Saves the pending list and refusals, coalesced: a week offline can make the pending list
   * long, and rewriting it on every keystroke-save would cost more than the save itself. The
   * documents themselves are safe either way; this is only the count shown.
   */
  persist(urgent = false): void {
    if (urgent) {
      // Refusals and withdrawals are known only from the push that reported them: a reload or
      // a closed window right after must not lose them.
      this.persistNow();
      return;
    }
    if (this.timer) return;
    // A save writes what changed in the pending list, and now and then the whole list
    // (pending-store.ts), which after a long offline spell is a large write: saves are spaced to
    // spend at most about a tenth of the time on it. A save lost in a crash only under-counts
    // "pending": replication sends by its own checkpoint, not by this list.
    const delay = Math.min(10_000, Math.max(250, this.persistCostMs * 10));
    this.timer = setTimeout(() => this.persistNow(), delay);
  }

  /** Saves what waits to be saved and settles when every save has (closing the session). */
  async flush(): Promise<void> {
    if (this.timer) this.persistNow();
    await this.save;
  }

  private persistNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.save = this.save
      .then(async () => {
        // Taken when the save runs, not when it was asked for: by then the list is loaded and
        // may have changed again.
        const state: SavedSyncState = {
          refused: [...this.refused],
          withdrawn: [...this.withdrawn],
          lastSyncedAt: this.lastSyncedAt,
          pendingCount: this.pending.size,
        };
        if (this.pending.dirty) {
          const started = Date.now();
          try {
            await this.pending.save();
          } catch {
            // Retried later as a whole list; the rest of the state is saved now regardless.
            this.persist();
          }
          this.persistCostMs = Date.now() - started;
        }
        await updateLocal<SavedSyncState>(this.local, SYNC_DOC, () => state);
      })
      .catch(() => undefined);
  }
}
