/**
 * The one local write path (issue 10): every write a module, the conflicts page or the sync
 * engine's own bookkeeping makes to a replicated database goes through `LocalWrites.run`, which
 * tells its subscribers twice:
 *
 * - `before`, synchronously, before PouchDB sees the write. The sync engine's first copy
 *   relies on it: while only the copy has written to an empty database the push can start after
 *   the copy's last sequence, and the first other write must end that before it gets a
 *   sequence of its own (otherwise a write made during the copy could be skipped by the push).
 * - `after`, with what was written: the sync engine counts it pending, the index catches up,
 *   the master-data cache forgets.
 *
 * Subscribing replaces what the engine did before: wrapping PouchDB's own methods.
 */
export interface WrittenDoc {
  id: string;
  rev: string;
  type: string;
}

export type WriteEvent =
  { phase: 'before'; db: string } | { phase: 'after'; db: string; docs: WrittenDoc[] };

export type WriteSubscriber = (event: WriteEvent) => void;

export class LocalWrites {
  private readonly subscribers = new Set<WriteSubscriber>();

  subscribe(subscriber: WriteSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * Runs one write against `db`. `written` reads what was saved from the write's result;
   * subscribers hear of it even when the write then fails part-way (a bulkDocs with some
   * refusals), so nothing saved goes uncounted.
   */
  async run<T>(
    db: string,
    write: () => Promise<T>,
    written: (result: T) => WrittenDoc[],
  ): Promise<T> {
    this.tell({ phase: 'before', db });
    const result = await write();
    const docs = written(result);
    if (docs.length) this.tell({ phase: 'after', db, docs });
    return result;
  }

  /**
   * Announces documents written some other way (created before the session opened). There is
   * no `before` event: a write into a database the session already syncs must use `run`, or
   * a first copy under way could hand its push a start past that write (see above).
   */
  announce(db: string, docs: WrittenDoc[]): void {
    if (docs.length) this.tell({ phase: 'after', db, docs });
  }

  private tell(event: WriteEvent): void {
    for (const s of this.subscribers) {
      // A subscriber's failure must not undo or hide a write that has happened.
      try {
        s(event);
      } catch (e) {
        console.error('[core] a write subscriber failed', e);
      }
    }
  }
}

/** What a bulkDocs result says was saved, typed by the documents sent. */
export function savedOf(
  docs: { type?: unknown }[],
  results: { id?: string; rev?: string; error?: unknown }[],
): WrittenDoc[] {
  const out: WrittenDoc[] = [];
  results.forEach((r, i) => {
    if (!r.error && r.id && r.rev)
      out.push({ id: r.id, rev: r.rev, type: String(docs[i]?.type ?? '') });
  });
  return out;
}
