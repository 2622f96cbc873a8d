import type { DatabaseKind } from './db/kinds';
import type { LocalWrites } from './db/local-writes';
import type { Repository, WriteContext } from './db/repository';
import type { SchemaRegistry } from './db/schema-registry';
import type { IndexDb } from './index/index-db';
import type { DeviceConfig } from './org/device-config';
import type { Branch, Company, DocBase } from './org/schemas';
import type { Db } from './db/pouch';

/**
 * What a module's services get instead of the whole Session (issue 10): repositories that
 * route by id to the database that holds a document, the master-data cache, `settle()`,
 * audit stamps and the one local write path. Nothing here starts or stops sync, opens
 * databases or reads another module's tables.
 */
export interface ModuleContext {
  /** Who and where: company, branch, device, the name on records, the signed-in user. */
  readonly config: Readonly<DeviceConfig>;
  readonly registry: SchemaRegistry;
  /** The index (each module reads its own projection's tables). */
  readonly index: IndexDb;
  /** Every local write goes through it; it tells the sync engine and the index. */
  readonly writes: LocalWrites;
  /** Audit stamps of the next write: who, which device, when; the base currency. */
  writeContext(): WriteContext;
  company(): Promise<Company>;
  branchList(): Promise<Branch[]>;

  /** The database of a kind this device books into: 'branch' → 'branch-nyc', 'master' → 'master'. */
  homeDb(kind?: string): string;
  /** Logical name of the branch database this device books into. */
  readonly homeBranchDbName: string;
  /** The databases of a kind this device holds (head office: every branch's). */
  heldDbs(kind: string): string[];
  /** The database of a kind for a branch, if this device holds it. */
  dbFor(kind: DatabaseKind | string, branchCode?: string): string | null;
  /** Raw PouchDB access for number series and posted-leaf reads (writes go through `writes`). */
  pouch(db: string): Db;

  /** A repository of one document type over one held database. */
  repository<T extends DocBase>(db: string, type: string): Repository<T>;
  /**
   * The held database that holds document `id` (its own branch first, then the index's
   * catalogue, then every held database of its type's kind), or null when none does.
   */
  locate(id: string): Promise<string | null>;
  /** Document `id` as every device sees it (a posted leaf wins), read from the database `locate` finds. */
  read(id: string): Promise<{ db: string; doc: Record<string, unknown> & { _rev: string } } | null>;
  /** The repository of `type` over whichever held database holds `id`: opening another branch's record. */
  repositoryOf<T extends DocBase>(id: string, type: string): Promise<Repository<T>>;

  /** Master data read on every save, cached until master changes. */
  cachedMaster<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * Resolves once every write so far (local and replicated) is in the projections, which is
   * all a module's queries read. The search catalog of a bulk catch-up (an import) may still
   * be on its way (core/index/catalog-queue.ts); core's search waits for it.
   */
  settle(): Promise<void>;
}
