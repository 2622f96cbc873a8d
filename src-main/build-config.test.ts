/**
 * The packaging settings that protect updates and the binary (issue 9, item 11), read the way
 * electron-builder reads them and checked against its own schema, so a misspelt key (which
 * electron-builder would reject, or an older one it ignores) cannot pass for a setting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

interface ConfigApi {
  getConfig(projectDir: string, configPath: null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(
    config: Configuration,
    logger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>;
}

// app-builder-lib is electron-builder's own engine; resolved from electron-builder so the test
// always uses the version that builds the app.
function configApi(): ConfigApi {
  const fromRoot = createRequire(join(root, 'package.json'));
  const fromBuilder = createRequire(fromRoot.resolve('electron-builder/package.json'));
  return fromBuilder('app-builder-lib/out/util/config/config.js') as ConfigApi;
}

let config: Configuration;

beforeAll(async () => {
  config = await configApi().getConfig(root, null, null);
});

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(
      configApi().validateConfiguration(config, { isEnabled: false, add: () => {} }),
    ).resolves.toBeUndefined();
  });

  it('packs the app into app.asar', () => {
    expect(config.asar).toBe(true);
  });

  it('flips the Electron fuses that close the side doors into the binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('makes a Windows update check the installer signature against the publisher', () => {
    const names = [config.win?.signtoolOptions?.publisherName ?? []].flat();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^(CN=)?Outpost\b/);
    expect(config.win?.verifyUpdateCodeSignature).not.toBe(false);
    // A local `npm run dist` without a certificate must still produce an (unsigned) installer.
    expect(config.forceCodeSigning ?? false).toBe(false);
    expect(config.win?.forceCodeSigning ?? false).toBe(false);
  });

  it('signs macOS builds with the hardened runtime and notarises them', () => {
    const mac = config.mac;
    expect(mac?.hardenedRuntime).toBe(true);
    expect(mac?.notarize).toBe(true);
    expect([mac?.target].flat()).toContain('zip');
    for (const file of [mac?.entitlements, mac?.entitlementsInherit]) {
      expect(file).toBe('assets/entitlements.mac.plist');
    }
    const entitlements = readFileSync(join(root, 'assets/entitlements.mac.plist'), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
  });

  it('publishes updates only over https and stops a build with any other feed', () => {
    const publish = [config.publish].flat().filter((entry) => entry != null);
    expect(publish.length).toBeGreaterThan(0);
    for (const entry of publish) {
      const url = (entry as { url?: string }).url ?? '';
      expect(url).not.toMatch(/^\s*http:/i);
      expect(url === '${env.OUTPOST_UPDATE_URL}' || url.startsWith('https://')).toBe(true);
    }
    expect(config.beforePack).toBe('./scripts/release-checks.mjs');
    expect(existsSync(join(root, 'scripts/release-checks.mjs'))).toBe(true);
  });
});
