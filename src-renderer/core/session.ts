import { branchDbName, indexDbName, MASTER_DB } from './db/names';
import { openLocalDb, type Db, type PouchEnv } from './db/pouch';
import { Repository, type WriteContext } from './db/repository';
import { typeOfId } from './ids';
import { LocalWrites } from './db/local-writes';
import { createRegistry } from './app-registry';
import { IndexDb, type DexieDeps } from './index/index-db';
import { Projector } from './index/projector';
import { maySync, type DeviceConfig } from './org/device-config';
import {
  CORE_KINDS,
  databaseName,
  deviceHolds,
  parseDatabaseName,
  type DatabaseKind,
} from './db/kinds';
import type { ModuleContext } from './module-context';
import { readAsSeen } from './db/posted-leaf';
import type { Branch, Company, Device, DocBase } from './org/schemas';
import { databaseKinds, type LoadedModule } from './module';
import { OutpostError } from './errors';
import type { SchemaRegistry } from './db/schema-registry';
import type { CoreEvent } from './rpc/contract';
import { SyncEngine } from './sync/engine';
import type { ConnectionDeps } from './sync/connection';
import { correctForgeries } from './conflicts/forgery-service';

export { createRegistry } from './app-registry';

export interface SessionDeps {
  env: PouchEnv;
  dexie?: DexieDeps;
  emit(event: CoreEvent): void;
  now(): Date;
  /** The modules this build includes, their worker parts loaded (createCore loads them). */
  modules?: readonly LoadedModule[];
  /** Persists the device configuration when the session changes it (databases added). */
  saveConfig?(config: DeviceConfig): Promise<void>;
  /** How the sync engine asks the server whether it is there (fetch, origin for CORS advice). */
  connection?: ConnectionDeps;
  /** The sync server answered again: the signed-in user's current roles (sync/adopt-user.ts). */
  onSessionUser?(user: { name: string; roles: string[] }): void;
}

/**
 * Everything that exists once this device belongs to a company: its local databases, the
 * repositories over them, the index and the sync engine. Opened at start-up (or right after
 * first run) and closed as a whole.
 */
export class Session implements ModuleContext {
  readonly registry: SchemaRegistry;
  /** Every database kind: core's and the modules'. */
  readonly kinds: readonly DatabaseKind[];
  readonly dbs = new Map<string, Db>();
  readonly index: IndexDb;
  readonly projector: Projector;
  readonly sync: SyncEngine;
  readonly companies: Repository<Company>;
  readonly branches: Repository<Branch>;
  readonly devices: Repository<Device>;

  private constructor(
    public config: DeviceConfig,
    private readonly deps: SessionDeps,
  ) {
    const modules = deps.modules ?? [];
    this.registry = createRegistry(modules.map((m) => m.module));
    this.kinds = databaseKinds(
      CORE_KINDS,
      modules.map((m) => m.module),
    );
    for (const name of config.databases)
      this.dbs.set(name, openLocalDb(deps.env, config.orgCode, name));
    const projections = modules.flatMap((m) => m.worker.projections);
    const stores = Object.assign({}, ...projections.map((p) => p.stores)) as Record<string, string>;
    this.index = new IndexDb(
      `${deps.env.prefix ?? ''}${indexDbName(config.orgCode)}`,
      deps.dexie,
      stores,
    );
    this.projector = new Projector(
      this.index,
      this.registry,
      this.dbs,
      {
        changed: (db, types, conflicts) => {
          if (db === MASTER_DB) this.masterVersion++;
          // A branch added at head office: a head-office device starts holding and syncing it.
          if (db === MASTER_DB && types.includes('branch'))
            void this.reconcileDatabases().catch(() => undefined);
          deps.emit({ kind: 'changed', db, types, ...(conflicts ? { conflicts } : {}) });
        },
        status: (status) => deps.emit({ kind: 'index', status }),
        progress: (done, total, finished) =>
          deps.emit({
            kind: 'progress',
            task: 'index-rebuild',
            label: 'Rebuilding the index',
            done,
            total,
            finished,
          }),
        catchUpProgress: (done, total, finished) =>
          deps.emit({
            kind: 'progress',
            task: 'index-catch-up',
            label: 'Updating reports',
            done,
            total,
            finished,
          }),
        // A forged change of a posted record: corrected at once where this user may (DESIGN §10).
        forged: (db, ids) => void correctForgeries(this, db, ids),
      },
      projections,
    );
    this.sync = new SyncEngine({
      env: deps.env,
      orgCode: config.orgCode,
      writes: this.writes,
      now: deps.now,
      onStatus: (overview) => deps.emit({ kind: 'sync', overview }),
      connection: deps.connection,
      onSessionUser: (user) => deps.onSessionUser?.(user),
      onPulled: (db) => this.projector.later(db),
    });
    this.writes.subscribe((event) => {
      if (event.phase !== 'after') return;
      if (event.db === MASTER_DB) this.masterVersion++;
      // Registered now, so a settle() right after this write waits for it to be indexed.
      this.projector.later(event.db);
    });
    const ctx = (): WriteContext => ({
      userName: this.config.userName,
      deviceId: this.config.deviceId,
      now: deps.now,
      baseCurrency: this.baseCurrency,
    });
    this.writeContext = ctx;
    this.companies = this.repository<Company>(MASTER_DB, 'company');
    this.branches = this.repository<Branch>(MASTER_DB, 'branch');
    this.devices = this.repository<Device>(MASTER_DB, 'device');
  }

