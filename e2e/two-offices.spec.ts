import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestServer } from '../server/test-server';
import { addBranch, connectSync, createCompany, expectPending, expectSync, joinCompany } from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ALICE = { name: 'alice', password: 'alice-pass-1', roles: ['admin', 'hq'], branches: ['NYC'] };
const BOB = { name: 'bob', password: 'bob-pass-1', roles: ['clerk'], branches: ['NYC'] };

// The tests share one server: the second joins the company the first one set up.
test.describe.configure({ mode: 'serial' });

let server: TestServer;

test.beforeAll(async () => {
  // BOS is provisioned up front: head office holds every branch's database once it exists.
  server = await startTestServer({ org: 'acme', branches: ['NYC', 'BOS'], users: [ALICE, BOB] });
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

async function branchOffice(browser: Browser, deviceLetter: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await joinCompany(page, {
    url: server.url,
    org: 'acme',
    username: BOB.name,
    password: BOB.password,
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
  const b = await branchOffice(browser, 'C');

  // A clerk may not change master data; the server (validate_doc_update) refuses the new branch.
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
