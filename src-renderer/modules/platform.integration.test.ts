import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'dexie';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../server/test-server';
import type { DatabaseKind } from '../core/db/kinds';
import type { CoreModule, ModuleWorker } from '../core/module';
import { mutation, query, type HandlersOf } from '../core/rpc/define';
import { docBaseSchema } from '../core/org/schemas';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../core/testing/node-core';
import { poller } from '../core/testing/until';
import { accountsModule } from './accounts';

/**
 * The module platform's promise (issue 10): a module registered only here — one database
 * kind, one document type with postings, one projection, two RPC methods — runs end to end in
 * the Node core and against the real sync server, with no edit to core/ or server/. Its
 * database is provisioned and secured from its declaration, the server validates and refuses
 * its type, its unbalanced postings are refused before anything is written, its projection is
 * fed, and its postings reach Accounts' ledger.
 */

const TALLY_KIND: DatabaseKind = {
  kind: 'tally',
  scope: 'company',
  readers: ['bookkeeper'],
  writers: ['bookkeeper'],
  docBranch: 'any',
  whoMayWrite: 'Only bookkeepers or an administrator may change tallies',
};

const tallySchema = docBaseSchema.extend({
  status: z.enum(['draft', 'posted']),
  number: z.string(),
  date: z.iso.date(),
  memo: z.string(),
  amount: z.number().int().positive(),
  debitAccount: z.string(),
  creditAccount: z.string(),
  /** Test-only: base amount of the debit off by this many minor units (an unbalanced posting). */
  skew: z.number().int().default(0),
});
type Tally = z.infer<typeof tallySchema>;
type TallyFields = Omit<Tally, keyof z.infer<typeof docBaseSchema>>;

interface TallyRow {
  id: string;
  db: string;
  date: string;
  amount: number;
}

const tallyContract = {
  'tallies.record': mutation<Omit<TallyFields, 'status'>, Tally>()({ writes: ['tallySheet'] }),
  'tallies.list': query<void, TallyRow[]>()({ reads: ['tallySheet'] }),
} as const;

const tallyWorker: ModuleWorker = {
  projections: [
    {
      stores: { tallies: 'id, date' },
      async apply(index, db, changes) {
        const table = index.table('tallies') as Table<TallyRow, string>;
        for (const c of changes) {
          if (c.type !== 'tallySheet') continue;
          if (!c.doc) await table.delete(c.id);
          else
            await table.put({
              id: c.id,
              db,
              date: String(c.doc.date),
              amount: Number(c.doc.amount),
            });
        }
      },
    },
  ],
  handlers(ctx): HandlersOf<typeof tallyContract> {
    return {
      'tallies.record': (input) => {
        const c = ctx();
        return c
          .repository<Tally>(c.homeDb('tally'), 'tallySheet')
          .create({ ...input, status: 'posted' }, c.config.branchCode);
      },
      'tallies.list': async () => {
        const c = ctx();
        await c.settle();
        return (c.index.table('tallies') as Table<TallyRow, string>).toArray();
      },
    };
  },
};

const tallyModule: CoreModule = {
  name: 'tallies',
  databases: [TALLY_KIND],
  contract: tallyContract,
  registerTypes(registry) {
    registry.register<Tally>({
      type: 'tallySheet',
      version: 1,
      schema: tallySchema,
      home: 'tally',
      title: (t) => `${t.number} ${t.memo}`,
      postings: (t) =>
        t.status !== 'posted'
          ? []
          : [
              {
                account: t.debitAccount,
                debit: t.amount,
                credit: 0,
                baseDebit: t.amount + t.skew,
                baseCredit: 0,
              },
              {
                account: t.creditAccount,
                debit: 0,
                credit: t.amount,
                baseDebit: 0,
                baseCredit: t.amount,
              },
            ],
    });
  },
  worker: async () => tallyWorker,
};

const MODULES = [accountsModule, tallyModule];
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const BEN = { name: 'ben', password: 'ben-pass-1', roles: ['bookkeeper'], branches: ['NYC'] };
const CAROL = { name: 'carol', password: 'carol-pass-1', roles: ['clerk'], branches: ['NYC'] };

let server: TestServer;
let hq: TestDevice;
const until = poller({ timeoutMs: 25_000, everyMs: 150 });
const call = (device: TestDevice, method: string, params: unknown) =>
  (device.core.handlers[method] as (p: unknown) => Promise<unknown>)(params);

