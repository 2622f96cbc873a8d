import type { CatalogEntry, DashboardSummary } from '../rpc/contract';
import { tokenize, type CatalogRow, type IndexDb } from './index-db';

function entry(row: CatalogRow): CatalogEntry {
  const { tokens: _t, readOnly: _r, conflicts: _c, ...rest } = row;
  return rest;
}

/**
 * Reads only the index, never PouchDB. Counts only the small master types it shows: IndexedDB
 * counts a key range by walking it, and a count of a million entries would cost seconds at start.
 */
export async function dashboardSummary(index: IndexDb): Promise<DashboardSummary> {
  const RECENT = 10;
  const dbs = (await index.checkpoints.toArray()).map((c) => c.db);
  const [branches, devices, newest] = await Promise.all([
    index.catalog.where(':id').startsWith('branch:').count(),
    index.catalog.where(':id').startsWith('device:').count(),
    // The newest of each database, merged: a few reads instead of an index on every record.
    Promise.all(
      dbs.map((db) =>
        index.catalog
          .where('[db+updatedAt]')
          .between([db, ''], [db, '\uffff'], true, true)
          .reverse()
          .limit(RECENT)
          .toArray(),
      ),
    ),
  ]);
  const recent = newest
    .flat()
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT);
  return { branches, devices, recent: recent.map(entry) };
}

/** Every word must match the start of a word of the document (type-ahead friendly). */
export async function searchCatalog(
  index: IndexDb,
  text: string,
  limit = 50,
): Promise<CatalogEntry[]> {
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
