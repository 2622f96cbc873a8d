import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { accountsModule } from '../../modules/accounts';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * Head office and a branch: the head-office user's roles make the device hold every branch's
 * database, so its reports can be consolidated; a branch clerk's device holds only its own.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const CAROL = { name: 'carol', password: 'carol-pass-1', roles: ['clerk'], branches: ['BOS'] };

let server: TestServer;
let hq: TestDevice;
let bos: TestDevice;

const until = poller({ timeoutMs: 25_000, everyMs: 150 });

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC', 'BOS'], users: [ALICE, CAROL] });
  hq = await startTestDevice(undefined, [accountsModule]);
  bos = await startTestDevice(undefined, [accountsModule]);
});
afterAll(async () => {
  await hq?.close();
  await bos?.close();
  await server?.close();
});

describe('head office', () => {
  it('signs in as head office and holds every branch database; the user and roles are known', async () => {
    await hq.call('setup.createCompany', {
      ...ACME_INPUT,
      company: { ...ACME_INPUT.company, orgCode: server.org },
    });
    await hq.call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' });
    await hq.call('accounts.setupStarterChart', undefined);
    await hq.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('alice'),
      password: ALICE.password,
    });
    const state = await hq.call('app.getState', undefined);
    expect(state.phase === 'ready' && state.user).toEqual({
      name: server.user('alice'),
      roles: expect.arrayContaining(['admin', 'hq', 'branch:NYC']),
    });
    const status = await until(
      () => hq.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'HQ synced',
    );
    expect(status.databases.map((d) => d.db).sort()).toEqual([
      'branch-bos',
      'branch-nyc',
      'master',
    ]);
  });

  it('a branch clerk holds only master and their branch', async () => {
    await bos.call('setup.joinCompany', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user('carol'),
      password: CAROL.password,
      branchCode: 'BOS',
      device: { letter: 'A', label: 'Boston counter' },
      userName: 'Carol Clerk',
    });
    const status = await until(
      () => bos.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date',
      'BOS synced',
    );
    expect(status.databases.map((d) => d.db).sort()).toEqual(['branch-bos', 'master']);
  });

  it('consolidates the branches in head office reports, and filters by branch', async () => {
    await hq.call('accounts.postJournal', {
      date: '2026-05-01',
      memo: 'NYC rent',
      currency: 'USD',
      lines: [
        { account: '6100', debit: 100_000, credit: 0 },
        { account: '1200', debit: 0, credit: 100_000 },
      ],
    });
    await bos.call('accounts.postJournal', {
      date: '2026-05-02',
      memo: 'BOS rent',
      currency: 'USD',
      lines: [
        { account: '6100', debit: 40_000, credit: 0 },
        { account: '1200', debit: 0, credit: 40_000 },
      ],
    });
    await until(
      () => bos.call('sync.getStatus', undefined),
      (s) => s.pending === 0 && s.state === 'up-to-date',
      'BOS pushed',
    ).catch(async (e) => {
      throw new Error(
        `${String(e)} ${JSON.stringify(await bos.call('sync.getStatus', undefined))}`,
      );
    });
    await until(
      () => hq.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date',
      'HQ idle',
    ).catch(async (e) => {
      throw new Error(`${String(e)} ${JSON.stringify(await hq.call('sync.getStatus', undefined))}`);
    });
    const consolidated = await until(
      () => hq.call('accounts.trialBalance', { asOf: '2026-05-31' }),
      (tb) => tb.rows.find((r) => r.code === '6100')?.debit === 140_000,
      'BOS entry at head office',
    );
    expect(consolidated.totalDebit).toBe(consolidated.totalCredit);
    expect(
      (await hq.call('accounts.trialBalance', { asOf: '2026-05-31', branch: 'NYC' })).rows.find(
        (r) => r.code === '6100',
      )?.debit,
    ).toBe(100_000);
    expect(
      (await hq.call('accounts.trialBalance', { asOf: '2026-05-31', branch: 'BOS' })).rows.find(
        (r) => r.code === '6100',
      )?.debit,
    ).toBe(40_000);
    // "Last heard from": head office sees Boston's latest record; Boston does not hold New York.
    const heard = await hq.call('org.branchActivity', undefined);
    expect(heard.find((b) => b.code === 'BOS')).toMatchObject({
      held: true,
      records: expect.any(Number),
    });
    expect(heard.find((b) => b.code === 'BOS')!.lastHeardFrom).not.toBeNull();
    expect(
      (await bos.call('org.branchActivity', undefined)).find((b) => b.code === 'NYC'),
    ).toMatchObject({ held: false, lastHeardFrom: null });
    // The branch never receives head office's branch: its books show only its own.
    expect(
      (await bos.call('accounts.trialBalance', { asOf: '2026-05-31' })).rows.find(
        (r) => r.code === '6100',
      )?.debit,
    ).toBe(40_000);
  });

  it("counts each branch's conflicts for head office", async () => {
    // A Boston draft edited in two places while apart reaches head office as one record with two versions.
    const draft = await bos.call('accounts.saveJournalDraft', {
      date: '2026-05-03',
      memo: 'BOS draft',
      currency: 'USD',
      lines: [
        { account: '6100', debit: 1_000, credit: 0 },
        { account: '1200', debit: 0, credit: 1_000 },
      ],
    });
    await until(
      () => hq.call('index.search', { text: 'bos draft' }),
      (h) => h.length === 1,
      'BOS draft at head office',
    );
    const local = hq.core.session()!.dbs.get('branch-bos')!;
    const doc = await local.get(draft._id);
    const [gen, hash] = doc._rev.split('-') as [string, string];
    const next = Number(gen) + 1;
    const version = (memo: string, h: string) => ({
      ...doc,
      memo,
      _rev: `${next}-${h}`,
      _revisions: { start: next, ids: [h, hash] },
    });
    // How replication delivers two edits of one revision: both kept, one shown.
    await local.bulkDocs(
      [version('Edited at BOS', 'a'.repeat(32)), version('Edited at HQ', 'b'.repeat(32))],
      { new_edits: false },
    );

    const heard = await until(
      () => hq.call('org.branchActivity', undefined),
      (l) => l.find((b) => b.code === 'BOS')?.conflicts === 1,
      'BOS conflict counted',
    );
    expect(heard.find((b) => b.code === 'NYC')?.conflicts).toBe(0);
    expect((await hq.call('conflicts.list', undefined)).map((c) => [c.db, c.id])).toEqual([
      ['branch-bos', draft._id],
    ]);
    // Boston does not hold New York: nothing to count there.
    expect(
      (await bos.call('org.branchActivity', undefined)).find((b) => b.code === 'NYC'),
    ).toMatchObject({ held: false, conflicts: 0 });
  });

  it('a branch added later is picked up by the head-office device', async () => {
    await hq.call('org.addBranch', { code: 'CHI', name: 'Chicago', currency: 'USD' });
    const status = await until(
      () => hq.call('sync.getStatus', undefined),
      (s) => s.databases.some((d) => d.db === 'branch-chi'),
      'branch-chi on the head-office device',
    );
    // The server has no database for CHI until it is provisioned: said in words, not hidden.
    const chi = await until(
      () => hq.call('sync.getStatus', undefined),
      (s) => s.databases.find((d) => d.db === 'branch-chi')?.error != null,
      'CHI not provisioned',
    );
    expect(chi.databases.find((d) => d.db === 'branch-chi')?.error?.message).toMatch(
      /provision|no database|not allowed/,
    );
    expect(status.databases.length).toBe(4);
  });
});