async function http(
  user: { name: string; password: string } | 'admin',
  method: string,
  path: string,
  body?: unknown,
) {
  const auth =
    user === 'admin'
      ? `${server.admin.username}:${server.admin.password}`
      : `${server.user(user.name)}:${user.password}`;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const tallyDoc = (id: string, extra: Record<string, unknown> = {}) => ({
  _id: `tallySheet:${id}`,
  type: 'tallySheet',
  v: 1,
  branch: 'NYC',
  createdAt: '2026-06-01T09:00:00.000Z',
  createdBy: 'Ben Bookkeeper',
  device: 'device:01JTESTDEVICE0000000000000',
  status: 'posted',
  number: 'T-1',
  date: '2026-06-01',
  memo: 'Stock count',
  amount: 12_345,
  debitAccount: '1300',
  creditAccount: '4000',
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC'],
    users: [ALICE, BEN, CAROL],
    modules: MODULES,
  });
  hq = await startTestDevice(undefined, MODULES);
  await hq.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
  await hq.call('accounts.setupStarterChart', undefined);
});
afterAll(async () => {
  await hq?.close();
  await server?.close();
});

describe('a module registered only in a test', () => {
  it('has its database provisioned and secured from its declaration', async () => {
    const security = await http('admin', 'GET', `/${server.org}-tally/_security`);
    expect(security.status).toBe(200);
    expect(security.body).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['bookkeeper', 'admin'] },
    });
    // A clerk is not a member: CouchDB's own refusal, before any validation.
    expect((await http(CAROL, 'GET', `/${server.org}-tally/_all_docs`)).status).toBe(403);
  });

  it('has its type validated by the server: a writer is refused a document missing a field, and the type outside its kind', async () => {
    const missing = await http(
      BEN,
      'PUT',
      `/${server.org}-tally/tallySheet:01JTALLYMISSING00000000000`,
      tallyDoc('01JTALLYMISSING00000000000', { amount: undefined }),
    );
    expect(missing.status).toBe(403);
    expect(missing.body.reason).toMatch(/missing "amount"/);
    const misplaced = await http(
      ALICE,
      'PUT',
      `/${server.org}-branch-nyc/tallySheet:01JTALLYMISPLACED000000000`,
      tallyDoc('01JTALLYMISPLACED000000000'),
    );
    expect(misplaced.status).toBe(403);
    expect(misplaced.body.reason).toBe('A tallySheet belongs in a tally database.');
    const good = await http(
      BEN,
      'PUT',
      `/${server.org}-tally/tallySheet:01JTALLYGOOD00000000000000`,
      tallyDoc('01JTALLYGOOD00000000000000'),
    );
    expect(good.status).toBe(201);
  });

  it('refuses unbalanced postings before anything is written, naming the difference', async () => {
    const before = await hq.core.session()!.pouch('tally').info();
    await expect(
      call(hq, 'tallies.record', {
        number: 'T-2',
        date: '2026-06-02',
        memo: 'Off by a cent',
        amount: 5_000,
        debitAccount: '1300',
        creditAccount: '4000',
        skew: 1,
      }),
    ).rejects.toThrow(
      'This tally sheet does not balance: debits exceed credits by $0.01. Nothing was saved.',
    );
    expect((await hq.core.session()!.pouch('tally').info()).doc_count).toBe(before.doc_count);
  });

  it('feeds its projection and Accounts’ ledger, and syncs its database for a user who may read it', async () => {
    await call(hq, 'tallies.record', {
      number: 'T-3',
      date: '2026-06-03',
      memo: 'Count gain',
      amount: 7_500,
      debitAccount: '1300',
      creditAccount: '4000',
      skew: 0,
    });
    const rows = (await call(hq, 'tallies.list', undefined)) as TallyRow[];
    expect(rows).toEqual([
      expect.objectContaining({ db: 'tally', date: '2026-06-03', amount: 7_500 }),
    ]);
    const tb = await hq.call('accounts.trialBalance', { asOf: '2026-06-30' });
    expect(tb.rows.find((r) => r.code === '1300')).toEqual(
      expect.objectContaining({ debit: 7_500 }),
    );

    await hq.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('alice'),
      password: ALICE.password,
    });
    const status = await until(
      () => hq.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'synced',
    );
    expect(status.databases.map((d) => d.db).sort()).toEqual(['branch-nyc', 'master', 'tally']);
    const onServer = await http('admin', 'GET', `/${server.org}-tally/_all_docs`);
    expect(
      (onServer.body.rows as { id: string }[])
        .map((r) => r.id)
        .filter((id) => id.startsWith('tallySheet:')),
    ).toHaveLength(2);
    // The bookkeeper's document written straight to the server arrives here and is projected too.
    await until(
      () => call(hq, 'tallies.list', undefined) as Promise<TallyRow[]>,
      (r) => r.length === 2,
      'server tally projected',
    );
  });
});
