import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * The sync server locks a user out after five wrong passwords, even to the right one then
 * (issue 9 §13). A device with a wrong password must not cause that lockout by itself, and a
 * locked-out user is told to wait, not that they lack rights.
 */
// Each test types wrong passwords for its own user, so one test's lockout never reaches another's
// (on a shared CouchDB the names also carry this run's suffix: server.user).
const JANE = { name: 'jane', password: 'jane-pass-1', roles: ['admin', 'hq'], branches: ['NYC'] };
const LENA = { name: 'lena', password: 'lena-pass-1', roles: ['admin', 'hq'], branches: ['NYC'] };
const until = poller({ timeoutMs: 20_000, everyMs: 50 });

let server: TestServer;
let device: TestDevice;

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [JANE, LENA] });
  device = await startTestDevice();
  await device.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
});

afterAll(async () => {
  await device?.close();
  await server?.close();
});

const session = (name: string, password: string) =>
  fetch(`${server.url}/_session`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${server.user(name)}:${password}`).toString('base64')}`,
    },
  });

describe('wrong passwords and the lockout', () => {
  it('a wrong password stops sync without locking the user out: the right one works straight after', async () => {
    await device.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('jane'),
      password: 'not-janes-password',
    });
    const wrong = await until(
      () => device.call('sync.getStatus', undefined),
      (s) => s.state === 'error',
      'the wrong password shown',
    );
    expect(wrong.databases[0]!.error).toMatchObject({ kind: 'auth' });
    // Four wrong sign-ins of our own stay under the lockout only if the device made at most one.
    for (let i = 0; i < 3; i++)
      expect((await session('jane', 'another-wrong-one')).status).toBe(401);
    expect((await session('jane', JANE.password)).status).toBe(200);
  });

  it('a locked-out user is told to wait about five minutes, not that they may not use the data', async () => {
    for (let i = 0; i < 6; i++) await session('lena', 'guessing-again');
    expect((await session('lena', LENA.password)).status).toBe(403);
    await device.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('lena'),
      password: LENA.password,
    });
    const locked = await until(
      () => device.call('sync.getStatus', undefined),
      (s) => s.state === 'error',
      'the lockout shown',
    );
    expect(locked.databases.map((d) => d.error?.kind)).toEqual(['locked', 'locked']);
    expect(locked.databases[0]!.error!.message).toMatch(
      /Too many wrong passwords.*Wait about 5 minutes/,
    );
    expect(locked.databases[0]!.error!.message).not.toMatch(/not allowed/);
    const test = await device.call('sync.testConnection', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user('lena'),
      password: LENA.password,
    });
    expect(test).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Too many wrong passwords/),
    });
  });
});
