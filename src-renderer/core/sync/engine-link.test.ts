import { afterEach, describe, expect, it } from 'vitest';
import { nodePouchEnv } from '../db/pouch-node';
import { openDeviceDb, type Db } from '../db/pouch';
import { LocalWrites } from '../db/local-writes';
import { SyncEngine } from './engine';
import { LOCKOUT_REASON } from './lockout';
import { poller } from '../testing/until';

/**
 * The engine's state machine around the server link, with the server's `_session` answers
 * scripted: nothing replicates until the server has said who the user is, a refusal of the
 * app's origin reads as CORS (not "Offline"), and recovery re-reads the roles by itself.
 */
const until = poller({ timeoutMs: 5_000, everyMs: 10 });
const env = nodePouchEnv(`engine-link-test-${Date.now()}-`);
// Nothing listens here: replications that do start fail fast without leaving loopback.
const SERVER = 'http://127.0.0.1:9';
const ORIGIN = 'http://192.168.1.20:4173';
const opened: Db[] = [];
const engines: SyncEngine[] = [];

type Answer = 'cors' | 'wrong-password' | 'locked' | 'hq';

function setup(answer: { now: Answer }) {
  const sessionCalls: string[] = [];
  const users: { name: string; roles: string[] }[] = [];
  const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
    sessionCalls.push(url);
    switch (answer.now) {
      case 'cors':
        throw new TypeError('Failed to fetch');
      case 'wrong-password':
        return Response.json(
          { error: 'unauthorized', reason: 'Name or password is incorrect.' },
          { status: 401 },
        );
      case 'locked':
        return Response.json({ error: 'forbidden', reason: LOCKOUT_REASON }, { status: 403 });
      case 'hq':
        return Response.json({ ok: true, userCtx: { name: 'jane', roles: ['hq'] } });
    }
  }) as typeof fetch;
  const sync = new SyncEngine({
    env,
    orgCode: 'acme',
    writes: new LocalWrites(),
    onStatus: () => undefined,
    connection: { fetch: fake, origin: ORIGIN, corsApplies: true },
    onSessionUser: (u) => users.push(u),
    linkTiming: { retryMs: () => 20, lockoutMs: 60 * 60_000, failbackMs: () => 60 * 60_000 },
  });
  engines.push(sync);
  return { sync, sessionCalls, users };
}

async function withDatabases(sync: SyncEngine, names: string[]): Promise<void> {
  for (const n of names) {
    const d = openDeviceDb(env, `${n}-${Math.random().toString(36).slice(2)}`);
    opened.push(d);
    await sync.addDatabase(n, d);
  }
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  await Promise.all(opened.splice(0).map((d) => d.destroy().catch(() => undefined)));
});

const creds = { serverUrl: SERVER, username: 'jane', password: 'jane-pass-1' };

describe('the engine and the server link', () => {
  it('asks once with a wrong password and starts no replication (no burst of failures to lock the user out)', async () => {
    const { sync, sessionCalls } = setup({ now: 'wrong-password' });
    await withDatabases(sync, ['master', 'branch-nyc', 'branch-bos', 'branch-par']);
    sync.connect(creds);
    const o = await until(
      async () => sync.overview(),
      (x) => x.state === 'error',
      'the wrong password shown',
    );
    expect(o.databases.every((d) => d.error?.kind === 'auth')).toBe(true);
    expect(sessionCalls).toHaveLength(1);
    expect(o.server?.using).toBeNull();
  });

  it('says a locked user is locked, on every database', async () => {
    const { sync } = setup({ now: 'locked' });
    await withDatabases(sync, ['master', 'branch-nyc']);
    sync.connect(creds);
    const o = await until(
      async () => sync.overview(),
      (x) => x.state === 'error',
      'the lockout shown',
    );
    expect(o.databases.map((d) => d.error?.message)).toEqual([
      expect.stringMatching(/Too many wrong passwords/),
      expect.stringMatching(/Too many wrong passwords/),
    ]);
  });

  it('shows a CORS refusal as such, and once it is fixed syncs again and re-reads the roles without a restart', async () => {
    const answer = { now: 'cors' as Answer };
    const { sync, users } = setup(answer);
    await withDatabases(sync, ['master', 'branch-nyc']);
    sync.connect(creds);
    const refused = await until(
      async () => sync.overview(),
      (x) => x.state === 'error',
      'the CORS refusal shown',
    );
    expect(refused.databases[0]!.error).toMatchObject({
      kind: 'cors',
      message: expect.stringContaining(ORIGIN),
    });
    expect(users).toEqual([]);

    answer.now = 'hq';
    await until(
      async () => users.length,
      (n) => n > 0,
      'the roles read again',
    );
    expect(users[0]).toEqual({ name: 'jane', roles: ['hq'] });
    const after = sync.overview();
    expect(after.server?.using).toBe(SERVER);
    expect(after.databases.some((d) => d.error?.kind === 'cors')).toBe(false);
  });
});
