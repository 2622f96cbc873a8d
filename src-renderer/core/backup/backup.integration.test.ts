import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { accountsModule } from '../../modules/accounts';
import type { Core } from '../create-core';
import { nodePouchEnv } from '../db/pouch-node';
import { openRemoteDb } from '../db/pouch';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { revTrees, type RevTrees } from '../testing/rev-trees';
import { poller } from '../testing/until';
import { checkBackup } from './restore';
import type { BackupFile } from './backup-contract';

/**
 * A head-office device with posted entries, a conflicted draft and changes it has not sent is
 * backed up, restored into a fresh device, and the restored device carries on: same revision
 * trees, the conflict still listed, the next number of its series not reused, and the unsent
 * changes reach the server once it connects.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const until = poller({ timeoutMs: 20_000, everyMs: 100 });

let server: TestServer;
let a: TestDevice | null = null;
let restored: Core | null = null;
let backup: BackupFile;
const before = new Map<string, RevTrees>();
const usd = (lines: [string, number, number][]) =>
  lines.map(([account, debit, credit]) => ({ account, debit, credit }));

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE] });
  const dev = await startTestDevice(undefined, [accountsModule]);
  a = dev;
  await dev.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
  await a.call('accounts.setupStarterChart', undefined);
  await a.call('sync.connect', {
    serverUrl: server.url,
    username: server.user('alice'),
    password: ALICE.password,
  });
  await a.call('accounts.postJournal', {
    date: '2026-04-02',
    memo: 'Owner invests capital',
    currency: 'USD',
    lines: usd([
      ['1200', 5_000_000, 0],
      ['3100', 0, 5_000_000],
    ]),
  });
  await until(
    () => dev.call('sync.getStatus', undefined),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    'A up to date',
  );
});

afterAll(async () => {
  await a?.close();
  await restored?.close();
  await server?.close();
});

describe('backup and restore', () => {
  it('backs up posted entries, a conflicted draft and unsent changes with their revision trees', async () => {
    const dev = a!;
    dev.core.setOnline(false);
    await dev.call('accounts.postJournal', {
      date: '2026-04-03',
      memo: 'March rent (not sent yet)',
      currency: 'USD',
      lines: usd([
        ['6100', 120_000, 0],
        ['1200', 0, 120_000],
      ]),
    });
    const input = {
      date: '2026-04-04',
      memo: 'Stationery',
      currency: 'USD',
      lines: usd([
        ['6100', 4_500, 0],
        ['1200', 0, 4_500],
      ]),
    };
    const first = await dev.call('accounts.saveJournalDraft', input);
    const root = first._rev!.split('-')[1]!;
    await dev.call('accounts.saveJournalDraft', {
      ...input,
      id: first._id,
      memo: 'Stationery for March',
    });
    // Another device's edit of the same first version, as replication would bring it: a sibling.
    const s = dev.core.session()!;
    const sibling = {
      ...first,
      memo: 'Stationery and toner',
      _rev: '2-b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0',
      _revisions: { start: 2, ids: ['b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0', root] },
    };
    await s.homeBranchDb.bulkDocs([sibling], { new_edits: false });
    await until(
      () => dev.call('conflicts.count', undefined),
      (n) => n === 1,
      'conflict counted at A',
    );
    const pending = await until(
      () => dev.call('sync.getStatus', undefined),
      (st) => st.pending === 2,
      'two changes waiting at A',
    );
    expect(pending.state).toBe('offline');

    backup = await dev.call('backup.create', undefined);
    for (const [name, db] of s.dbs) before.set(name, await revTrees(db));
    expect(backup.name).toMatch(
      new RegExp(`^outpost-${server.org}-NYC-A-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.outpost-backup$`),
    );
    expect(backup.summary.databases.map((d) => d.name)).toEqual(['master', 'branch-nyc']);
    const branchCounts = backup.summary.databases.find((d) => d.name === 'branch-nyc')!;
    // Two posted entries, the draft with its two versions, and the server's design document.
    expect(branchCounts).toMatchObject({ docs: 4, revisions: 5 });
    // The device's own pending list and number series travel with it.
    expect(branchCounts.locals).toBeGreaterThanOrEqual(3);
    expect((await checkBackup(backup.file)).summary.databases).toEqual(backup.summary.databases);
  });

  it('restores into a fresh device: same revision trees, the conflict still there, numbers carry on', async () => {
    // The old device is gone (its disk failed): only the backup is left.
    await a!.close();
    a = null;
    const fresh = await startTestDevice(undefined, [accountsModule]);
    restored = fresh.core;
    expect(await fresh.call('app.getState', undefined)).toEqual({ phase: 'setup' });
    const state = await fresh.call('backup.restore', { file: backup.file });
    expect(state).toMatchObject({
      phase: 'ready',
      branch: { code: 'NYC' },
      device: { letter: 'A' },
      userName: 'Alice Admin',
    });
    expect(
      fresh.events.some((e) => e.kind === 'progress' && e.task === 'restore' && e.finished),
    ).toBe(true);
    const call = <T>(m: string, p: unknown) =>
      (restored!.handlers as unknown as Record<string, (x: unknown) => Promise<T>>)[m]!(p);
    restored.setOnline(false);
    for (const [name, db] of restored.session()!.dbs)
      expect(await revTrees(db)).toEqual(before.get(name));
    await until(
      () => call<number>('conflicts.count', undefined),
      (n) => n === 1,
      'conflict listed after the restore',
    );
    const status = await until(
      () => call<{ pending: number }>('sync.getStatus', undefined),
      (st) => st.pending === 2,
      'pending list restored',
    );
    expect(status.pending).toBe(2);
    const third = await call<{ number: string }>('accounts.postJournal', {
      date: '2026-04-05',
      memo: 'Courier',
      currency: 'USD',
      lines: usd([
        ['6100', 2_000, 0],
        ['1200', 0, 2_000],
      ]),
    });
    expect(third.number).toBe('NYC-A-JE-000003');
  });

  it('connects and sends the changes that were never sent before the backup', async () => {
    const call = <T>(m: string, p: unknown) =>
      (restored!.handlers as unknown as Record<string, (x: unknown) => Promise<T>>)[m]!(p);
    restored!.setOnline(true);
    await call('sync.connect', {
      serverUrl: server.url,
      username: server.user('alice'),
      password: ALICE.password,
    });
    await until(
      () => call<{ state: string; pending: number }>('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'restored device up to date',
    );
    const remote = openRemoteDb(
      nodePouchEnv(),
      server.url,
      `${server.org}-branch-nyc`,
      server.admin,
    );
    const memos = (await remote.allDocs({ include_docs: true })).rows.map(
      (r) => (r.doc as { memo?: string }).memo,
    );
    expect(memos).toEqual(expect.arrayContaining(['March rent (not sent yet)', 'Courier']));
    const trees = await revTrees(remote);
    const local = await revTrees(restored!.session()!.homeBranchDb);
    expect(trees).toEqual(local);
    await remote.close();
  });
});
