import Dexie, { type Table } from 'dexie';
import type { CatalogEntry } from '../rpc/contract';
import type { SchemaRegistry } from '../db/schema-registry';
import type { DerivedPosting, DerivedPostings } from '../postings/derived';

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
  /**
   * Number of conflicting revisions (drafts and master data only can have them). Absent when
   * there are none: IndexedDB leaves rows without the key out of the index, so the conflicts
   * index holds only the few conflicted documents instead of one entry per record.
   */
  conflicts?: number;
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

// Every index entry costs a write per record at a million records: queries by database use
// the [db+updatedAt] compound (its prefix), so there is no separate `db` index; records of a
// type are found by their id prefix (`branch:…`), and the most recent by merging each
// database's newest from [db+updatedAt], so there is no `type` or `updatedAt` index either.
const CORE_STORES = {
  catalog: 'id, conflicts, *tokens, [db+updatedAt]',
  checkpoints: 'db',
  meta: 'key',
};

/**
 * Bump when any store definition changes. The index is disposable, so an upgrade simply
 * clears every table (see Projector.start) and the projections rebuild from PouchDB.
 */
export const INDEX_SCHEMA_VERSION = 12;

export class IndexDb extends Dexie {
  catalog!: Table<CatalogRow, string>;
  checkpoints!: Table<CheckpointRow, string>;
  meta!: Table<MetaRow, string>;
  /** Identifies the set of stores, so a projection added later triggers a rebuild. */
  readonly signature: string;

  /** `moduleStores`: the tables projections of modules add (e.g. the ledger). */
  constructor(name: string, deps?: DexieDeps, moduleStores: Record<string, string> = {}) {
    // Relaxed durability: the index is disposable and each batch's checkpoint commits with its
    // rows, so a commit lost in a power cut is simply projected again from PouchDB.
    super(name, {
      chromeTransactionDurability: 'relaxed',
      ...(deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : {}),
    });
    const stores = { ...CORE_STORES, ...moduleStores };
    this.version(INDEX_SCHEMA_VERSION).stores(stores);
    // The version is part of the signature so a change in what rows hold (not only in the
    // stores) also starts the index afresh.
    this.signature = JSON.stringify({ version: INDEX_SCHEMA_VERSION, stores });
  }
}

export interface ProjectedChange {
  id: string;
  type: string;
  doc: Record<string, unknown> | null;
  /**
   * The document's only revision ever (a first revision, no other leaf, live or deleted): it
   * cannot have contributed anything yet, so a projection may skip looking up its old rows.
   * A first revision is not enough: a posted `1-` leaf is projected again when a forged
   * sibling is removed (DESIGN §10).
   */
  fresh?: boolean;
}

/** A projection of a module: keeps its own tables in step with the documents it reads. */
export interface Projection {
  /** Dexie store definitions this projection owns. */
  stores: Record<string, string>;
  /**
   * Applies one batch of changes, inside the same Dexie transaction as the catalog rows and
   * the checkpoint. `doc` is null for deletions. It must first remove what the document
   * contributed before, so replaying a change (or a replicated edit of a draft) never
   * double-counts.
   */
  apply(
    index: IndexDb,
    db: string,
    changes: ProjectedChange[],
    ctx: ProjectionContext,
  ): Promise<void>;
  /**
   * Takes the batch's derived postings (core/postings/derived.ts), after every projection's
   * `apply`, in the same transaction: the projection that keeps the ledger implements it.
   */
  applyDerived?(index: IndexDb, postings: DerivedPosting[]): Promise<void>;
}

/** What a projection may read besides the changes: the registry (e.g. which types post to the ledger). */
export interface ProjectionContext {
  registry: SchemaRegistry;
  /** Where a projection hands the postings it works out (a stock move's value). */
  derived: DerivedPostings;
  /**
   * Which database holds each of these documents, as the catalog says once the rows of a bulk
   * catch-up still queued are written (core/index/catalog-queue.ts). Absent: read the catalog.
   */
  dbOf?(ids: readonly string[]): Promise<Map<string, string>>;
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

/**
 * The words a catalog row is found by. Single letters are left out: they are in nearly every
 * number (`NYC-A-JE-…`), so as index entries they cost a write per record and narrow nothing;
 * a search for a single letter still finds longer words that start with it.
 */
export function searchTokens(text: string): string[] {
  return tokenize(text).filter((w) => w.length > 1);
}
