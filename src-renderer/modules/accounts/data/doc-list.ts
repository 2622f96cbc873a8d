import type { IndexDb } from '../../../core/index/index-db';
import { tokenize } from '../../../core/index/index-db';
import { SEARCH_SCAN_LIMIT, type DocListQuery, type DocListResult } from '../rpc-contract';
import { ledgerTables, listRow } from './ledger-rows';

/** Lists read the index: newest first, filtered by status, dates and words, one page at a time. */
export async function listDocs(
  index: IndexDb,
  q: DocListQuery,
  scanLimit = SEARCH_SCAN_LIMIT,
): Promise<DocListResult> {
  const { docs } = ledgerTables(index);
  const from = q.from ?? '';
  const to = q.to ?? '\uffff';
  // Type, status and dates are read straight off an index, so the count and the page cost the
  // same however many documents there are.
  const coll = q.status
    ? docs
        .where('[type+status+date]')
        .between([q.type, q.status, from], [q.type, q.status, to], true, true)
        .reverse()
    : docs.where('[type+date]').between([q.type, from], [q.type, to], true, true).reverse();
  const words = q.text ? tokenize(q.text) : [];
  if (words.length === 0) {
    const total = await coll.clone().count();
    const rows = await coll
      .offset(q.offset ?? 0)
      .limit(q.limit ?? 100)
      .toArray();
    return { rows: rows.map(listRow), total, searchLimited: false };
  }
  const scanned = await coll.limit(scanLimit + 1).toArray();
  const searchLimited = scanned.length > scanLimit;
  const matches = scanned.slice(0, scanLimit).filter((d) => {
    const hay = tokenize(`${d.number} ${d.memo} ${d.reference} ${d.createdBy}`);
    return words.every((w) => hay.some((h) => h.startsWith(w)));
  });
  const offset = q.offset ?? 0;
  return {
    rows: matches.slice(offset, offset + (q.limit ?? 100)).map(listRow),
    total: matches.length,
    searchLimited,
  };
}
