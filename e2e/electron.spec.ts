/**
 * Smoke test of the real Electron shell: main process, app:// protocol, preload, renderer.
 * Runs only where an Electron binary is installed; `npm ci` cannot fetch one offline.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../scripts/electron-binary';

const root = fileURLToPath(new URL('..', import.meta.url));

const binary = electronBinary();
const hasElectronBinary = binary !== null;

test.describe('Electron shell', () => {
  test.skip(!hasElectronBinary, 'Electron binary not installed (cannot be downloaded offline)');

  test('opens the Outpost window on app:// with the preload API', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'outpost-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      // Chromium refuses to start as root (CI containers) unless its OS sandbox is off.
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        join(root, 'dist-main', 'main.cjs'),
      ],
      cwd: root,
      env: { ...process.env, OUTPOST_USER_DATA_DIR: userData },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/Outpost/);
      await expect(page.getByRole('heading', { name: 'Welcome to Outpost' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/outpost\//);
      expect(await page.evaluate(() => typeof (globalThis as { outpost?: unknown }).outpost)).toBe(
        'object',
      );
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
    } finally {
      await app.close();
      await rm(userData, { recursive: true, force: true });
    }
  });
});
