import type { IndexDb } from '../../../core/index/index-db';
import { tokenize } from '../../../core/index/index-db';
import type { DocListQuery, DocListResult } from '../rpc-contract';
import { ledgerTables } from './ledger-projection';

/** Lists read the index: newest first, filtered by status, dates and words, one page at a time. */
export async function listDocs(index: IndexDb, q: DocListQuery): Promise<DocListResult> {
  const { docs } = ledgerTables(index);
  const from = q.from ?? '';
  const to = q.to ?? '\uffff';
  let coll = docs.where('[type+date]').between([q.type, from], [q.type, to], true, true).reverse();
  const words = q.text ? tokenize(q.text) : [];
  if (q.status || words.length) {
    coll = coll.filter((d) => {
      if (q.status && d.status !== q.status) return false;
      if (!words.length) return true;
      const hay = tokenize(`${d.number} ${d.memo} ${d.reference} ${d.createdBy}`);
      return words.every((w) => hay.some((h) => h.startsWith(w)));
    });
  }
  const total = await coll.clone().count();
  const rows = await coll.offset(q.offset ?? 0).limit(q.limit ?? 100).toArray();
  return { rows, total };
}
