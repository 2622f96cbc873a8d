import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { accountsModule } from '../../modules/accounts';
import { ACME_INPUT, startTestDevice, type TestDevice } from './node-core';
import { poller } from './until';

/**
 * Three replicas make random offline edits, creations and postings, then come back online in
 * a random order: they must end with the same documents (same winning revisions) and the same
 * trial balance. Only drafts and master data are edited, as in the app; posted facts are only
 * ever created.
 *
 * Shared by the default run (a few cases, convergence.integration.test.ts) and the deep run
 * (hundreds of cases, convergence.deep.test.ts): the same property at two depths.
 */
const USERS = ['ann', 'ben', 'cat'].map((name) => ({
  name,
  password: `${name}-pass-1`,
  roles: ['admin', 'hq'],
  branches: ['NYC'],
}));

type Op =
  | { kind: 'renameParty'; name: string }
  | { kind: 'newParty'; code: number }
  | { kind: 'draft'; amount: number }
  | { kind: 'post'; amount: number; day: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('renameParty' as const),
    name: fc.constantFrom('Bayside Cafe', 'Bayside Café Ltd', 'Bayside Coffee', 'Bay Cafe'),
  }),
  fc.record({ kind: fc.constant('newParty' as const), code: fc.integer({ min: 100, max: 999 }) }),
  fc.record({
    kind: fc.constant('draft' as const),
    amount: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({
    kind: fc.constant('post' as const),
    amount: fc.integer({ min: 1, max: 1_000_000 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
);

async function apply(d: TestDevice, op: Op): Promise<void> {
  const parties = await d.call('accounts.listParties', undefined);
  switch (op.kind) {
    case 'renameParty': {
      const p = parties.find((x) => x.code === 'C-1')!;
      await d.call('accounts.saveParty', { id: p._id, fields: { ...p, name: op.name } });
      return;
    }
    case 'newParty': {
      const code = `C-${op.code}`;
      // Party codes are unique per device; two offline devices may still both create one (a
      // business duplicate, not a replication problem) — creation only is fine here.
      if (parties.some((x) => x.code === code)) return;
      await d.call('accounts.saveParty', {
        fields: { kind: 'customer', code, name: `Customer ${op.code}`, currency: 'USD' },
      });
      return;
    }
    case 'draft':
      await d.call('accounts.saveJournalDraft', {
        date: '2026-03-01',
        currency: 'USD',
        lines: [
          { account: '6400', debit: op.amount, credit: 0 },
          { account: '1200', debit: 0, credit: 0 },
        ],
      });
      return;
    case 'post':
      await d.call('accounts.postJournal', {
        date: `2026-03-${String(op.day).padStart(2, '0')}`,
        currency: 'USD',
        lines: [
          { account: '6100', debit: op.amount, credit: 0 },
          { account: '1200', debit: 0, credit: op.amount },
        ],
      });
      return;
  }
}

/** Every document of every database with its winning revision: what "the same documents" means. */
async function snapshot(d: TestDevice): Promise<Record<string, string>> {
  const s = d.core.session()!;
  const out: Record<string, string> = {};
  for (const [name, db] of s.dbs) {
    const all = await db.allDocs();
    for (const r of all.rows)
      if (!r.id.startsWith('_design/')) out[`${name}/${r.id}`] = r.value.rev;
  }
  return out;
}

export interface ConvergenceDepth {
  numRuns: number;
  /** Reproduces a failing deep run (fast-check prints the seed and path). */
  seed?: number;
  path?: string;
  timeoutMs: number;
}

/** Registers the three-replica suite (setup, property, teardown) at the given depth. */
export function describeConvergence(depth: ConvergenceDepth): void {
  let server: TestServer;
  const replicas: TestDevice[] = [];
  const until = poller({ timeoutMs: 60_000, everyMs: 100 });

  beforeAll(async () => {
    server = await startTestServer({ org: 'acme', branches: ['NYC'], users: USERS });
    for (let i = 0; i < 3; i++) replicas.push(await startTestDevice(undefined, [accountsModule]));
    const [a, b, c] = replicas as [TestDevice, TestDevice, TestDevice];
    // On an external CouchDB (OUTPOST_TEST_COUCH_URL) the org code and user names carry a run suffix.
    await a.call('setup.createCompany', {
      ...ACME_INPUT,
      company: { ...ACME_INPUT.company, orgCode: server.org },
    });
    await a.call('accounts.setupStarterChart', undefined);
    await a.call('accounts.saveParty', {
      fields: { kind: 'customer', code: 'C-1', name: 'Bayside Cafe', currency: 'USD' },
    });
    await a.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('ann'),
      password: 'ann-pass-1',
    });
    await until(
      () => a.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'A synced',
    );
    for (const [d, u, letter] of [
      [b, USERS[1]!, 'B'],
      [c, USERS[2]!, 'C'],
    ] as const) {
      await d.call('setup.joinCompany', {
        serverUrl: server.url,
        orgCode: server.org,
        username: server.user(u.name),
        password: u.password,
        branchCode: 'NYC',
        device: { letter, label: `PC ${letter}` },
        userName: u.name,
      });
      await until(
        () => d.call('sync.getStatus', undefined),
        (s) => s.state === 'up-to-date',
        `${letter} synced`,
      );
    }
  }, 120_000);

  afterAll(async () => {
    for (const r of replicas) await r.close();
    await server?.close();
  });

  describe('three replicas, random offline work, synced in random order', () => {
    it(
      `converge to the same documents and the same trial balance (property, ${depth.numRuns} cases)`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.array(opArb, { maxLength: 4 }), { minLength: 3, maxLength: 3 }),
            fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
            async (work, order) => {
              for (const r of replicas) r.core.setOnline(false);
              for (let i = 0; i < 3; i++) for (const op of work[i]!) await apply(replicas[i]!, op);
              for (const i of order) {
                replicas[i]!.core.setOnline(true);
                await until(
                  () => replicas[i]!.call('sync.getStatus', undefined),
                  (s) => s.state === 'up-to-date' && s.pending === 0,
                  `replica ${i} pushed`,
                );
              }
              // Let every replica pull what the later ones pushed.
              const snaps = await until(
                async () => Promise.all(replicas.map(snapshot)),
                (all) => all.every((x) => JSON.stringify(x) === JSON.stringify(all[0])),
                'replicas to converge',
              );
              expect(Object.keys(snaps[0]!).length).toBeGreaterThan(0);
              const tbs = await Promise.all(
                replicas.map((r) => r.call('accounts.trialBalance', { asOf: '2026-12-31' })),
              );
              expect(tbs[1]).toEqual(tbs[0]);
              expect(tbs[2]).toEqual(tbs[0]);
              expect(tbs[0]!.totalDebit).toBe(tbs[0]!.totalCredit);
            },
          ),
          { numRuns: depth.numRuns, seed: depth.seed, path: depth.path },
        );
      },
      depth.timeoutMs,
    );
  });
}
