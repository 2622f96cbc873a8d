import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser, provision } from '../../../server/provision';
import { openRemoteDb, type Db } from '../db/pouch';
import { nodePouchEnv } from '../db/pouch-node';
import { DRAFT_PREFIX, POSTED_PREFIX, writeBranchWork } from '../testing/branch-work';
import { envInt } from '../testing/deep-env';
import {
  startKillableServer,
  type KillableServer,
  type KillKind,
} from '../testing/killable-server';
import { ACME_INPUT, startTestDevice } from '../testing/node-core';
import { revTrees, treeDifferences, type RevTrees } from '../testing/rev-trees';
import { poller } from '../testing/until';

/**
 * Deep mode (`npm run test:deep`): the sync server dies again and again in the middle of a
 * branch's push and of another device's first pull, and comes back on the same port and data.
 * Afterwards the device that pushed, the server and the device that pulled hold the same
 * documents with the same revision trees: nothing lost, nothing twice, no new conflicts.
 *
 * Each kill waits for a condition — something new has arrived since the server came back —
 * so every restart is proven to carry the sync further, and every kill lands mid-transfer.
 */
const KILLS = envInt('OUTPOST_DEEP_KILLS', 10);
// The engine moves 1,000 documents per batch (push) and per page (first copy); a kill follows
// each batch that lands, so there must be more batches than kills.
const ENTRIES = envInt('OUTPOST_DEEP_DOCS', (KILLS + 2) * 1000);
const WORK = { entries: ENTRIES, draftsEdited: 300, draftEdits: 2, draftsDiscarded: 100 };
const ADMIN = { username: 'admin', password: 'deep-kill-admin-pass' };
const BRANCH_DB = 'branch-nyc';
const REMOTE_BRANCH = 'acme-branch-nyc';

const until = poller({ timeoutMs: 120_000, everyMs: 20 });
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/**
 * Kills the server KILLS times while `arrived` keeps growing, each time as soon as something
 * new has arrived since it came back, and restarts it at once on the same port and data.
 * Returns what had arrived at each kill.
 */
async function killRepeatedly(
  server: KillableServer,
  arrived: () => Promise<number>,
  total: number,
  what: string,
): Promise<number[]> {
  const at: number[] = [];
  for (let k = 1; k <= KILLS; k++) {
    const before = await arrived();
    const now = await until(
      arrived,
      (n) => n > before,
      `${what}: progress before kill ${k} (had ${before})`,
    );
    if (now >= total)
      throw new Error(
        `${what} finished before kill ${k} of ${KILLS}: give it more documents (OUTPOST_DEEP_DOCS).`,
      );
    await server.kill();
    at.push(now);
    await server.restart();
  }
  return at;
}

const liveDocs = async (db: Db) => {
  const [all, design] = await Promise.all([
    db.allDocs({ limit: 0 }),
    db.allDocs({ startkey: '_design/', endkey: '_design/\uffff' }),
  ]);
  return all.total_rows - design.rows.length;
};

function expectSame(trees: [string, RevTrees][]): void {
  const [[firstName, first]] = trees as [[string, RevTrees]];
  for (const [name, t] of trees.slice(1)) {
    expect(treeDifferences(first, t, [firstName, name]), `${firstName} and ${name} differ`).toEqual(
      [],
    );
    expect(t.size).toBe(first.size);
  }
}

