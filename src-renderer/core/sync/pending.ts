import type { WrittenDoc } from '../db/local-writes';
import type { Replication, Runtime, SyncContext } from './runtime';

/**
 * The pending list: documents written on this device that the server has not yet accepted.
 * It is filled from the local write path (LocalWrites' `after` event, or `mark` for writes
 * made before the session opened) and emptied by what the push reports, so documents that
 * merely arrived from the server never count. Kept on the device by SavedState.
 */
export class PendingList {
  constructor(private readonly ctx: SyncContext) {}

  mark(db: string, docs: readonly Pick<WrittenDoc, 'id' | 'rev'>[]): void {
    const rt = this.ctx.dbs.get(db);
    if (!rt || docs.length === 0) return;
    for (const d of docs) rt.saved.pending.set(d.id, d.rev);
    rt.saved.persist();
    this.ctx.emit();
    // The push may already have carried the write before we recorded it; check once it settles
    // (one check for a burst of writes, not one per write).
    if (!rt.reconcileTimer) {
      rt.reconcileTimer = setTimeout(() => {
        rt.reconcileTimer = null;
        void this.reconcile(rt);
      }, 1500);
    }
  }

  /** What the server accepted leaves the list; what it refused goes to `denied` (the refusal log). */
  trackPush(rt: Runtime, push: Replication, denied: (err: unknown) => void): void {
    push.on('change', (info) => {
      const docs = (info as { docs?: { _id: string; _rev: string }[] }).docs ?? [];
      let changed = false;
      for (const d of docs) {
        if (rt.saved.pending.get(d._id) === d._rev) {
          rt.saved.pending.delete(d._id);
          changed = true;
        }
      }
      if (changed) rt.saved.persist();
      this.ctx.emit();
    });
    push.on('denied', denied);
  }

  /** Drops entries the server already has (written before we tracked them, or pushed by another path). */
  async reconcile(rt: Runtime): Promise<void> {
    const { pending } = rt.saved;
    await rt.saved.loaded;
    const ids = [...pending.keys()];
    if (!rt.remote || ids.length === 0 || !this.ctx.shouldRun() || rt.push_ !== 'idle') return;
    try {
      const query: Record<string, string[]> = {};
      for (const id of ids) query[id] = [pending.get(id)!];
      const missing = await rt.remote.revsDiff(query);
      let changed = false;
      for (const id of ids) {
        if (!(id in missing) && pending.get(id) === query[id]![0]) {
          pending.delete(id);
          changed = true;
        }
      }
      if (changed) {
        rt.saved.persist();
        this.ctx.emit();
      }
    } catch {
      // The next idle period tries again; a failed check changes nothing.
    }
  }

  /** Closing: no check runs after the databases close. */
  close(rt: Runtime): void {
    if (rt.reconcileTimer) clearTimeout(rt.reconcileTimer);
    rt.reconcileTimer = null;
  }
}
