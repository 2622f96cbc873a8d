import { IconCash, IconFiles, IconUsers } from '@tabler/icons-react';
import { describe, expect, it } from 'vitest';
import type { CoreModule } from '../core/module';
import {
  lazyPage,
  loadModuleUis,
  preloadModulePages,
  visibleModules,
  type LoadedModuleUi,
  type ModuleUi,
} from './module-ui';

const mod = (
  name: string,
  ui?: Partial<ModuleUi['nav']> & Pick<ModuleUi, 'permission'>,
): CoreModule => ({
  name,
  registerTypes() {},
  worker: async () => ({ projections: [], handlers: () => ({}) }),
  ...(ui && {
    ui: async (): Promise<ModuleUi> => ({
      nav: { path: `/${name}`, label: name, icon: IconCash, ...ui },
      routes: [],
      permission: ui.permission,
    }),
  }),
});

describe("loading the modules' UI parts", () => {
  it('keeps the registry order, puts an explicit order first and skips modules with no UI part', async () => {
    const uis = await loadModuleUis([
      mod('accounts', {}),
      mod('audit'),
      mod('payroll', { icon: IconUsers }),
      mod('files', { icon: IconFiles, order: 1 }),
    ]);
    expect(uis.map((m) => m.name)).toEqual(['files', 'accounts', 'payroll']);
  });

  it('refuses two modules on one address', async () => {
    await expect(
      loadModuleUis([mod('accounts', {}), mod('ledger', { path: '/accounts' })]),
    ).rejects.toThrow('Two modules use the address /accounts');
  });

  it('offers a module only to those its permission admits', async () => {
    const uis = await loadModuleUis([
      mod('accounts', {}),
      mod('rates', { permission: (p) => p.manageMaster }),
    ]);
    expect(visibleModules(uis, { manageMaster: false }).map((m) => m.name)).toEqual(['accounts']);
    expect(visibleModules(uis, { manageMaster: true }).map((m) => m.name)).toEqual([
      'accounts',
      'rates',
    ]);
  });
});

describe('page code fetched ahead, so pages open offline', () => {
  it('fetches each page once, and again after a failed fetch (the link was down)', async () => {
    let calls = 0;
    let online = false;
    const page = lazyPage(async () => {
      calls++;
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return () => null;
    });
    await expect(page.preload()).rejects.toThrow(/Failed to fetch/);
    online = true;
    await page.preload();
    await page.preload();
    expect(calls).toBe(2);
  });

  it("preloads every module's pages and is not stopped by one that fails", async () => {
    const fetched: string[] = [];
    const ui = (name: string, fails = false): LoadedModuleUi => ({
      name,
      ui: {
        nav: { path: `/${name}`, label: name, icon: IconCash },
        routes: [],
        preload: async () => {
          if (fails) throw new TypeError('offline');
          fetched.push(name);
        },
      },
    });
    await preloadModulePages([
      ui('accounts'),
      ui('payroll', true),
      ui('files'),
      { name: 'bare', ui: { nav: { path: '/bare', label: 'Bare', icon: IconCash }, routes: [] } },
    ]);
    expect(fetched).toEqual(['accounts', 'files']);
  });
});
