import { expect, test, type Page } from '@playwright/test';
import { createCompany, openApp } from './helpers';

async function newCompanyWithChart(page: Page): Promise<void> {
  await openApp(page);
  await createCompany(page, {
    name: 'Harbour Traders Ltd',
    org: 'harbour',
    branchCode: 'SYD',
    branchName: 'Sydney',
    deviceLetter: 'A',
    deviceName: 'Front desk PC',
    userName: 'Mia Chen',
  });
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Use the starter chart' }).click();
  await expect(page.getByRole('tab', { name: 'Journal' })).toBeVisible();
}

async function pickAccount(page: Page, line: number, code: string): Promise<void> {
  const box = page.getByRole('combobox', { name: `Account, line ${line}` });
  await box.fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
}

test('a bookkeeper posts a journal entry with the keyboard, sees it in the trial balance, and reverses it', async ({
  page,
}) => {
  await newCompanyWithChart(page);
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('Memo', { exact: true }).fill('Rent for April');

  await pickAccount(page, 1, '6100');
  // Picking an account moves on to the debit cell; Enter moves on again.
  await expect(page.getByRole('textbox', { name: 'Debit, line 1' })).toBeFocused();
  await page.keyboard.type('1,200.00');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Credit, line 1' })).toBeFocused();

  await pickAccount(page, 2, '1200');
  await page.getByRole('textbox', { name: 'Credit, line 2' }).fill('1150');
  await expect(page.getByTestId('journal-difference')).toContainText(/Difference: \D*50\.00/);

  // Posting an unbalanced entry is refused with the difference, and nothing is saved.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('50.00');
  await page.getByRole('textbox', { name: 'Credit, line 2' }).fill('1200');
  await expect(page.getByTestId('journal-difference')).toHaveText('Balanced');
  await page.getByRole('button', { name: 'Post entry' }).click();

  await expect(page.getByRole('heading', { name: 'SYD-A-JE-000001', exact: true })).toBeVisible();
  await expect(page.getByText('Posted', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Reports' }).click();
  await page.getByRole('link', { name: /Trial balance/ }).click();
  await expect(page.getByTestId('tb-total-debit')).toContainText('1,200.00');
  await expect(page.getByTestId('tb-total-credit')).toContainText('1,200.00');

  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByTestId('journal-row-SYD-A-JE-000001').click();
  await page.getByRole('button', { name: 'Reverse entry' }).click();
  await page.getByRole('button', { name: 'Post reversal' }).click();
  await expect(page.getByRole('heading', { name: 'SYD-A-JE-000002', exact: true })).toBeVisible();
  await expect(page.getByText(/Reverses/)).toBeVisible();

  // Data survives a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('tab', { name: 'Journal' }).click();
  await expect(page.getByTestId('journal-row-SYD-A-JE-000002')).toBeVisible();
  await expect(page.getByTestId('journal-row-SYD-A-JE-000001')).toBeVisible();
});
