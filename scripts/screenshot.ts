/**
 * Regenerates docs/screenshot.png from the real app: the web build in Chromium, a company
 * created through the first-run form and synced to a local sync server.
 * Run: npm run build:renderer && npx tsx scripts/screenshot.ts
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { startTestServer } from '../server/test-server';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser';
import { addBranch, connectSync, createCompany } from '../e2e/helpers';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const server = await startTestServer({
    org: 'acme',
    branches: ['NYC'],
    users: [{ name: 'alice', password: 'alice-pass-1', roles: ['admin', 'hq'], branches: ['NYC'] }],
  });
  const web = await preview({
    root: `${root}/src-renderer`,
    configFile: `${root}/vite.config.ts`,
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
  });
  const address = web.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview did not start');
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await createCompany(page, {
      name: 'Acme Trading Ltd',
      org: 'acme',
      branchCode: 'NYC',
      branchName: 'New York',
      deviceLetter: 'A',
      deviceName: 'Head office PC',
      userName: 'Alice Admin',
    });
    await connectSync(page, { url: server.url, username: 'alice', password: 'alice-pass-1' });
    await addBranch(page, { code: 'BOS', name: 'Boston' });
    await addBranch(page, { code: 'LON', name: 'London' });
    await page.getByRole('link', { name: 'Sync' }).click();
    await page.getByTestId('status-pending').filter({ hasText: '0 pending' }).waitFor();
    await page.getByText('Up to date').first().waitFor();
    await page.screenshot({ path: `${root}/docs/screenshot.png` });
    console.log('Written docs/screenshot.png');
  } finally {
    await browser.close();
    web.httpServer.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
