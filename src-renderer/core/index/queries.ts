import type { CatalogEntry, DashboardSummary } from '../rpc/contract';
import { tokenize, type CatalogRow, type IndexDb } from './index-db';

function entry(row: CatalogRow): CatalogEntry {
  const { tokens: _t, readOnly: _r, conflicts: _c, ...rest } = row;
  return rest;
}

/** Reads only the index, never PouchDB, so it stays fast however much has synced. */
export async function dashboardSummary(index: IndexDb, types: string[]): Promise<DashboardSummary> {
  const countsByType: Record<string, number> = {};
  for (const t of types) countsByType[t] = await index.catalog.where('type').equals(t).count();
  const recent = await index.catalog.orderBy('updatedAt').reverse().limit(10).toArray();
  return {
    countsByType,
    branches: countsByType.branch ?? 0,
    devices: countsByType.device ?? 0,
    recent: recent.map(entry),
  };
}

/** Every word must match the start of a word of the document (type-ahead friendly). */
export async function searchCatalog(index: IndexDb, text: string, limit = 50): Promise<CatalogEntry[]> {
  // Rows are not indexed by single letters (see searchTokens), so those only narrow the search
  // when nothing longer was typed.
  const all = tokenize(text);
  const longer = all.filter((w) => w.length > 1);
  const words = longer.length > 0 ? longer : all;
  if (words.length === 0) return [];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  // A common word ("sales") can match most of a million records: stop at a bounded number of
  // matches instead of reading them all, and sort only those.
  const matches = await index.catalog
    .where('tokens')
    .startsWith(longest)
    .distinct()
    .filter((row) => words.every((w) => row.tokens.some((t) => t.startsWith(w))))
    .limit(limit * 4)
    .toArray();
  matches.sort((a, b) => a.title.localeCompare(b.title));
  return matches.slice(0, limit).map(entry);
}
