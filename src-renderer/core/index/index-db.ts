import Dexie, { type Table } from 'dexie';
import type { CatalogEntry } from '../rpc/contract';

/**
 * The Dexie index (DESIGN §4): what lists, search and dashboards read. Disposable: every row
 * is derived from PouchDB and can be rebuilt. Each source database's checkpoint lives in
 * `checkpoints` and is written in the same transaction as the rows it covers.
 */
export interface CatalogRow extends CatalogEntry {
  /** Lower-case words and their prefixes are matched by search. */
  tokens: string[];
  /** Written by a newer Outpost or not readable by this one. */
  readOnly: boolean;
  /** Number of conflicting revisions (drafts and master data only can have them). */
  conflicts: number;
}

export interface CheckpointRow {
  db: string;
  seq: string | number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface DexieDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class IndexDb extends Dexie {
  catalog!: Table<CatalogRow, string>;
  checkpoints!: Table<CheckpointRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string, deps?: DexieDeps) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores({
      catalog: 'id, db, type, updatedAt, *tokens',
      checkpoints: 'db',
      meta: 'key',
    });
  }
}

export function tokenize(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}
