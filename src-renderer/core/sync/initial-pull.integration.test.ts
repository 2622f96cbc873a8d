import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { openRemoteDb, type Db } from '../db/pouch';
import { nodePouchEnv } from '../db/pouch-node';
import { initialPull, type Seq } from './initial-pull';

/**
 * The fast first copy writes exactly what a pull replication writes: same documents, same
 * revision trees (histories, conflicts, deleted leaves), and the replication carries on from
 * where it stopped without missing what changed in between.
 */
const env = nodePouchEnv('initial-pull-');
let server: TestServer;
let remote: Db;
let n = 0;
const local = () => new env.PouchDB(`local-${++n}`, { adapter: 'memory' });

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'] });
  // As server admin: validate_doc_update lets it write anything, so the odd shapes can be seeded.
  remote = openRemoteDb(env, server.url, `${server.org}-branch-nyc`, server.admin);
  const note = (i: number) => ({
    _id: `note:${String(i).padStart(4, '0')}`,
    type: 'note',
    v: 1,
    text: `note ${i}`,
    n: i,
    nothing: null,
    flag: true,
  });
  await remote.bulkDocs(Array.from({ length: 45 }, (_, i) => note(i)));
  // Edited twice: generation 3, its history matters.
  let edited = await remote.put(note(100));
  edited = await remote.put({ ...note(100), _rev: edited.rev, text: 'second' });
  await remote.put({ ...note(100), _rev: edited.rev, text: 'third' });
  // Deleted.
  const gone = await remote.put(note(101));
  await remote.remove(note(101)._id, gone.rev);
  // Two offices edited the same document: two leaves.
  const base = await remote.put(note(102));
  const h = base.rev.split('-')[1]!;
  await remote.bulkDocs(
    [
      {
        ...note(102),
        text: 'office A',
        _rev: '2-aaaa',
        _revisions: { start: 2, ids: ['aaaa', h] },
      },
      {
        ...note(102),
        text: 'office B',
        _rev: '2-bbbb',
        _revisions: { start: 2, ids: ['bbbb', h] },
      },
    ],
    { new_edits: false },
  );
  // A conflict resolved by deleting the losing branch: a deleted leaf beside the winner.
  const base2 = await remote.put(note(103));
  const h2 = base2.rev.split('-')[1]!;
  await remote.bulkDocs(
    [
      { ...note(103), text: 'kept', _rev: '2-cccc', _revisions: { start: 2, ids: ['cccc', h2] } },
      {
        _id: note(103)._id,
        _deleted: true,
        _rev: '3-dddd',
        _revisions: { start: 3, ids: ['dddd', 'eeee', h2] },
      },
    ],
    { new_edits: false },
  );
  // Two generation-1 leaves (the same id created in two offices).
  await remote.bulkDocs(
    [
      { ...note(104), _rev: '1-ffff' },
      { ...note(104), text: 'other', _rev: '1-9999' },
    ],
    { new_edits: false },
  );
  // With an attachment.
  await remote.put({
    ...note(105),
    _attachments: {
      'a.txt': { content_type: 'text/plain', data: Buffer.from('hello').toString('base64') },
    },
  });
}, 60_000);

afterAll(async () => {
  await remote?.close();
  await server?.close();
});

/** Every document with every leaf and its full history, deleted ones included. */
async function trees(db: Db): Promise<Record<string, unknown>> {
  const changes = await db.changes({ style: 'all_docs', return_docs: true });
  const out: Record<string, unknown> = {};
  for (const c of changes.results.sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const leaves = (await db.get(c.id, {
      open_revs: 'all',
      revs: true,
      attachments: true,
    } as PouchDB.Core.GetOpenRevisions)) as unknown as { ok: { _rev: string } }[];
    out[c.id] = {
      leaves: leaves.map((l) => l.ok).sort((x, y) => (x._rev < y._rev ? -1 : 1)),
      winner: await db.get(c.id, { conflicts: true }).catch((e: { status?: number }) => e.status),
    };
  }
  return out;
}

describe('the first copy of a database', () => {
  it('writes what a pull replication writes: histories, conflicts, deleted leaves, attachments', async () => {
    const reference = local();
    await reference.replicate.from(remote);
    const fast = local();
    const pages: Seq[] = [];
    const copied = await initialPull(fast, remote, {
      since: 0,
      pageSize: 7,
      cancelled: () => false,
      onPage: (p) => pages.push(p.seq),
    });
    expect(pages.length).toBeGreaterThan(5);
    // 45 notes, six odd ones and the design document with validate_doc_update.
    expect(copied.docs).toBe(52);
    const want = await trees(reference);
    expect(Object.keys(want)).toContain('note:0102');
    expect(await trees(fast)).toEqual(want);
    expect((await fast.info()).doc_count).toBe((await reference.info()).doc_count);
  });

  it('hands over to the replication: what changed meanwhile arrives, and the checkpoint holds', async () => {
    const fast = local();
    const copied = await initialPull(fast, remote, {
      since: 0,
      pageSize: 10,
      cancelled: () => false,
      onPage: () => undefined,
    });
    // The server changes after the copy read its last page.
    const doc = await remote.get<{ text: string }>('note:0001');
    await remote.put({ ...doc, text: 'changed meanwhile' });
    await remote.put({ _id: 'note:0999', type: 'note', v: 1, text: 'new meanwhile' });
    const tail = await fast.replicate.from(remote, { since: copied.seq, batch_size: 1000 });
    expect(tail.docs_written).toBe(2);
    expect((await fast.get<{ text: string }>('note:0001')).text).toBe('changed meanwhile');
    // The replication checkpoint now starts the next pull after the tail.
    const next = await fast.replicate.from(remote, { batch_size: 1000 });
    expect(next.docs_read).toBe(0);
    const reference = local();
    await reference.replicate.from(remote);
    expect(await trees(fast)).toEqual(await trees(reference));
  });

  it('resumes from a page: rewriting what is already there changes nothing', async () => {
    const fast = local();
    const seqs: Seq[] = [];
    let stopAfter = 3;
    await expect(
      initialPull(fast, remote, {
        since: 0,
        pageSize: 5,
        cancelled: () => stopAfter-- <= 0,
        onPage: (p) => seqs.push(p.seq),
      }),
    ).rejects.toThrow('cancelled');
    // Resume one page early, as after a crash between a page and its saved sequence.
    const from = seqs.length > 1 ? seqs[seqs.length - 2]! : 0;
    await initialPull(fast, remote, {
      since: from,
      pageSize: 5,
      cancelled: () => false,
      onPage: () => undefined,
    });
    const reference = local();
    await reference.replicate.from(remote);
    expect(await trees(fast)).toEqual(await trees(reference));
  });
});
