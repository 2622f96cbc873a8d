import { createServer, connect, type Server } from 'node:net';
import { expect, test } from '@playwright/test';
import { startTestServer } from '../server/test-server';
import { provision } from '../server/provision';
import { addBranch, createCompany } from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Issue 9 §14: the web app served from an address the sync server does not allow. The status
 * bar and the Sync page say CORS, not "Offline"; once the administrator allows the address the
 * app syncs, shows head office's roles and holds the other branch — without a reload.
 *
 * The bundled server allows every `http://127.0.0.1` origin, so the app is served through a
 * small relay on 127.0.0.2 (still loopback, but an origin the server does not know).
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};

let server: TestServer;
let relay: Server;
let origin: string;

test.beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC', 'BOS'], users: [ALICE] });
  const app = new URL(test.info().project.use.baseURL!);
  relay = createServer((client) => {
    const upstream = connect(Number(app.port), app.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.2', () => r()));
  origin = `http://127.0.0.2:${(relay.address() as { port: number }).port}`;
});

test.afterAll(async () => {
  relay?.close();
  await server?.close();
});

test('a refused origin is named, and fixing it on the server is enough', async ({ page }) => {
  await page.goto(`${origin}/`);
  await createCompany(page, {
    name: 'Acme Trading Ltd',
    org: 'acme',
    branchCode: 'NYC',
    branchName: 'New York',
    deviceLetter: 'A',
    deviceName: 'Head office PC',
    userName: 'Alice Admin',
  });
  await addBranch(page, { code: 'BOS', name: 'Boston' });

  await page.getByRole('link', { name: 'Sync' }).click();
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('Username').fill(ALICE.name);
  await page.getByLabel('Password').fill(ALICE.password);
  await page.getByRole('button', { name: 'Save and connect' }).click();

  await expect(page.getByTestId('status-sync')).toHaveText('Server refuses this app (CORS)', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('sync-problem')).toContainText(origin);
  await expect(page.getByTestId('sync-db-branch-bos')).toHaveCount(0);

  // The administrator allows the app's address (ADMIN.md: server:provision --cors-origin).
  await provision({
    url: server.url,
    admin: server.admin,
    org: 'acme',
    branches: ['NYC', 'BOS'],
    corsOrigins: [origin],
  });

  await expect(page.getByTestId('status-sync')).toHaveText('Up to date', { timeout: 60_000 });
  await expect(page.getByTestId('signed-in-roles')).toHaveText('Roles: Administrator, Head office');
  await expect(page.getByTestId('sync-db-branch-bos')).toBeVisible();
});
