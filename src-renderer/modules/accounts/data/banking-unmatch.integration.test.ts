import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/test-server';
import type { WriteEvent } from '../../../core/db/local-writes';
import { openRemoteDb, type Db } from '../../../core/db/pouch';
import { nodePouchEnv } from '../../../core/db/pouch-node';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { accountsModule } from '../index';

/**
 * Unmatching a bank line deletes the match document. It goes through the local write path like
 * every write, so the sync engine counts the deletion pending and sends it: another office
 * must not go on seeing the bank line as matched.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const OFX = readFileSync(join(__dirname, '../domain/io/fixtures/ofx1-checking.ofx'), 'utf8');
const until = poller({ timeoutMs: 20_000, everyMs: 100 });

let server: TestServer;
let d: TestDevice;
let remote: Db;

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE] });
  d = await startTestDevice(undefined, [accountsModule]);
  remote = openRemoteDb(
    nodePouchEnv('unmatch-'),
    server.url,
    `${server.org}-branch-nyc`,
    server.admin,
  );
});
afterAll(async () => {
  await d?.close();
  await remote?.close();
  await server?.close();
});

const synced = () =>
  until(
    () => d.call('sync.getStatus', undefined),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    'synced',
  );

describe('unmatching a bank line', () => {
  it('is written on the local write path, counted pending and sent to the server', async () => {
    await d.call('setup.createCompany', {
      ...ACME_INPUT,
      company: { ...ACME_INPUT.company, orgCode: server.org },
    });
    await d.call('accounts.setupStarterChart', undefined);
    const receipt = await d.call('accounts.postJournal', {
      date: '2026-03-02',
      memo: 'Acme Trading LLC, invoices 1043 and 1044',
      currency: 'USD',
      lines: [
        { account: '1200', debit: 1_250_000, credit: 0 },
        { account: '4100', debit: 0, credit: 1_250_000 },
      ],
    });
    await d.call('banking.importStatement', { account: '1200', fileName: 'march.ofx', text: OFX });
    const view = await d.call('banking.reconciliation', { account: '1200' });
    const line = view.statementLines.find((l) => l.amount === 1_250_000)!;
    const { matchId } = await d.call('banking.match', {
      account: '1200',
      statementLines: [line.id],
      ledgerLines: [`${receipt._id}#0`],
    });
    await d.call('sync.connect', {
      serverUrl: server.url,
      username: server.user(ALICE.name),
      password: ALICE.password,
    });
    await synced();
    expect((await remote.get(matchId))._id).toBe(matchId);

    // Paused, so the pending count is seen before the push empties it.
    await d.call('sync.pause', undefined);
    const heard: WriteEvent[] = [];
    d.core.session()!.writes.subscribe((e) => heard.push(e));
    await d.call('banking.unmatch', { matchId });
    const tombstone = heard.find((e) => e.phase === 'after');
    expect(heard[0]).toEqual({ phase: 'before', db: 'branch-nyc' });
    expect(tombstone).toMatchObject({
      db: 'branch-nyc',
      docs: [{ id: matchId, type: 'bankMatch' }],
    });
    const paused = await until(
      () => d.call('sync.getStatus', undefined),
      (s) => s.pending === 1,
      'the unmatch counted pending',
    );
    expect(paused.databases.find((db) => db.db === 'branch-nyc')?.pending).toBe(1);

    await d.call('sync.resume', undefined);
    await synced();
    await expect(remote.get(matchId)).rejects.toMatchObject({ status: 404 });
  });
});
