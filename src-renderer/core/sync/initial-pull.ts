import type { Db } from '../db/pouch';

/**
 * The first copy of a database from the server, faster than a plain pull replication and
 * writing exactly what it would write.
 *
 * A pull replication handles each batch in four steps, one after the other: ask the local
 * database which revisions it lacks (`revsDiff`, one IndexedDB read per document), fetch them
 * (`_bulk_get`), write them (`bulkDocs` with `new_edits: false`), then write a checkpoint on
 * both sides. On an empty database the first step finds everything missing, and the fetch
 * could have come with the change list. So here:
 *
 * - pages of the server's `_changes?style=all_docs&include_docs=true` are read, the next page
 *   always in flight while the current one is written (the server and IndexedDB work at the
 *   same time);
 * - a document whose only leaf is a generation-1 revision without attachments is written as
 *   it arrived: its revision history is that one revision, which is exactly what replication
 *   writes for it;
 * - anything else — later generations (their history matters for conflicts), several leaves
 *   (conflicts, deleted former conflicts), deletions, attachments — is fetched with its full
 *   history from `_bulk_get?revs=true&latest=true` as replication fetches it;
 * - the page is written with `bulkDocs({ new_edits: false })`, which merges revision trees and
 *   ignores revisions already present, so re-reading a page after an interruption is harmless.
 *
 * The caller hands the replication over at the returned sequence (see SyncEngine): everything
 * the server changed after that point is in its changes feed after that point.
 */

export type Seq = string | number;

export interface InitialPullOptions {
  /** Where to start: 0, or the sequence saved after the last page written. */
  since: Seq;
  pageSize: number;
  /** Pages written while the next one is read (IndexedDB queues them); default 1. */
  inFlight?: number;
  /** Checked between pages; a cancelled pull stops without writing further. */
  cancelled(): boolean;
  /** After each page is durably written locally. */
  onPage(page: { docs: number; seq: Seq }): void;
}

interface ChangeRow {
  id: string;
  seq: Seq;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: PouchDB.Core.Document<object> &
    PouchDB.Core.RevisionIdMeta & {
      _attachments?: object;
      _conflicts?: string[];
      _deleted?: boolean;
    };
}

export class InitialPullCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export async function initialPull(
  local: Pick<Db, 'bulkDocs'>,
  remote: Db,
  opts: InitialPullOptions,
): Promise<{ seq: Seq; docs: number }> {
  const page = (since: Seq) =>
    remote.changes({
      since,
      limit: opts.pageSize,
      // The http adapter splits a request into batch_size pieces (25 by default): one request per page.
      batch_size: opts.pageSize,
      style: 'all_docs',
      include_docs: true,
      return_docs: true,
    } as PouchDB.Core.ChangesOptions) as unknown as Promise<{
      results: ChangeRow[];
      last_seq: Seq;
    }>;

  // Pages are read one after another, each as soon as the previous one has arrived, and written
  // as soon as they arrive: IndexedDB runs the writes in order, so while one commits the next is
  // already queued and the next page is on its way. At most `inFlight` pages wait in memory.
  const inFlight = opts.inFlight ?? 1;
  let since = opts.since;
  let total = 0;
  let done: Promise<void> = Promise.resolve();
  const writing: Promise<void>[] = [];
  for (;;) {
    const current = await page(since);
    if (opts.cancelled()) throw new InitialPullCancelled();
    if (current.results.length === 0) {
      await done;
      return { seq: current.last_seq ?? since, docs: total };
    }
    since = current.last_seq;
    const seq = since;
    const write = writePage(local, remote, current.results);
    // Reported strictly in order, so the saved sequence never passes a page not yet written.
    done = Promise.all([done, write]).then(([, written]) => {
      if (opts.cancelled()) throw new InitialPullCancelled();
      total += written;
      opts.onPage({ docs: written, seq });
    });
    done.catch(() => undefined);
    writing.push(done);
    while (writing.length > inFlight) await writing.shift();
  }
}

/** True when the change's document can be written as it came: one leaf, generation 1, no attachments. */
function isSimple(row: ChangeRow): boolean {
  const doc = row.doc;
  return (
    !row.deleted &&
    row.changes.length === 1 &&
    !!doc &&
    doc._rev === row.changes[0]!.rev &&
    doc._rev.startsWith('1-') &&
    !doc._deleted &&
    !doc._attachments &&
    !doc._conflicts
  );
}

async function writePage(
  local: Pick<Db, 'bulkDocs'>,
  remote: Db,
  rows: ChangeRow[],
): Promise<number> {
  const docs: object[] = [];
  const fetch: { id: string; rev: string }[] = [];
  for (const row of rows) {
    if (isSimple(row)) docs.push(row.doc!);
    else for (const c of row.changes) fetch.push({ id: row.id, rev: c.rev });
  }
  if (fetch.length) {
    const got = await remote.bulkGet({
      docs: fetch,
      revs: true,
      latest: true,
      attachments: true,
    } as PouchDB.Core.BulkGetOptions);
    for (const result of got.results) {
      for (const d of result.docs) {
        if ('error' in d)
          throw Object.assign(
            new Error(`The server could not send ${result.id}: ${JSON.stringify(d.error)}`),
            { status: 500 },
          );
        docs.push(d.ok);
      }
    }
  }
  if (docs.length === 0) return 0;
  const res = (await local.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], {
    new_edits: false,
  })) as (PouchDB.Core.Response | PouchDB.Core.Error)[];
  const failed = res.find((r) => 'error' in r && r.error);
  if (failed)
    throw Object.assign(
      new Error(
        `Could not write ${(failed as PouchDB.Core.Error).id}: ${(failed as PouchDB.Core.Error).message}`,
      ),
      failed,
    );
  return rows.length;
}