describe.each<KillKind>(['close', 'sigkill'])(
  `sync server taken down (%s) ${KILLS} times mid-push and ${KILLS} mid-pull`,
  (kind) => {
    it('ends with the same documents and revision trees on the pushing device, the server and the pulling device', async () => {
      const started = Date.now();
      const dir = mkdtempSync(join(tmpdir(), `outpost-deep-kill-${kind}-`));
      cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
      const server = await startKillableServer(kind, dir, ADMIN);
      cleanup.push(() => server.stop());
      await provision({ url: server.url, admin: ADMIN, org: 'acme', branches: ['NYC'] });
      await addUser({
        url: server.url,
        admin: ADMIN,
        name: 'alice',
        password: 'alice-pass-1',
        roles: ['admin', 'hq'],
        branches: ['NYC'],
      });
      await addUser({
        url: server.url,
        admin: ADMIN,
        name: 'bob',
        password: 'bob-pass-1',
        roles: ['clerk'],
        branches: ['NYC'],
      });
      const serverBranch = openRemoteDb(nodePouchEnv(), server.url, REMOTE_BRANCH, ADMIN);
      const serverMaster = openRemoteDb(nodePouchEnv(), server.url, 'acme-master', ADMIN);

      // Head office works offline on a branch's worth of entries, then connects: the push.
      const hq = await startTestDevice();
      cleanup.push(() => hq.close());
      await hq.call('setup.createCompany', ACME_INPUT);
      const hqBranch = hq.core.session()!.dbs.get(BRANCH_DB)!;
      await writeBranchWork(hqBranch, WORK);
      const pushTotal = await liveDocs(hqBranch);
      const pushStarted = Date.now();
      await hq.call('sync.connect', {
        serverUrl: server.url,
        username: 'alice',
        password: 'alice-pass-1',
      });
      const pushKills = await killRepeatedly(
        server,
        async () => (await serverBranch.info()).doc_count,
        pushTotal,
        'the push',
      );
      await until(
        async () => ({
          state: (await hq.call('sync.getStatus', undefined)).state,
          server: await liveDocs(serverBranch),
        }),
        (s) => s.state === 'up-to-date' && s.server === pushTotal,
        'the push to finish after the last restart',
        300_000,
      );
      const pushSeconds = Math.round((Date.now() - pushStarted) / 1000);

      // A clerk's new PC joins the branch: the first pull, with the server dying under it.
      const pullStarted = Date.now();
      const clerk = await startTestDevice();
      cleanup.push(() => clerk.close());
      await clerk.call('setup.joinCompany', {
        serverUrl: server.url,
        orgCode: 'acme',
        username: 'bob',
        password: 'bob-pass-1',
        branchCode: 'NYC',
        device: { letter: 'B', label: 'Counter' },
        userName: 'Bob',
      });
      const clerkBranch = clerk.core.session()!.dbs.get(BRANCH_DB)!;
      const pullKills = await killRepeatedly(
        server,
        async () => (await clerkBranch.info()).doc_count,
        pushTotal,
        'the pull',
      );
      await until(
        async () => ({
          state: (await clerk.call('sync.getStatus', undefined)).state,
          local: await liveDocs(clerkBranch),
        }),
        (s) => s.state === 'up-to-date' && s.local === pushTotal,
        'the pull to finish after the last restart',
        600_000,
      );
      const pullSeconds = Math.round((Date.now() - pullStarted) / 1000);
      // Both devices settle (the clerk registered its device in master meanwhile).
      await until(
        () => hq.call('sync.getStatus', undefined),
        (s) => s.state === 'up-to-date',
        'head office up to date',
      );
      expect(server.kills).toBe(2 * KILLS);

      const branches = await Promise.all([
        revTrees(hqBranch),
        revTrees(serverBranch),
        revTrees(clerkBranch),
      ]);
      expectSame([
        ['head office', branches[0]],
        ['server', branches[1]],
        ['clerk', branches[2]],
      ]);
      const masters = await until(
        () =>
          Promise.all([
            revTrees(hq.core.session()!.dbs.get('master')!),
            revTrees(serverMaster),
            revTrees(clerk.core.session()!.dbs.get('master')!),
          ]),
        ([a, s, c]) =>
          treeDifferences(a, s, ['a', 's']).length === 0 &&
          treeDifferences(s, c, ['s', 'c']).length === 0,
        'master databases to agree',
      );
      expectSame([
        ['head office master', masters[0]],
        ['server master', masters[1]],
        ['clerk master', masters[2]],
      ]);

      // Nothing lost, nothing twice, no conflicts: every document has exactly the one history it was written with.
      const trees = branches[1];
      const journal = [...trees].filter(([id]) => id.startsWith('journalEntry:'));
      expect(journal.length).toBe(ENTRIES + WORK.draftsEdited + WORK.draftsDiscarded);
      expect(journal.filter(([, leaves]) => leaves.length !== 1)).toEqual([]);
      const gens = (prefix: string) =>
        journal
          .filter(([id]) => id.startsWith(prefix))
          .map(([, [leaf]]) => leaf!.replace(/:.*/, ''));
      expect(gens(POSTED_PREFIX).every((g) => g === '1')).toBe(true);
      expect(gens(DRAFT_PREFIX).filter((g) => g === String(1 + WORK.draftEdits))).toHaveLength(
        WORK.draftsEdited,
      );
      expect(gens(DRAFT_PREFIX).filter((g) => g === 'deleted 2')).toHaveLength(
        WORK.draftsDiscarded,
      );
      expect(
        (await serverBranch.info()).doc_count - (await liveDocs(serverBranch)),
      ).toBeLessThanOrEqual(1); // the one design document

      console.log(
        `[deep ${kind}] ${server.kills} kills; push killed at server doc counts ${pushKills.join(', ')}; pull killed at clerk doc counts ${pullKills.join(', ')}; ` +
          `${trees.size} branch documents (${ENTRIES} posted, ${WORK.draftsEdited} drafts at generation ${1 + WORK.draftEdits}, ${WORK.draftsDiscarded} discarded) and ${masters[1].size} master documents identical on 3 replicas; push ${pushSeconds} s, pull ${pullSeconds} s, all ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }, 1_500_000);
  },
);
