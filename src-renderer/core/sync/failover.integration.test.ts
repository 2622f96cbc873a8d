import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { startSyncServer, type SyncServer } from '../../../server/sync-server';
import { addUser, provision } from '../../../server/provision';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * Several addresses of one sync service (issue 9 §18): while the preferred node is down the
 * device syncs through the next one and says it is up to date, not "Offline"; once the
 * preferred node answers again the device goes back to it.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const until = poller({ timeoutMs: 30_000, everyMs: 100 });

let standIn: TestServer;
let preferred: SyncServer | null = null;
let device: TestDevice;

/** A loopback port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

afterAll(async () => {
  await device?.close();
  await preferred?.close();
  await standIn?.close();
});

describe('a device given two addresses of the sync service', () => {
  it('syncs through the second while the first is down, and goes back to the first once it answers', async () => {
    const port = await freePort();
    const first = `http://127.0.0.1:${port}`;
    standIn = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE] });
    device = await startTestDevice();
    await device.call('setup.createCompany', {
      ...ACME_INPUT,
      company: { ...ACME_INPUT.company, orgCode: standIn.org },
    });
    await device.call('sync.connect', {
      serverUrl: first,
      serverUrls: [first, standIn.url],
      username: standIn.user('alice'),
      password: ALICE.password,
    });

    const viaStandIn = await until(
      () => device.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date',
      'up to date through the second address',
    );
    expect(viaStandIn.server).toMatchObject({
      url: first,
      urls: [first, standIn.url],
      using: standIn.url,
    });
    expect(viaStandIn.databases.every((d) => d.error === null)).toBe(true);

    // The first node comes up (a node of the same service: same users, same databases). It is
    // always a bundled server, started here; the stand-in may be an external CouchDB, whose
    // organisation code and user names it then takes.
    const admin = { username: 'admin', password: `test-${randomBytes(9).toString('base64url')}` };
    preferred = await startSyncServer({ port, host: '127.0.0.1', inMemory: true, admin });
    await provision({ url: preferred.url, admin, org: standIn.org, branches: ['NYC'] });
    await addUser({ url: preferred.url, admin, ...ALICE, name: standIn.user('alice') });

    const back = await until(
      () => device.call('sync.getStatus', undefined),
      (s) => s.server?.using === first && s.state === 'up-to-date',
      'back on the first address',
    );
    expect(back.pending).toBe(0);
    const company = await fetch(`${first}/${standIn.org}-master/_all_docs`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${standIn.user('alice')}:${ALICE.password}`).toString('base64')}`,
      },
    }).then((r) => r.json() as Promise<{ rows: { id: string }[] }>);
    expect(company.rows.some((r) => r.id.startsWith('company:'))).toBe(true);
  }, 90_000);
});
