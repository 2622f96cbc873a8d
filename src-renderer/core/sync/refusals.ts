import type { LocalWrites } from '../db/local-writes';
import { OutpostError } from '../errors';
import { typeOfId } from '../ids';
import type { RefusedDoc, WithdrawnDoc } from '../rpc/contract';
import type { Runtime, SyncContext } from './runtime';

/** How PouchDB reports a document the server refused (a `denied` event of the push). */
export interface DeniedError {
  id?: string;
  docId?: string;
  name?: string;
  error?: string;
  status?: number;
  reason?: string;
  message?: string;
}

/**
 * The refusal log (DESIGN §5): documents the server refused are listed with its reason, never
 * dropped silently, until the user sends them again or withdraws them; withdrawals stay as a
 * record of who and when. Kept on the device by SavedState, saved at once (a push reports a
 * refusal only once).
 */
export class RefusalLog {
  constructor(
    private readonly ctx: SyncContext,
    private readonly writes: LocalWrites,
  ) {}

  refused(rt: Runtime, err: DeniedError): void {
    const docId = err.id ?? err.docId ?? '';
    if (!docId) return;
    // The local removal of a withdrawn document is refused too (the server never had it): already recorded.
    if (rt.saved.withdrawn.some((w) => w.docId === docId)) return;
    rt.saved.pending.delete(docId);
    const entry: RefusedDoc = {
      db: rt.name,
      docId,
      docType: typeOfId(docId) ?? 'document',
      reason: err.reason ?? err.message ?? 'The server refused this document.',
      status: String(err.name ?? err.error ?? err.status ?? 'forbidden'),
      refusedAt: this.ctx.now().toISOString(),
    };
    rt.saved.refused = [...rt.saved.refused.filter((r) => r.docId !== docId), entry];
    rt.saved.persist(true);
    this.ctx.emit();
  }

  list(): RefusedDoc[] {
    return [...this.ctx.dbs.values()].flatMap((rt) => rt.saved.refused);
  }

  listWithdrawn(): WithdrawnDoc[] {
    return [...this.ctx.dbs.values()].flatMap((rt) => rt.saved.withdrawn);
  }

  /**
   * Sends a refused document again (after it was fixed, or after an administrator changed the
   * user's rights). The push checkpoint is already past it, so it gets a new revision with the
   * same content, written on the local write path so it counts pending like any other write;
   * if the server still refuses, it comes back to the list with the new reason.
   */
  async resend(db: string, docId: string): Promise<void> {
    const rt = this.runtimeOf(db, docId);
    const doc = await rt.local.get<{ type?: unknown }>(docId).catch(() => null);
    if (!doc) throw new OutpostError('not-found', 'That record is no longer on this device.');
    await this.writes.run(
      db,
      () => rt.local.put({ ...doc, _id: docId, _rev: doc._rev }),
      (res) => [{ id: res.id, rev: res.rev, type: String(doc.type ?? '') }],
    );
    rt.saved.refused = rt.saved.refused.filter((r) => r.docId !== docId);
    rt.saved.persist(true);
    this.ctx.emit();
  }

  /**
   * Withdraws a refused document: it is removed from this device (the server never had it) and
   * the withdrawal is recorded with who and when. The removal goes through the local write path
   * (the index drops the record, a first copy hears of it) but is not counted pending: there is
   * nothing the server should receive.
   */
  async withdraw(db: string, docId: string, by: string): Promise<void> {
    const rt = this.runtimeOf(db, docId);
    const refused = rt.saved.refused.find((r) => r.docId === docId)!;
    const doc = await rt.local.get<{ type?: unknown }>(docId).catch(() => null);
    if (doc) {
      await this.writes.run(
        db,
        () => rt.local.remove(docId, doc._rev),
        (res) => [{ id: res.id, rev: res.rev, type: String(doc.type ?? '') }],
      );
    }
    rt.saved.refused = rt.saved.refused.filter((r) => r.docId !== docId);
    rt.saved.pending.delete(docId);
    rt.saved.withdrawn = [
      ...rt.saved.withdrawn,
      { ...refused, withdrawnAt: this.ctx.now().toISOString(), withdrawnBy: by },
    ];
    rt.saved.persist(true);
    this.ctx.emit();
  }

  private runtimeOf(db: string, docId: string): Runtime {
    const rt = this.ctx.dbs.get(db);
    if (!rt || !rt.saved.refused.some((r) => r.docId === docId)) {
      throw new OutpostError(
        'not-found',
        'That record is not in the list of refused records any more.',
      );
    }
    return rt;
  }
}
