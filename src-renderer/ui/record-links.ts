import { createContext, useContext } from 'react';
import type { LoadedModuleUi } from './module-ui';

/**
 * Where a record opens, whatever module owns its type: a ledger line of a stock move opens the
 * move in Inventory, though the general ledger is Accounts' page and names no other module.
 * Each module lists its own types' pages (`ModuleUi.recordPaths`); the app joins them here.
 */
export type RecordPath = (type: string, id: string) => string | null;

export const RecordLinks = createContext<RecordPath>(() => null);

/** The app's record paths (none outside the app, e.g. in a page's own test). */
export function useRecordPath(): RecordPath {
  return useContext(RecordLinks);
}

/** One lookup over every module's `recordPaths`. */
export function recordPathsOf(modules: readonly LoadedModuleUi[]): RecordPath {
  const byType = new Map<string, (id: string) => string>();
  for (const m of modules)
    for (const [type, path] of Object.entries(m.ui.recordPaths ?? {})) byType.set(type, path);
  return (type, id) => byType.get(type)?.(id) ?? null;
}
