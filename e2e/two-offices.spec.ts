import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestServer } from '../server/test-server';
import { addUser } from '../server/provision';
import {
  addBranch,
  connectSync,
  createCompany,
  expectPending,
  expectSync,
  joinCompany,
} from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const BOB = { name: 'bob', password: 'bob-pass-1', roles: ['clerk'], branches: ['NYC'] };
// Dave starts as head office; his rights are taken away while his device still offers them.
const DAVE = { name: 'dave', password: 'dave-pass-1', roles: ['hq'], branches: ['NYC'] };

// The tests share one server: the second joins the company the first one set up.
test.describe.configure({ mode: 'serial' });

let server: TestServer;

test.beforeAll(async () => {
  // BOS is provisioned up front: head office holds every branch's database once it exists.
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC', 'BOS'],
    users: [ALICE, BOB, DAVE],
  });
});

test.afterAll(async () => {
  await server?.close();
});

async function headOffice(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await createCompany(page, {
    name: 'Acme Trading Ltd',
    org: 'acme',
    branchCode: 'NYC',
    branchName: 'New York',
    deviceLetter: 'A',
    deviceName: 'Head office PC',
    userName: 'Alice Admin',
  });
  await connectSync(page, { url: server.url, username: ALICE.name, password: ALICE.password });
  await expectPending(page, 0);
  return page;
}

async function branchOffice(
  browser: Browser,
  deviceLetter: string,
  user: { name: string; password: string } = BOB,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await joinCompany(page, {
    url: server.url,
    org: 'acme',
    username: user.name,
    password: user.password,
    branchCode: 'NYC',
    deviceLetter,
    deviceName: `Counter PC ${deviceLetter}`,
    userName: 'Bob Clerk',
  });
  await expect(page.getByRole('banner')).toContainText('Acme Trading Ltd');
  await expectSync(page, 'Up to date');
  return page;
}

test('a record saved while office A is offline reaches office B once A is back online', async ({
  browser,
}) => {
  const a = await headOffice(browser);
  const b = await branchOffice(browser, 'B');

  await a.context().setOffline(true);
  await expect(a.getByTestId('status-online')).toHaveText('Offline');
  await expectSync(a, 'Offline');
  await addBranch(a, { code: 'BOS', name: 'Boston' });
  await expectPending(a, 1);
  await expectSync(a, 'Offline');

  await a.context().setOffline(false);
  await expect(a.getByTestId('status-online')).toHaveText('Online');
  await expectSync(a, 'Up to date');
  await expectPending(a, 0);
  await expect(a.getByTestId('status-last-sync')).not.toHaveText('Never synced');

  await b.getByRole('link', { name: 'Settings' }).click();
  await expect(b.getByTestId('branch-BOS')).toContainText('Boston', { timeout: 30_000 });

  // What arrived is stored, not just shown: it survives a reload in office B.
  await b.reload();
  await b.getByRole('link', { name: 'Settings' }).click();
  await expect(b.getByTestId('branch-BOS')).toContainText('Boston');
  await expectSync(b, 'Up to date');
});

test('a document the server refuses is shown as refused, with the reason', async ({ browser }) => {
  const b = await branchOffice(browser, 'C', DAVE);

  // Head office rights are taken away on the server; this device still offers "Add branch",
  // and the server (validate_doc_update) refuses the new branch.
  await addUser({
    url: server.url,
    admin: server.admin,
    name: DAVE.name,
    password: DAVE.password,
    roles: ['clerk'],
    branches: ['NYC'],
  });
  await new Promise((r) => setTimeout(r, 5_500)); // the server caches sessions for 5 s
  await addBranch(b, { code: 'LON', name: 'London' });
  await expect(b.getByTestId('status-refused')).toHaveText('1 refused', { timeout: 30_000 });
  await expectPending(b, 0);

  await b.getByRole('link', { name: 'Sync' }).click();
  await expect(b.getByRole('heading', { name: 'Refused by the server' })).toBeVisible();
  const refused = b.locator('[data-testid^="refused-branch:"]');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('branch');
  await expect(refused).toContainText(/admin|head office/i);

  // Refusals are remembered: they are still listed after a reload.
  await b.reload();
  await b.getByRole('link', { name: 'Sync' }).click();
  await expect(b.locator('[data-testid^="refused-branch:"]')).toHaveCount(1);
});
