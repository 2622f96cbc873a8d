import { use } from 'react';
import { MODULES } from '../modules/registry';
import {
  loadModuleUis,
  preloadModulePages,
  visibleModules,
  type LoadedModuleUi,
} from '../ui/module-ui';
import { usePermissions } from '../client/permissions';

// Loaded once per window: every module's description is small (its pages stay lazy), and one
// promise means the shell, the routes and the dashboard all see the same list.
let loading: Promise<LoadedModuleUi[]> | null = null;

function moduleUis(): Promise<LoadedModuleUi[]> {
  if (!loading) {
    loading = loadModuleUis(MODULES);
    // Every page's code too, in the background: a browser tab must open them offline later.
    void loading.then((all) => preloadModulePages(all)).catch(() => undefined);
  }
  return loading;
}

/** The registry's modules this user sees, in navigation order; suspends until they are loaded. */
export function useModuleUis(): LoadedModuleUi[] {
  const all = use(moduleUis());
  return visibleModules(all, usePermissions());
}
