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

const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq', 'bookkeeper'],
  branches: ['NYC'],
};
const BOB = { name: 'bob', password: 'bob-pass-1', roles: ['clerk'], branches: ['NYC'] };

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE, BOB] });
});
test.afterAll(async () => {
  await server?.close();
});

async function accounts(page: Page, tab: string): Promise<void> {
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('tab', { name: tab }).click();
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
  await setUpChartWithCustomer(page, { code: 'C-001', name: 'Bayside Cafe' });
  await expectPending(page, 0);
  return page;
}

async function branchClerk(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await joinCompany(page, {
    url: server.url,
    org: 'acme',
    username: BOB.name,
    password: BOB.password,
    branchCode: 'NYC',
    deviceLetter: 'B',
    deviceName: 'Counter PC',
    userName: 'Bob Clerk',
  });
  await expectSync(page, 'Up to date');
  return page;
}

test('a clerk invoices offline; head office records the receipt; both see it paid', async ({
  browser,
}) => {
  const hq = await headOffice(browser);
  const clerk = await branchClerk(browser);

  // Office B loses the network and keeps working.
  await clerk.context().setOffline(true);
  await expectSync(clerk, 'Offline');
  await accounts(clerk, 'Sales');
  await clerk.getByRole('button', { name: 'New invoice' }).click();
  await clerk.getByRole('combobox', { name: 'Customer' }).fill('Bayside');
  await clerk.getByRole('option', { name: /Bayside Cafe/ }).click();
  await clerk.getByLabel('Description, line 1').fill('Espresso beans 1 kg');
  await clerk.getByLabel('Quantity, line 1').fill('3');
  await clerk.getByLabel('Unit price, line 1').fill('19.99');
  const tax = clerk.getByRole('combobox', { name: 'Tax code, line 1' });
  await tax.fill('STD');
  await clerk.getByRole('option', { name: /^STD/ }).click();
  await expect(clerk.getByTestId('trade-total')).toContainText('71.96');
  await clerk.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(clerk.getByTestId('trade-status')).toHaveText(/open/i);
  await expect(clerk.getByText('NYC-B-INV-000001').first()).toBeVisible();
  await expectPending(clerk, 1);

  // Back online: the invoice reaches the server and head office.
  await clerk.context().setOffline(false);
  await expectSync(clerk, 'Up to date');
  await expectPending(clerk, 0);

  await accounts(hq, 'Sales');
  const row = hq.getByTestId('trade-row-NYC-B-INV-000001');
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await hq.getByRole('button', { name: 'Record receipt' }).click();
  await hq.getByLabel('Amount', { exact: true }).fill('71.96');
  await hq.getByRole('button', { name: 'Record receipt' }).click();
  await expect(hq.getByTestId('trade-row-NYC-B-INV-000001')).toContainText(/paid/i);
  await hq.getByRole('tab', { name: 'Reports' }).click();
  await hq.getByRole('link', { name: 'Aged receivables' }).click();
  await expect(hq.getByTestId('aged-total')).toContainText('0.00');

  // Office B sees the receipt head office recorded.
  await accounts(clerk, 'Sales');
  await expect(clerk.getByTestId('trade-row-NYC-B-INV-000001')).toContainText(/paid/i, {
    timeout: 30_000,
  });
  await clerk.getByRole('tab', { name: 'Reports' }).click();
  await clerk.getByRole('link', { name: 'Aged receivables' }).click();
  await expect(clerk.getByTestId('aged-total')).toContainText('0.00');
});
