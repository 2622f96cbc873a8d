import type { IndexDb } from '../index/index-db';

/** A document id such as `party:01M8SP…` or `device:01M8…`: a type, a colon, a ULID. */
const REFERENCE = /^[a-zA-Z]+:[0-9A-HJKMNP-TV-Z]{26}$/;

function collect(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (REFERENCE.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collect(v, into);
  }
}

/**
 * The catalogue's title of every record the versions point to (the customer of a draft
 * invoice, the device that made it), so the Conflicts page shows names, never raw ids.
 * Ids the index does not know are left out; the page then shows them as they are.
 */
export async function referenceLabels(
  index: Pick<IndexDb, 'catalog'>,
  docs: readonly Record<string, unknown>[],
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const d of docs) collect(d, ids);
  if (ids.size === 0) return {};
  const rows = await index.catalog.bulkGet([...ids]);
  const out: Record<string, string> = {};
  for (const r of rows) if (r?.title) out[r.id] = r.title;
  return out;
}
