import { readChangesBatch } from '../db/changes-batch';
import type { Db } from '../db/pouch';
import type { SchemaRegistry } from '../db/schema-registry';
import { prepareBatch } from './batch';
import { lagKey } from './catalog-queue';
import type { IndexDb } from './index-db';

/**
 * Makes good a catalog that a bulk catch-up left behind when the app stopped before its queued
 * rows were written (catalog-queue.ts): the database's changes are read again from where the
 * lag began, and every document's current catalog row is written. Reading to the end of the
 * feed writes rows the projections have not reached yet; their own catch-up writes them again,
 * the same. The lag row goes in the transaction of the last rows.
 */
export async function recoverCatalog(
  index: IndexDb,
  registry: SchemaRegistry,
  name: string,
  db: Db,
  size: number,
): Promise<void> {
  const lag = await index.meta.get(lagKey(name));
  if (!lag) return;
  let since = lag.value as string | number;
  for (;;) {
    const res = await readChangesBatch(db, since, size);
    const { puts, deletes } = await prepareBatch(registry, name, db, res.results);
    const last = res.results.length < size;
    await index.transaction('rw', index.catalog, index.meta, async () => {
      if (deletes.length) await index.catalog.bulkDelete(deletes);
      if (puts.length) await index.catalog.bulkPut(puts);
      if (last) await index.meta.delete(lagKey(name));
    });
    if (last) return;
    since = res.last_seq;
  }
}
