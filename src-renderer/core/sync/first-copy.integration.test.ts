import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { openRemoteDb, type Db } from '../db/pouch';
import { nodePouchEnv } from '../db/pouch-node';
import type { SyncOverview } from '../rpc/contract';
import { poller } from '../testing/until';
import { SyncEngine } from './engine';

/**
 * The engine's first copy of a branch (initial-pull.ts) and the push that waits for it: every
 * server document arrives, and a record written on this device — before, during or after the
 * copy — still reaches the server.
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
    await remote.bulkDocs(Array.from({ length: 1000 }, (_, k) => ({ _id: `note:${String(i + k).padStart(6, '0')}`, type: 'note', v: 1, branch: 'NYC', n: i + k })));
  }
}, 60_000);

afterAll(async () => {
  await remote?.close();
  await server?.close();
});

async function device(): Promise<{ engine: SyncEngine; local: Db; status: () => SyncOverview | null }> {
  let last: SyncOverview | null = null;
  const engine = new SyncEngine({ env, orgCode: server.org, onStatus: (o) => (last = o) });
  const local = new env.PouchDB(`device-${++n}`, { adapter: 'memory' });
  await engine.addDatabase('branch-nyc', local);
  return { engine, local, status: () => last };
}

const connect = (engine: SyncEngine) => engine.connect({ serverUrl: server.url, username: server.user(USER.name), password: USER.password });
const upToDate = (d: { status: () => SyncOverview | null }) =>
  until(async () => d.status(), (s) => s?.state === 'up-to-date' && s.pending === 0, 'up to date');
const onServer = async (engine: SyncEngine, id: string) => {
  await until(() => remote.get(id).catch(() => null), (d) => d !== null || engine.listRefused().length > 0, `${id} on the server`);
  expect(engine.listRefused()).toEqual([]);
};

describe('first copy of a branch', () => {
  it('copies everything; a record written afterwards is pushed', async () => {
    const d = await device();
    connect(d.engine);
    await upToDate(d);
    expect((await d.local.allDocs()).rows.filter((r) => r.id.startsWith('note:')).length).toBe(DOCS);
    const res = await d.local.put({ _id: 'note:after', type: 'note', v: 1, branch: 'NYC' });
    d.engine.markPending('branch-nyc', [{ id: res.id, rev: res.rev }]);
    await onServer(d.engine, 'note:after');
    await upToDate(d);
    await d.engine.close();
  });

  it('a record written while the copy runs is pushed', async () => {
    const d = await device();
    connect(d.engine);
    await until(() => d.local.info(), (i) => i.doc_count > 0, 'the copy under way');
    const res = await d.local.put({ _id: 'note:during', type: 'note', v: 1, branch: 'NYC' });
    d.engine.markPending('branch-nyc', [{ id: res.id, rev: res.rev }]);
    await onServer(d.engine, 'note:during');
    await upToDate(d);
    expect((await d.local.allDocs()).rows.filter((r) => r.id.startsWith('note:0')).length).toBe(DOCS);
    await d.engine.close();
  });

  it('a record written before connecting (an empty branch, then a save offline) is pushed', async () => {
    const d = await device();
    const res = await d.local.bulkDocs([{ _id: 'note:before', type: 'note', v: 1, branch: 'NYC' }]);
    d.engine.markPending('branch-nyc', res as { id: string; rev: string }[]);
    connect(d.engine);
    await onServer(d.engine, 'note:before');
    await upToDate(d);
    await d.engine.close();
  });

  it('a copy interrupted by going offline resumes, and a record written offline is pushed', async () => {
    const d = await device();
    connect(d.engine);
    await until(() => d.local.info(), (i) => i.doc_count > 0, 'the copy under way');
    d.engine.setOnline(false);
    const res = await d.local.put({ _id: 'note:offline', type: 'note', v: 1, branch: 'NYC' });
    d.engine.markPending('branch-nyc', [{ id: res.id, rev: res.rev }]);
    d.engine.setOnline(true);
    await onServer(d.engine, 'note:offline');
    await upToDate(d);
    const ids = (await d.local.allDocs()).rows.map((r) => r.id).filter((id) => id.startsWith('note:0'));
    expect(ids.length).toBe(DOCS);
    await d.engine.close();
  });
});
