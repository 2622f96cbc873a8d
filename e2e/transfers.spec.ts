import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestServer } from '../server/test-server';
import { addBranch, connectSync, createCompany, expectSync, joinCompany } from './helpers';

/**
 * Issue 12: New York (head office's device, offline) sends chairs to Manila; after sync Manila
 * receives part and closes the rest short; head office sees the goods in transit in between and
 * the shortage after, and each branch's stock holds only what it has.
 */
type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq', 'bookkeeper'],
  branches: ['NYC'],
};
const ROSA = { name: 'rosa', password: 'rosa-pass-1', roles: ['clerk'], branches: ['MNL'] };

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC', 'MNL'], users: [ALICE, ROSA] });
});
test.afterAll(async () => {
  await server?.close();
});

async function inventory(page: Page, tab: string): Promise<void> {
  await page.getByRole('link', { name: 'Inventory' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

async function pick(page: Page, label: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function warehouse(page: Page, code: string, name: string, branch: RegExp) {
  await inventory(page, 'Warehouses');
  await page.getByRole('button', { name: 'New warehouse' }).click();
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await pick(page, 'Branch', branch);
  await page.getByRole('button', { name: 'Add warehouse' }).click();
  await expect(page.getByText(name)).toBeVisible();
}

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
    userName: 'Alice Bookkeeper',
  });
  await connectSync(page, { url: server.url, username: ALICE.name, password: ALICE.password });
  await addBranch(page, { code: 'MNL', name: 'Manila' });
  await warehouse(page, 'NYC-MAIN', 'New York main store', /NYC/);
  await warehouse(page, 'MNL-MAIN', 'Manila main store', /MNL/);
  await inventory(page, 'Items');
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByLabel('SKU').fill('CHAIR-ERGO-BLK');
  await page.getByRole('textbox', { name: /^Name/ }).fill('Ergonomic chair, black');
  await page.getByLabel('Base unit').fill('each');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByText('CHAIR-ERGO-BLK')).toBeVisible();
  // Twenty chairs at $89.50 in New York's store.
  await inventory(page, 'Receive, deliver, count');
  await page.getByRole('button', { name: 'New receipt' }).click();
  await page.getByLabel('Date').fill('2026-03-01');
  await pick(page, 'Warehouse', /NYC-MAIN/);
  await page.getByRole('gridcell').first().click();
  await page.getByRole('combobox', { name: 'Item, line 1' }).fill('CHAIR');
  await page.getByRole('option', { name: /CHAIR-ERGO-BLK/ }).click();
  await page.getByLabel('Quantity, line 1').fill('20');
  await page.getByLabel('Unit cost, line 1').fill('89.50');
  await page.getByRole('button', { name: 'Save receipt' }).click();
  await expect(page.getByText(/saved|NYC-A-/i).first()).toBeVisible();
  return page;
}

async function manila(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await joinCompany(page, {
    url: server.url,
    org: 'acme',
    username: ROSA.name,
    password: ROSA.password,
    branchCode: 'MNL',
    deviceLetter: 'A',
    deviceName: 'Manila store PC',
    userName: 'Rosa Clerk',
  });
  await expectSync(page, 'Up to date');
  return page;
}

// In the app, not a reload: an offline browser could not load the page again.
const transfers = (page: Page, path = '') =>
  page.evaluate((p) => (location.hash = `#/inventory/transfers${p}`), path);

test('New York sends offline; Manila receives part and closes short; head office sees both', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const hq = await headOffice(browser);
  const mnl = await manila(browser);

  await hq.context().setOffline(true);
  await expectSync(hq, 'Offline');
  await transfers(hq, '/new');
  await hq.getByLabel('Date sent').fill('2026-03-02');
  await pick(hq, 'To branch', /Manila/);
  await hq.getByRole('combobox', { name: 'Item, line 1' }).fill('CHAIR');
  await hq.getByRole('option', { name: /CHAIR-ERGO-BLK/ }).click();
  await hq.getByLabel('Quantity, line 1').fill('12');
  await hq.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(hq.getByText('Transfer NYC-A-TRF-000001: New York → Manila')).toBeVisible();
  await expect(hq.getByTestId('transfer-state')).toHaveText('On the way');
  await hq.context().setOffline(false);
  await expectSync(hq, 'Up to date');

  await transfers(hq, '/transit');
  await expect(hq.getByText('$1,074.00').first()).toBeVisible();

  await transfers(mnl);
  const row = mnl.getByRole('link', { name: 'NYC-A-TRF-000001' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await mnl.getByRole('link', { name: 'Receive goods' }).click();
  await expect(mnl.getByLabel('Received now, line 1')).toHaveValue('12');
  await mnl.getByLabel('Received now, line 1').fill('13');
  await mnl.getByRole('button', { name: 'Record receipt' }).click();
  await expect(mnl.getByRole('alert')).toContainText('only 12 each are still on the way');
  await mnl.getByLabel('Received now, line 1').fill('10');
  await mnl.getByLabel('Date received').fill('2026-03-09');
  await mnl.getByLabel(/Close as short/).check();
  await mnl.getByRole('button', { name: 'Record receipt' }).click();
  await expect(mnl.getByTestId('transfer-state')).toHaveText('Closed, some goods short');

  await transfers(hq);
  await hq.getByText('All', { exact: true }).click();
  await expect(hq.getByText('Closed, some goods short')).toBeVisible({ timeout: 30_000 });
  await transfers(hq, '/transit');
  await expect(hq.getByText('Nothing is on the way.')).toBeVisible();
});
