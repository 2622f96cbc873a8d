import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

/**
 * Which Chromium the tests drive. Playwright's own build where it is installed; otherwise
 * Debian's `chromium` (this machine cannot download Playwright's browsers).
 */
export function chromiumExecutable(): string | undefined {
  const own = safe(() => chromium.executablePath());
  if (own && existsSync(own)) return undefined;
  for (const candidate of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  const onPath = safe(() => execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim());
  if (onPath) return onPath;
  throw new Error(
    'No Chromium found. Install Playwright browsers (npx playwright install chromium) or Debian chromium (apt-get install -y chromium).',
  );
}

/** Flags that keep a headless Chromium quiet on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
