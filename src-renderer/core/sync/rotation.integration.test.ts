import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { accountsModule } from '../../modules/accounts';
import { openRemoteDb, type Db } from '../db/pouch';
import { nodePouchEnv } from '../db/pouch-node';
import type { DocBase } from '../org/schemas';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';
import { MAX_LIVE } from './engine';

/**
 * A head office with more databases than MAX_LIVE: master and six branches make seven, so four
 * sync live and three take turns at one-shot syncs (scheduler.ts). Every branch's records reach
 * a head-office device, and what head office writes in any branch reaches the server, whether
 * that branch is live or waiting for its turn.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const BOB = { name: 'bob', password: 'bob-pass-1', roles: ['hq'], branches: ['NYC'] };
const OTHERS = [
  { code: 'BOS', name: 'Boston' },
  { code: 'CHI', name: 'Chicago' },
  { code: 'LAX', name: 'Los Angeles' },
  { code: 'MIA', name: 'Miami' },
  { code: 'SEA', name: 'Seattle' },
];
const BRANCHES = ['NYC', ...OTHERS.map((b) => b.code)];
const dbOf = (code: string) => `branch-${code.toLowerCase()}`;

let server: TestServer;
let hq: TestDevice;
let second: TestDevice;
const remotes: Db[] = [];
const env = nodePouchEnv('rotation-');
const until = poller({ timeoutMs: 25_000, everyMs: 100 });

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: BRANCHES, users: [ALICE, BOB] });
  hq = await startTestDevice(undefined, [accountsModule]);
  second = await startTestDevice(undefined, [accountsModule]);
});
afterAll(async () => {
  await hq?.close();
  await second?.close();
  await Promise.all(remotes.map((r) => r.close()));
  await server?.close();
});

/** Every database held, each synced at least once, nothing waiting to be sent. */
const allSynced = (d: TestDevice, what: string) =>
  until(
    () => d.call('sync.getStatus', undefined),
    (s) =>
      s.databases.length === BRANCHES.length + 1 &&
      s.pending === 0 &&
      s.databases.every((db) => db.lastSyncedAt !== null && db.error === null),
    what,
  );

/** A journal draft written in a branch's database on this device, as the app writes one: through a repository. */
async function draftIn(d: TestDevice, code: string, memo: string): Promise<string> {
  const journals = d.core.session()!.repository<DocBase>(dbOf(code), 'journalEntry');
  const fields = {
    status: 'draft',
    date: '2026-06-01',
    memo,
    currency: 'USD',
    lines: [
      { account: '6100', debit: 250_000, credit: 0, baseDebit: 250_000, baseCredit: 0 },
      { account: '1200', debit: 0, credit: 250_000, baseDebit: 0, baseCredit: 250_000 },
    ],
  };
  return (await journals.create(fields as never, code))._id;
}

async function onServer(code: string, id: string): Promise<void> {
  const remote = openRemoteDb(env, server.url, `${server.org}-${dbOf(code)}`, server.admin);
  remotes.push(remote);
  await until(
    () => remote.get(id).catch(() => null),
    (doc) => doc !== null,
    `${id} in ${code} on the server`,
  );
}

describe(`a head office with more than ${MAX_LIVE} databases`, () => {
  it('syncs every branch, live or in turn, and sends what it writes in each', async () => {
    await hq.call('setup.createCompany', {
      ...ACME_INPUT,
      company: { ...ACME_INPUT.company, orgCode: server.org },
    });
    for (const b of OTHERS) await hq.call('org.addBranch', { ...b, currency: 'USD' });
    await hq.call('sync.connect', {
      serverUrl: server.url,
      username: server.user(ALICE.name),
      password: ALICE.password,
    });
    const first = await allSynced(hq, 'every database synced once');
    expect(first.databases.map((db) => db.db).sort()).toEqual(
      ['master', ...BRANCHES.map(dbOf)].sort(),
    );

    const written = new Map<string, string>();
    for (const code of BRANCHES)
      written.set(code, await draftIn(hq, code, `${code} petty cash float for June`));
    await allSynced(hq, 'every draft sent');
    for (const [code, id] of written) await onServer(code, id);

    // A second head-office PC: every branch's records arrive, the rotated ones included.
    await second.call('setup.joinCompany', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user(BOB.name),
      password: BOB.password,
      branchCode: 'NYC',
      device: { letter: 'B', label: 'Head office PC 2' },
      userName: 'Bob Controller',
    });
    await allSynced(second, 'the second head-office PC synced');
    const held = second.core.session()!.dbs;
    for (const [code, id] of written) {
      await until(
        () =>
          held
            .get(dbOf(code))!
            .get(id)
            .catch(() => null),
        (doc) => doc !== null,
        `${code}'s draft at the second PC`,
      );
    }

    // Written after the first round: a branch waiting for its turn gets it at once.
    const later = new Map<string, string>();
    for (const code of BRANCHES)
      later.set(code, await draftIn(second, code, `${code} June rent accrual`));
    await allSynced(second, 'the later drafts sent');
    for (const [code, id] of later) await onServer(code, id);
  });
});
