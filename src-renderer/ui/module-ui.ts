import type { TablerIcon } from '@tabler/icons-react';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactElement } from 'react';
import type { CoreModule } from '../core/module';
import type { Permissions } from '../client/permissions';

/**
 * A module's UI part (core/module.ts `ui()`): what the shell needs to show it. The shell,
 * the routes and the dashboard are built from the registry's list of these, so the app names
 * no module. Pages are React.lazy components: loading a module's UI part loads this small
 * description, and each page's code arrives the first time it is opened.
 */
export interface ModuleUi {
  nav: {
    /** Where the navigation entry leads: '/accounts'. */
    path: string;
    label: string;
    icon: TablerIcon;
    /** Position among the modules; modules without one keep the registry's order after those with one. */
    order?: number;
  };
  /** Routes under the shell, relative to the root: 'accounts/*', 'payroll'. */
  routes: { path: string; element: ReactElement }[];
  /** Cards the dashboard shows for this module, below the company's own. */
  dashboardCards?: LazyExoticComponent<ComponentType>;
  /** Who sees the module at all; the server decides what they may do in it. Everyone when absent. */
  permission?: (p: Permissions) => boolean;
  /**
   * Where a record of this module's types opens, for other modules' pages (a ledger line opens
   * its stock move): type → path of the record with that id (ui/record-links.ts).
   */
  recordPaths?: Record<string, (id: string) => string>;
  /** Fetches the module's page code ahead (lazyPage's `preload`s): see preloadModulePages. */
  preload?: () => Promise<unknown>;
}

/**
 * A page whose code is its own bundle: `Page` renders it (loading it on first visit), and
 * `preload` fetches it ahead. Once fetched, the browser keeps the module, so the page opens
 * with the network gone.
 */
export function lazyPage(load: () => Promise<ComponentType>): {
  Page: LazyExoticComponent<ComponentType>;
  preload: () => Promise<unknown>;
} {
  let loading: Promise<ComponentType> | null = null;
  const once = () => {
    loading ??= load();
    // A failed fetch (offline) may be tried again later.
    loading.catch(() => (loading = null));
    return loading;
  };
  return { Page: lazy(async () => ({ default: await once() })), preload: once };
}

/**
 * An offline-first app must open every page without its server: in a browser the page code
 * comes from the web server, which a branch on a bad link loses. So once the window is up,
 * every module's pages are fetched in the background — the first screen does not wait for
 * them, and a page not yet fetched when the link drops is fetched again on the next start.
 */
export function preloadModulePages(modules: readonly LoadedModuleUi[]): Promise<void> {
  return Promise.all(modules.map((m) => m.ui.preload?.().catch(() => undefined))).then(
    () => undefined,
  );
}

/** A module with its UI part loaded. */
export interface LoadedModuleUi {
  name: string;
  ui: ModuleUi;
}

/** Every module's UI part, in navigation order; modules without one (worker only) are left out. */
export async function loadModuleUis(modules: readonly CoreModule[]): Promise<LoadedModuleUi[]> {
  const loaded = await Promise.all(
    modules.map(async (m) => (m.ui ? { name: m.name, ui: (await m.ui()) as ModuleUi } : null)),
  );
  const withUi = loaded.filter((m): m is LoadedModuleUi => m !== null);
  const paths = new Set<string>();
  for (const m of withUi) {
    // Two modules on one address would hide one of them without a word.
    if (paths.has(m.ui.nav.path)) throw new Error(`Two modules use the address ${m.ui.nav.path}`);
    paths.add(m.ui.nav.path);
  }
  return withUi
    .map((m, i) => ({ m, key: m.ui.nav.order ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ m }) => m);
}

/** The modules this user sees (navigation, routes and dashboard cards alike). */
export function visibleModules(
  modules: readonly LoadedModuleUi[],
  permissions: Permissions,
): LoadedModuleUi[] {
  return modules.filter((m) => m.ui.permission?.(permissions) ?? true);
}