  /** Bumped by every local or replicated change of master data; keys the master-data cache. */
  private masterVersion = 0;
  private readonly masterCache = new Map<string, { version: number; value: Promise<unknown> }>();

  /**
   * Master data (chart, tax codes, settings) read on every save: cached until master changes,
   * so a clerk's save does not re-read the chart each time.
   */
  cachedMaster<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.masterCache.get(key);
    if (hit && hit.version === this.masterVersion) return hit.value as Promise<T>;
    const value = load();
    this.masterCache.set(key, { version: this.masterVersion, value });
    value.catch(() => this.masterCache.delete(key));
    return value;
  }

  /** The one local write path: the sync engine counts each write pending, the index catches up. */
  readonly writes = new LocalWrites();
  /** Set when the session opens (a company's base currency never changes). */
  baseCurrency = 'USD';

  readonly writeContext: () => WriteContext;

  /** A repository of one document type over one of this device's databases. */
  repository<T extends DocBase>(dbName: string, type: string): Repository<T> {
    const db = this.dbs.get(dbName);
    if (!db) throw new OutpostError('state', `This device does not hold the ${dbName} database.`);
    return new Repository<T>(db, dbName, this.registry, type, this.writeContext, this.writes);
  }

  /** Logical name of the branch database this device books into. */
  get homeBranchDbName(): string {
    return branchDbName(this.config.branchCode);
  }

  // ── The module context (core/module-context.ts) ────────────────────────────

  homeDb(kind = 'branch'): string {
    const k = this.kind(kind);
    return databaseName(k, this.config.branchCode);
  }

  heldDbs(kind: string): string[] {
    return [...this.dbs.keys()].filter(
      (name) => parseDatabaseName(this.kinds, name)?.kind.kind === kind,
    );
  }

  dbFor(kind: DatabaseKind | string, branchCode?: string): string | null {
    const k = typeof kind === 'string' ? this.kind(kind) : kind;
    const name = databaseName(
      k,
      k.scope === 'branch' ? (branchCode ?? this.config.branchCode) : undefined,
    );
    return this.dbs.has(name) ? name : null;
  }

  pouch(db: string): Db {
    const found = this.dbs.get(db);
    if (!found) throw new OutpostError('state', `This device does not hold the ${db} database.`);
    return found;
  }

  async branchList(): Promise<Branch[]> {
    return this.branches.list();
  }

  async read(
    id: string,
  ): Promise<{ db: string; doc: Record<string, unknown> & { _rev: string } } | null> {
    const home = this.registry.get(typeOfId(id) ?? '')?.home ?? 'branch';
    const candidates = this.heldDbs(home);
    const own = this.dbFor(home);
    // The index knows where it saw the document; a record just written may not be there yet.
    const seen = (await this.index.catalog.get(id).catch(() => undefined))?.db;
    const order = [
      ...new Set([own, seen, ...candidates].filter((d): d is string => !!d && this.dbs.has(d))),
    ];
    for (const db of order) {
      const seenHere = await readAsSeen(this.dbs.get(db)!, id).catch(() => null);
      if (seenHere) return { db, doc: seenHere.doc };
    }
    return null;
  }

  async locate(id: string): Promise<string | null> {
    return (await this.read(id))?.db ?? null;
  }

  async repositoryOf<T extends DocBase>(id: string, type: string): Promise<Repository<T>> {
    const db = await this.locate(id);
    if (!db)
      throw new OutpostError(
        'not-found',
        `That ${this.registry.words(type)} is not on this device.`,
      );
    return this.repository<T>(db, type);
  }

  /** What module queries wait for: the projections (a bulk catch-up's catalog may follow). */
  settle(): Promise<void> {
    return this.projector.settleProjections();
  }

  private kind(kind: string): DatabaseKind {
    const k = this.kinds.find((x) => x.kind === kind);
    if (!k) throw new OutpostError('internal', `There is no database kind "${kind}".`);
    return k;
  }

  static async open(config: DeviceConfig, deps: SessionDeps): Promise<Session> {
    const s = new Session(config, deps);
    await (await import('./backup/automatic')).backupBeforeUpgrade(s, deps); // before the index or sync touch anything
    s.baseCurrency = (await s.company().catch(() => null))?.baseCurrency ?? s.baseCurrency;
    for (const [name, db] of s.dbs) await s.sync.addDatabase(name, db);
    s.projector.start();
    await s.reconcileDatabases();
    return s;
  }

  /**
   * The databases this device should hold: master and its own branch, plus every branch when
   * the signed-in user is head office or an administrator (DESIGN §2), or the user's own
   * branches (a clerk of another branch on a shared desktop). New ones are opened, indexed and
   * synced; nothing is ever closed here, so no local data is dropped. A held database the
   * signed-in user may not use stops syncing and keeps its records (`applySyncScope`).
   */
  async reconcileDatabases(): Promise<string[]> {
    const user = this.config.user;
    const wanted = new Set([MASTER_DB, branchDbName(this.config.branchCode)]);
    // A kind no registered type lives in stays on the server only: nothing here would write to it.
    const used = new Set([
      'master',
      'branch',
      ...this.registry.types().map((t) => this.registry.require(t).home),
    ]);
    const branches = (await this.branches.list()).filter((b) => !b.archived);
    const neverUsedAServer =
      !this.config.server && !this.config.lastServerUrl && !this.config.signedOut;
    for (const kind of this.kinds) {
      if (!used.has(kind.kind)) continue;
      const scopes = kind.scope === 'company' ? [null] : branches.map((b) => b.code);
      for (const branch of scopes) {
        if (deviceHolds(kind, branch, user, this.config.branchCode, neverUsedAServer))
          wanted.add(databaseName(kind, branch ?? undefined));
      }
    }
    const added: string[] = [];
    for (const name of wanted) {
      if (this.dbs.has(name)) continue;
      const db = openLocalDb(this.deps.env, this.config.orgCode, name);
      this.dbs.set(name, db);
      this.projector.addSource(name, db);
      await this.sync.addDatabase(name, db);
      added.push(name);
    }
    if (added.length) {
      this.config = { ...this.config, databases: [...this.dbs.keys()] };
      await this.deps.saveConfig?.(this.config);
    }
    this.applySyncScope();
    return added;
  }

  /** Databases held here that the signed-in user's rights do not cover wait instead of syncing. */
  applySyncScope(): void {
    const user = this.config.user ?? null;
    const held = [...this.dbs.keys()].filter((db) => !maySync(user, db, this.kinds));
    this.sync.holdBack(held, user?.name ?? null);
  }

  get master(): Db {
    return this.dbs.get(MASTER_DB)!;
  }

  get homeBranchDb(): Db {
    return this.dbs.get(branchDbName(this.config.branchCode))!;
  }

  async company(): Promise<Company> {
    return this.companies.get(this.config.companyId);
  }

  async close(): Promise<void> {
    await this.sync.close();
    await this.projector.close();
    this.index.close();
    await Promise.all([...this.dbs.values()].map((db) => db.close().catch(() => undefined)));
  }
}
