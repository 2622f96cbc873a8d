import { collectConflicts, collectLeaves, isDeleted } from 'pouchdb-merge';
import type { Db } from './pouch';

export type Change = PouchDB.Core.ChangesResponseChange<Record<string, unknown>>;

export interface ChangesBatch {
  results: Change[];
  last_seq: string | number;
}

/**
 * One batch of a database's changes feed as the index reads it: every leaf's revision
 * (`style: 'all_docs'`), the winning document with its `_conflicts`, deletions included.
 *
 * Why not simply `db.changes()`: PouchDB's indexeddb adapter walks the feed one cursor step
 * per document, each a round trip to the browser's IndexedDB service, and catching up after a
 * 100,000-line import spent most of its time there (15.7 s of 16.6 s in the bench; issue 11
 * item 18). The same rows come back in one `getAll` on the adapter's own `seq` index, and the
 * change is built exactly as pouchdb-core's `processChange` builds it. This reads the storage
 * format of pouchdb-adapter-indexeddb 9 (pinned in package.json): anything that does not look
 * like it — another adapter (memory in Node), a string sequence, an unknown row shape, any
 * error — goes through `db.changes()` instead, which is always correct, only slower.
 * `changes-batch.test.ts` holds both readers to the same answer.
 */
export async function readChangesBatch(
  db: Db,
  since: string | number,
  limit: number,
): Promise<ChangesBatch> {
  const fast = await readFromStore(db, since, limit).catch(() => null);
  if (fast) return fast;
  return db.changes<Record<string, unknown>>({
    since,
    limit,
    include_docs: true,
    conflicts: true,
    style: 'all_docs',
  });
}

/** A row of the adapter's `docs` store (pouchdb-adapter-indexeddb 9's format). */
interface StoredDoc {
  id: string;
  rev: string;
  seq: number;
  rev_tree: unknown;
  revs: Record<string, { data: Record<string, unknown> } | undefined>;
  deleted?: number | boolean;
}

const isStoredDoc = (r: unknown): r is StoredDoc => {
  const d = r as Partial<StoredDoc> | null;
  return (
    !!d &&
    typeof d.id === 'string' &&
    typeof d.rev === 'string' &&
    typeof d.seq === 'number' &&
    Array.isArray(d.rev_tree) &&
    typeof d.revs?.[d.rev]?.data === 'object'
  );
};

/** The fast path alone: null where it does not apply (then `db.changes()` is read instead). */
export async function readFromStore(
  db: Db,
  since: string | number,
  limit: number,
): Promise<ChangesBatch | null> {
  const d = db as unknown as { adapter?: string; __opts?: { name?: string } };
  const name = d.__opts?.name;
  if (d.adapter !== 'indexeddb' || typeof since !== 'number' || !name) return null;
  if (typeof indexedDB === 'undefined') return null;
  const idb = await connection(name);
  if (!idb || !idb.objectStoreNames.contains('docs')) return null;
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const store = idb.transaction('docs', 'readonly').objectStore('docs');
    if (!store.indexNames.contains('seq')) return resolve([null]);
    const req = store.index('seq').getAll(IDBKeyRange.lowerBound(since, true), limit);
    req.onsuccess = () => resolve(req.result as unknown[]);
    req.onerror = () => reject(req.error ?? new Error('changes could not be read'));
  });
  if (!rows.every(isStoredDoc)) return null;
  const results = rows.map(toChange);
  return { results, last_seq: rows.length ? rows.at(-1)!.seq : since };
}

/** What pouchdb-core's processChange makes of a row, for these options. */
function toChange(row: StoredDoc): Change {
  const doc: Record<string, unknown> = { ...row.revs[row.rev]!.data, _id: row.id, _rev: row.rev };
  if (row.deleted) doc._deleted = true;
  // As pouchdb-utils' filterChange leaves them without `attachments: true`.
  const attachments = doc._attachments as Record<string, { stub?: boolean }> | undefined;
  for (const att of Object.values(attachments ?? {})) att.stub = true;
  const metadata = { id: row.id, rev_tree: row.rev_tree };
  const change: Change & { seq: number } = {
    id: row.id,
    changes: collectLeaves(row.rev_tree).map((l) => ({ rev: l.rev })),
    doc: doc as Change['doc'],
    seq: row.seq,
  };
  if (isDeleted(metadata, row.rev)) change.deleted = true;
  const conflicts = collectConflicts(metadata);
  if (conflicts.length) doc._conflicts = conflicts;
  return change;
}

/**
 * One read connection per database, opened without a version so it never upgrades anything.
 * PouchDB opens its databases with a new version each time; the change event closes this
 * connection (and a deleted database's) at once, and the next read opens a fresh one.
 */
const connections = new Map<string, Promise<IDBDatabase | null>>();

function connection(name: string): Promise<IDBDatabase | null> {
  let open = connections.get(name);
  if (!open) {
    open = new Promise((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const idb = req.result;
        idb.onversionchange = () => {
          idb.close();
          if (connections.get(name) === open) connections.delete(name);
        };
        resolve(idb);
      };
      // A database the adapter has not created yet is not ours to create.
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onerror = () => {
        if (connections.get(name) === open) connections.delete(name);
        resolve(null);
      };
    });
    connections.set(name, open);
  }
  return open;
}
