import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestServer } from '../server/test-server';
import {
  addBranch,
  connectSync,
  createCompany,
  expectPending,
  expectSync,
  fillJournalEntry,
  joinCompany,
  setUpChartWithCustomer,
} from './helpers';

/**
 * Issue 10: a head-office device lists every branch's records, and opening one of another
 * branch used to say "That document is not on this device" (the pages read the home branch
 * only). Head office now opens Boston's entry, draft and invoice like its own.
 */
type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq', 'bookkeeper'],
  branches: ['NYC'],
};
const CAROL = { name: 'carol', password: 'carol-pass-1', roles: ['clerk'], branches: ['BOS'] };

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC', 'BOS'], users: [ALICE, CAROL] });
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
    userName: 'Alice Bookkeeper',
  });
  await addBranch(page, { code: 'BOS', name: 'Boston' });
  await setUpChartWithCustomer(page, { code: 'C-001', name: 'Bayside Cafe' });
  await connectSync(page, { url: server.url, username: ALICE.name, password: ALICE.password });
  await expectPending(page, 0);
  return page;
}

async function bostonClerk(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await joinCompany(page, {
    url: server.url,
    org: 'acme',
    username: CAROL.name,
    password: CAROL.password,
    branchCode: 'BOS',
    deviceLetter: 'B',
    deviceName: 'Boston counter',
    userName: 'Carol Clerk',
  });
  await expectSync(page, 'Up to date');
  return page;
}

async function issueInvoice(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('tab', { name: 'Sales' }).click();
  await page.getByRole('button', { name: 'New invoice' }).click();
  await page.getByRole('combobox', { name: 'Customer' }).fill('Bayside');
  await page.getByRole('option', { name: /Bayside Cafe/ }).click();
  await page.getByLabel('Description, line 1').fill('Espresso beans 1 kg');
  await page.getByLabel('Quantity, line 1').fill('3');
  await page.getByLabel('Unit price, line 1').fill('19.99');
  await page.getByRole('combobox', { name: 'Tax code, line 1' }).fill('STD');
  await page.getByRole('option', { name: /^STD/ }).click();
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(page.getByTestId('trade-status')).toHaveText(/open/i);
}

const notOnDevice = /not on this device/i;
const OPENS = 'Boston’s record opens at head office (before issue 10: “not on this device”)';

test('head office opens Boston’s journal entry, draft and invoice', async ({ browser }) => {
  const hq = await headOffice(browser);
  const bos = await bostonClerk(browser);

  // Boston's clerk posts an entry, keeps another as a draft and issues an invoice.
  await fillJournalEntry(bos, {
    memo: 'Boston rent for May',
    lines: [
      { account: '6100', debit: '2400' },
      { account: '1200', credit: '2400' },
    ],
  });
  await bos.getByRole('button', { name: 'Post entry' }).click();
  await expect(bos.getByRole('heading', { name: 'BOS-B-JE-000001', exact: true })).toBeVisible();
  await fillJournalEntry(bos, {
    memo: 'Boston electricity accrual',
    lines: [
      { account: '6200', debit: '310' },
      { account: '2100', credit: '310' },
    ],
  });
  await bos.getByRole('button', { name: 'Save draft' }).click();
  await expect(bos.getByRole('heading', { name: 'Draft entry' })).toBeVisible();
  await issueInvoice(bos);
  await expect(bos.getByText('BOS-B-INV-000001').first()).toBeVisible();
  await expectPending(bos, 0);
  await expectSync(bos, 'Up to date');

  // Head office finds Boston's posted entry by its memo and opens it.
  await hq.getByRole('link', { name: 'Accounts' }).click();
  await hq.getByRole('tab', { name: 'Journal' }).click();
  await hq.getByRole('textbox', { name: 'Search entries' }).fill('Boston');
  const posted = hq.getByTestId('journal-row-BOS-B-JE-000001');
  await expect(posted).toContainText('Boston rent for May', { timeout: 30_000 });
  await posted.click();
  await expect(
    hq.getByRole('heading', { name: 'BOS-B-JE-000001', exact: true }),
    OPENS,
  ).toBeVisible();
  await expect(hq.getByText(notOnDevice)).toHaveCount(0);
  await expect(hq.getByText('Posted', { exact: true })).toBeVisible();
  await expect(hq.getByRole('row').filter({ hasText: '6100' })).toContainText('2,400.00');
  await expect(hq.getByRole('row').filter({ hasText: '1200' })).toContainText('2,400.00');

  // Boston's draft opens in the editor with its lines.
  await hq.getByRole('tab', { name: 'Journal' }).click();
  await hq.getByRole('textbox', { name: 'Search entries' }).fill('electricity');
  await hq.getByRole('row').filter({ hasText: 'Boston electricity accrual' }).click();
  await expect(hq.getByRole('heading', { name: 'Draft entry' }), OPENS).toBeVisible();
  await expect(hq.getByText(notOnDevice)).toHaveCount(0);
  await expect(hq.getByLabel('Memo', { exact: true })).toHaveValue('Boston electricity accrual');
  await expect(hq.getByRole('combobox', { name: 'Account, line 1' })).toHaveValue(/^6200 /);
  await expect(hq.getByRole('textbox', { name: 'Debit, line 1' })).toHaveValue('310.00');
  await expect(hq.getByRole('combobox', { name: 'Account, line 2' })).toHaveValue(/^2100 /);
  await expect(hq.getByRole('textbox', { name: 'Credit, line 2' })).toHaveValue('310.00');

  // Boston's invoice, found by its number in the sales list.
  await hq.getByRole('tab', { name: 'Sales' }).click();
  await hq.getByRole('textbox', { name: 'Search' }).fill('BOS-B-INV');
  await hq.getByTestId('trade-row-BOS-B-INV-000001').click();
  await expect(hq.getByRole('heading', { name: /BOS-B-INV-000001/ }), OPENS).toBeVisible();
  await expect(hq.getByText(notOnDevice)).toHaveCount(0);
  await expect(hq.getByTestId('trade-status')).toHaveText(/open/i);
  await expect(hq.getByText('Bayside Cafe (C-001)')).toBeVisible();
  await expect(hq.getByRole('row').filter({ hasText: 'Espresso beans 1 kg' })).toBeVisible();
});
