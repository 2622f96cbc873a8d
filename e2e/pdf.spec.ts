import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { pdfText } from '../src-renderer/core/pdf/testing/pdf-text';
import { createCompany, openApp } from './helpers';

// The PDF is made by pdfmake inside the data-core worker (no DOM) of the built app, and saved
// through a download link: this is the path a clerk's "Export PDF" takes in a browser.
test('"Export PDF" on the trial balance saves a real PDF made in the worker', async ({ page }) => {
  await openApp(page);
  await createCompany(page, {
    name: 'Søndergaard Trading ApS',
    org: 'sondergaard',
    branchCode: 'CPH',
    branchName: 'København',
    deviceLetter: 'A',
    deviceName: 'Front desk PC',
    userName: 'Mette Sørensen',
  });
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Use the starter chart' }).click();
  await page.getByRole('tab', { name: 'Reports' }).click();
  await page.getByRole('link', { name: /Trial balance/ }).click();
  await expect(page.getByRole('heading', { name: 'Trial balance' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^trial-balance-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = new Uint8Array(await readFile(await file.path()));
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const text = await pdfText(bytes);
  expect(text).toContain('Søndergaard Trading ApS');
  expect(text).toContain('Trial balance');
  expect(text).toContain('All branches (consolidated)');
  expect(text).toContain('Page 1 of 1');
});
