import { expect, type Page } from '@playwright/test';

export interface CompanyInput {
  name: string;
  org: string;
  currency?: string;
  branchCode: string;
  branchName: string;
  deviceLetter: string;
  deviceName: string;
  userName: string;
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
}

export async function createCompany(page: Page, input: CompanyInput): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to Outpost' })).toBeVisible();
  await page.getByRole('button', { name: 'Create a company' }).click();
  await page.getByLabel('Company name').fill(input.name);
  await page.getByLabel('Organisation code').fill(input.org);
  if (input.currency) await fillCombobox(page, 'Base currency', input.currency);
  await page.getByLabel('First branch code').fill(input.branchCode);
  await page.getByLabel('First branch name').fill(input.branchName);
  await page.getByLabel("This device's letter").fill(input.deviceLetter);
  await page.getByLabel('Device name').fill(input.deviceName);
  await page.getByLabel('Your name').fill(input.userName);
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page.getByTestId('status-bar')).toBeVisible();
}

async function fillCombobox(page: Page, label: string, value: string): Promise<void> {
  const box = page.getByLabel(label);
  await box.fill(value);
  const option = page.getByRole('option', { name: new RegExp(`^${value}`) }).first();
  if (await option.isVisible().catch(() => false)) await option.click();
}

export async function connectSync(
  page: Page,
  server: { url: string; username: string; password: string },
): Promise<void> {
  await page.getByRole('link', { name: 'Sync' }).click();
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('Username').fill(server.username);
  await page.getByLabel('Password').fill(server.password);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expectSync(page, 'Up to date');
}

export async function joinCompany(
  page: Page,
  input: {
    url: string;
    org: string;
    username: string;
    password: string;
    branchCode: string;
    deviceLetter: string;
    deviceName: string;
    userName: string;
  },
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to Outpost' })).toBeVisible();
  await page.getByRole('button', { name: 'Join an existing company' }).click();
  await page.getByLabel('Server URL').fill(input.url);
  await page.getByLabel('Organisation code').fill(input.org);
  await page.getByLabel('Username').fill(input.username);
  await page.getByLabel('Password').fill(input.password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const branch = page.getByRole('combobox', { name: 'Branch' });
  await expect(branch).toBeVisible();
  await branch.click();
  await page
    .getByRole('option', { name: new RegExp(input.branchCode) })
    .first()
    .click();
  await page.getByLabel("This device's letter").fill(input.deviceLetter);
  await page.getByLabel('Device name').fill(input.deviceName);
  await page.getByLabel('Your name').fill(input.userName);
  await page.getByRole('button', { name: 'Join company' }).click();
  await expect(page.getByTestId('status-bar')).toBeVisible({ timeout: 60_000 });
}

export async function expectSync(page: Page, text: string, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('status-sync')).toHaveText(text, { timeout });
}

export async function expectPending(page: Page, n: number, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('status-pending')).toHaveText(`${n} pending`, { timeout });
}

export async function addBranch(page: Page, branch: { code: string; name: string }): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add branch' }).click();
  await page.getByLabel('Branch code').fill(branch.code);
  await page.getByLabel('Branch name').fill(branch.name);
  await page.getByRole('button', { name: 'Save branch' }).click();
  await expect(page.getByTestId(`branch-${branch.code}`)).toBeVisible();
}

/** Head office's first Accounts steps: the starter chart, then one customer (admin or hq user). */
export async function setUpChartWithCustomer(
  page: Page,
  customer: { code: string; name: string },
): Promise<void> {
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Use the starter chart' }).click();
  await page.getByRole('tab', { name: 'Customers and suppliers' }).click();
  await page.getByRole('button', { name: 'Add customer or supplier' }).click();
  await page.getByLabel('Code', { exact: true }).fill(customer.code);
  await page.getByLabel('Name', { exact: true }).fill(customer.name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId(`party-${customer.code}`)).toContainText(customer.name);
}

/** Picks an account in the journal editor by typing its code, as a clerk does. */
export async function pickAccount(page: Page, line: number, code: string): Promise<void> {
  await page.getByRole('combobox', { name: `Account, line ${line}` }).fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
}

/** Opens a new journal entry and types its memo and lines (amounts as a clerk types them). */
export async function fillJournalEntry(
  page: Page,
  entry: { memo: string; lines: { account: string; debit?: string; credit?: string }[] },
): Promise<void> {
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('Memo', { exact: true }).fill(entry.memo);
  for (const [i, l] of entry.lines.entries()) {
    await pickAccount(page, i + 1, l.account);
    if (l.debit) await page.getByRole('textbox', { name: `Debit, line ${i + 1}` }).fill(l.debit);
    if (l.credit) await page.getByRole('textbox', { name: `Credit, line ${i + 1}` }).fill(l.credit);
  }
  await expect(page.getByTestId('journal-difference')).toHaveText('Balanced');
}
