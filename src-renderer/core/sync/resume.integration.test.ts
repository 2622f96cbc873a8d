import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser, provision } from '../../../server/provision';
import { startSyncServer } from '../../../server/sync-server';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * The server is stopped in the middle of a branch's initial sync and started again on the same
 * data: the device resumes from its checkpoint and ends with every document exactly once.
 *
 * Always on a bundled server of its own, also when OUTPOST_TEST_COUCH_URL names an external
 * CouchDB: the test stops and restarts the server itself, on the same data folder and port.
 */
const ADMIN = { username: 'admin', password: 'resume-admin-pass' };
const DOCS = 4_000;
const dir = mkdtempSync(join(tmpdir(), 'outpost-resume-'));
const devices: TestDevice[] = [];
let stop: (() => Promise<void>) | null = null;

afterAll(async () => {
  for (const d of devices) await d.close();
  await stop?.();
  rmSync(dir, { recursive: true, force: true });
});

const until = poller({ timeoutMs: 60_000, everyMs: 50 });

function entry(i: number) {
  const id = `journalEntry:01RESUME${String(i).padStart(18, '0')}`;
  return {
    _id: id,
    type: 'journalEntry',
    v: 1,
    branch: 'NYC',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'Seed',
    device: 'device:SEED',
    number: `NYC-Z-JE-${String(i).padStart(6, '0')}`,
    date: '2026-01-02',
    memo: `Seeded ${i}`,
    reference: '',
    status: 'posted',
    kind: 'manual',
    currency: 'USD',
    rate: '1',
    reverses: null,
    postedAt: '2026-01-01T00:00:00.000Z',
    postedBy: 'Seed',
    lines: [
      {
        account: '6100',
        debit: 100,
        credit: 0,
        baseDebit: 100,
        baseCredit: 0,
        party: null,
        memo: '',
        branch: null,
      },
      {
        account: '1200',
        debit: 0,
        credit: 100,
        baseDebit: 0,
        baseCredit: 100,
        party: null,
        memo: '',
        branch: null,
      },
    ],
  };
}

describe('initial sync interrupted by the server going down', () => {
  it('resumes from its checkpoint: nothing missing, nothing twice', async () => {
    let server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: dir, admin: ADMIN });
    const port = Number(new URL(server.url).port);
    stop = () => server.close();
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

    // Head office sets up the company; the branch already holds thousands of entries.
    const hq = await startTestDevice();
    devices.push(hq);
    await hq.call('setup.createCompany', ACME_INPUT);
    await hq.call('sync.connect', {
      serverUrl: server.url,
      username: 'alice',
      password: 'alice-pass-1',
    });
    await until(
      () => hq.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'head office synced',
    );
    await hq.call('sync.disconnect', undefined);
    const auth = 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
    for (let i = 0; i < DOCS; i += 1000) {
      const docs = Array.from({ length: 1000 }, (_, k) => entry(i + k));
      const res = await fetch(`${server.url}/acme-branch-nyc/_bulk_docs`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ docs }),
      });
      expect(res.status).toBe(201);
    }

    // A clerk joins; the branch arrives through the live sync, with progress.
    const clerk = await startTestDevice();
    devices.push(clerk);
    await clerk.call('setup.joinCompany', {
      serverUrl: server.url,
      orgCode: 'acme',
      username: 'bob',
      password: 'bob-pass-1',
      branchCode: 'NYC',
      device: { letter: 'B', label: 'Counter' },
      userName: 'Bob',
    });
    const branch = () => clerk.core.session()!.dbs.get('branch-nyc')!;
    await until(
      () => branch().info(),
      (i) => i.doc_count > 300,
      'part of the branch copied',
      60_000,
    );
    const midway = (await branch().info()).doc_count;
    expect(midway).toBeLessThan(DOCS);
    const status = await clerk.call('sync.getStatus', undefined);
    expect(status.databases.find((d) => d.db === 'branch-nyc')?.progress).toMatchObject({
      total: DOCS + 1,
    });

    // The server goes down mid-copy, then comes back on the same data and port.
    await server.close();
    await until(
      () => clerk.call('sync.getStatus', undefined),
      (s) => s.state === 'offline' || s.state === 'error',
      'the clerk sees the server gone',
    );
    server = await startSyncServer({ port, host: '127.0.0.1', dataDir: dir, admin: ADMIN });
    stop = () => server.close();

    await until(
      () => clerk.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date',
      'sync resumed and finished',
      90_000,
    );
    const all = await branch().allDocs();
    const ids = all.rows.map((r) => r.id).filter((id) => id.startsWith('journalEntry:'));
    expect(ids.length).toBe(DOCS);
    expect(new Set(ids).size).toBe(DOCS);
    const tb = await clerk.call('app.getState', undefined);
    expect(tb.phase).toBe('ready');
  }, 180_000);
});
