import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { LocalWrites } from '../db/local-writes';
import { openRemoteDb, type Db } from '../db/pouch';
import { Repository } from '../db/repository';
import { SchemaRegistry } from '../db/schema-registry';
import { docBaseSchema } from '../org/schemas';
import { nodePouchEnv } from '../db/pouch-node';
import type { SyncOverview } from '../rpc/contract';
import { poller } from '../testing/until';
import { SyncEngine } from './engine';

/**
 * The engine's first copy of a branch (initial-pull.ts) and the push that waits for it: every
 * server document arrives, and a record written on this device — before, during or after the
 * copy — still reaches the server. Records are written as the app writes them: through a
 * repository, on the local write path the engine listens to (never by wrapping PouchDB).
 */
const USER = { name: 'alice', password: 'alice-pass-1', roles: ['admin', 'hq'], branches: ['NYC'] };
const DOCS = 3_000;
const env = nodePouchEnv('first-copy-');
let server: TestServer;
let remote: Db;
let n = 0;
const until = poller({ timeoutMs: 60_000, everyMs: 20 });

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [USER] });
  remote = openRemoteDb(env, server.url, `${server.org}-branch-nyc`, server.admin);
  for (let i = 0; i < DOCS; i += 1000) {
    await remote.bulkDocs(
      Array.from({ length: 1000 }, (_, k) => ({
        _id: `note:${String(i + k).padStart(6, '0')}`,
        type: 'note',
        v: 1,
        branch: 'NYC',
        n: i + k,
      })),
    );
  }
}, 60_000);

afterAll(async () => {
  await remote?.close();
  await server?.close();
});

const noteSchema = docBaseSchema.extend({
  type: z.literal('note'),
  v: z.literal(1),
  text: z.string().min(1),
});
type Note = z.infer<typeof noteSchema>;
const registry = new SchemaRegistry();
registry.register<Note>({
  type: 'note',
  version: 1,
  schema: noteSchema,
  home: 'branch',
  title: (d) => d.text,
});

interface Device {
  engine: SyncEngine;
  local: Db;
  notes: Repository<Note>;
  status: () => SyncOverview | null;
}

async function device(): Promise<Device> {
  let last: SyncOverview | null = null;
  const writes = new LocalWrites();
  const engine = new SyncEngine({ env, orgCode: server.org, writes, onStatus: (o) => (last = o) });
  const local = new env.PouchDB(`device-${++n}`, { adapter: 'memory' });
  const ctx = () => ({
    userName: 'Alice Admin',
    deviceId: 'device:01HQ',
    now: () => new Date(),
    baseCurrency: 'USD',
  });
  const notes = new Repository<Note>(local, 'branch-nyc', registry, 'note', ctx, writes);
  await engine.addDatabase('branch-nyc', local);
  return { engine, local, notes, status: () => last };
}

/** One of the server's documents (a note saved here has a ULID). */
const copied = (id: string) => /^note:\d{6}$/.test(id);

/** A note saved on this device, as a clerk's save is: the engine hears of it from the write path. */
const write = async (d: Device, text: string) =>
  (await d.notes.create({ text } as never, 'NYC'))._id;

const connect = (engine: SyncEngine) =>
  engine.connect({
    serverUrl: server.url,
    username: server.user(USER.name),
    password: USER.password,
  });
const upToDate = (d: { status: () => SyncOverview | null }) =>
  until(
    async () => d.status(),
    (s) => s?.state === 'up-to-date' && s.pending === 0,
    'up to date',
  );
const onServer = async (engine: SyncEngine, id: string) => {
  await until(
    () => remote.get(id).catch(() => null),
    (d) => d !== null || engine.listRefused().length > 0,
    `${id} on the server`,
  );
  expect(engine.listRefused()).toEqual([]);
};

describe('first copy of a branch', () => {
  it('copies everything; a record written afterwards is pushed', async () => {
    const d = await device();
    connect(d.engine);
    await upToDate(d);
    expect((await d.local.allDocs()).rows.filter((r) => copied(r.id)).length).toBe(DOCS);
    await onServer(d.engine, await write(d, 'Written after the copy'));
    await upToDate(d);
    await d.engine.close();
  });

  it('a record written while the copy runs is pushed', async () => {
    const d = await device();
    connect(d.engine);
    await until(
      () => d.local.info(),
      (i) => i.doc_count > 0,
      'the copy under way',
    );
    // The push waits for a copy into an empty database, and starts after the copy's last
    // sequence: the write must end that wait before it gets a sequence of its own.
    await onServer(d.engine, await write(d, 'Written during the copy'));
    await upToDate(d);
    expect((await d.local.allDocs()).rows.filter((r) => copied(r.id)).length).toBe(DOCS);
    await d.engine.close();
  });

  it('a record written before connecting (an empty branch, then a save offline) is pushed', async () => {
    const d = await device();
    const id = await write(d, 'Written before connecting');
    connect(d.engine);
    await onServer(d.engine, id);
    await upToDate(d);
    await d.engine.close();
  });

  it('a copy interrupted by going offline resumes, and a record written offline is pushed', async () => {
    const d = await device();
    connect(d.engine);
    await until(
      () => d.local.info(),
      (i) => i.doc_count > 0,
      'the copy under way',
    );
    d.engine.setOnline(false);
    const id = await write(d, 'Written offline');
    d.engine.setOnline(true);
    await onServer(d.engine, id);
    await upToDate(d);
    const ids = (await d.local.allDocs()).rows.map((r) => r.id).filter(copied);
    expect(ids.length).toBe(DOCS);
    await d.engine.close();
  });
});
