import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC'],
    users: [{ name: 'alice', password: 'alice-pass-1', roles: ['hq'], branches: ['NYC'] }],
  });
});
afterAll(async () => {
  await server?.close();
});

const auth = () =>
  'Basic ' + Buffer.from(`${server.user('alice')}:alice-pass-1`).toString('base64');

describe('a database that is not provisioned yet', () => {
  it('answers 404 to every read, including a longpoll, and the server keeps running', async () => {
    // A branch the organisation does not have (yet): CHI was never provisioned.
    const missing = `${server.org}-branch-chi`;
    for (const path of [
      `/${missing}`,
      `/${missing}/_changes?feed=longpoll&since=0&timeout=1000`,
      `/${missing}/_all_docs`,
    ]) {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: auth() } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found' });
    }
    const ok = await fetch(`${server.url}/${server.org}-branch-nyc`, {
      headers: { authorization: auth() },
    });
    expect(ok.status).toBe(200);
  });
});
