import { build } from 'esbuild';
import { expect, test } from '@playwright/test';

// The index reads PouchDB's changes from the indexeddb adapter's own store (one request per
// batch instead of one per document; src-renderer/core/db/changes-batch.ts). Only real
// IndexedDB holds that format, so the check runs in Chromium, on the app's origin.
test('the index reads the same changes feed as PouchDB, from the adapter’s store', async ({
  page,
}) => {
  const bundle = await build({
    entryPoints: ['e2e/fixtures/changes-batch-check.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    define: { global: 'globalThis' },
  });
  await page.goto('/');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const problems = await page.evaluate(() =>
    (window as unknown as { checkChangesBatch(): Promise<string[]> }).checkChangesBatch(),
  );
  expect(problems).toEqual([]);
});
