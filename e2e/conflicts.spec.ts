import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestServer } from '../server/test-server';
import {
  connectSync,
  createCompany,
  setUpChartWithCustomer,
  expectPending,
  expectSync,
  joinCompany,
} from './helpers';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Two head-office users: both may edit company master data such as customers. */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const CAROL = {
  name: 'carol',
  password: 'carol-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE, CAROL] });
});
test.afterAll(async () => {
  await server?.close();
});

async function customers(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('tab', { name: 'Customers and suppliers' }).click();
}

async function firstOffice(browser: Browser): Promise<Page> {
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
  await setUpChartWithCustomer(page, { code: 'C-001', name: 'Bayside Cafe' });
  await expectPending(page, 0);
  return page;
}

async function secondOffice(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await joinCompany(page, {
    url: server.url,
    org: 'acme',
    username: CAROL.name,
    password: CAROL.password,
    branchCode: 'NYC',
    deviceLetter: 'B',
    deviceName: 'Second head office PC',
    userName: 'Carol Controller',
  });
  await expectSync(page, 'Up to date');
  return page;
}

async function renameCustomer(page: Page, name: string): Promise<void> {
  await customers(page);
  await page.getByRole('button', { name: 'Edit C-001' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('party-C-001')).toContainText(name);
}

test('two offices edit the same customer offline; one resolves the conflict; both end with the same version', async ({
  browser,
}) => {
  const alice = await firstOffice(browser);
  const carol = await secondOffice(browser);
  await customers(carol);
  await expect(carol.getByTestId('party-C-001')).toContainText('Bayside Cafe');

  // Both offices lose the network and rename the same customer differently.
  for (const p of [alice, carol]) {
    await p.context().setOffline(true);
    await expectSync(p, 'Offline');
  }
  await renameCustomer(alice, 'Bayside Cafe & Bakery');
  await renameCustomer(carol, 'Bayside Coffee House');
  await expectPending(alice, 1);
  await expectPending(carol, 1);
  for (const p of [alice, carol]) await expect(p.getByTestId('status-conflicts')).toHaveCount(0);

  // Back online: both changes reach the server, and both offices see the conflict.
  for (const p of [alice, carol]) {
    await p.context().setOffline(false);
    await expectSync(p, 'Up to date');
  }
  for (const p of [alice, carol])
    await expect(p.getByTestId('status-conflicts')).toHaveText('1 conflict', { timeout: 30_000 });

  // Carol opens Conflicts from the status bar and merges: her name, everything else as it is.
  await carol.getByTestId('status-conflicts').click();
  await expect(carol.getByRole('heading', { name: 'Conflicts' })).toBeVisible();
  const card = carol.locator('[data-testid^="conflict-party:"]');
  await expect(card).toHaveCount(1);
  const nameRow = card.getByTestId('conflict-field-name');
  await expect(nameRow).toHaveAttribute('data-differs', 'true');
  await expect(nameRow).toContainText('Bayside Cafe & Bakery');
  await expect(card.getByTestId('conflict-field-code')).not.toHaveAttribute('data-differs', 'true');
  await nameRow
    .getByRole('cell')
    .filter({ hasText: 'Bayside Coffee House' })
    .getByRole('radio')
    .check();
  await card.getByRole('button', { name: 'Save merged version' }).click();
  await expect(carol.getByText('No conflicts: every office agrees.')).toBeVisible();
  await expect(carol.getByTestId('status-conflicts')).toHaveCount(0);

  // The resolution syncs: both offices end with the merged version and no conflict.
  await expectPending(carol, 0);
  for (const p of [alice, carol]) {
    await expect(p.getByTestId('status-conflicts')).toHaveCount(0, { timeout: 30_000 });
    await customers(p);
    await expect(p.getByTestId('party-C-001')).toContainText('Bayside Coffee House', {
      timeout: 30_000,
    });
    await expect(p.getByTestId('party-C-001')).not.toContainText('Bakery');
  }
  await alice.getByRole('link', { name: 'Conflicts' }).click();
  await expect(alice.getByText('No conflicts: every office agrees.')).toBeVisible();
});
