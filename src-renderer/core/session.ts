import { branchDbName, indexDbName, MASTER_DB } from './db/names';
import { openLocalDb, type Db, type PouchEnv } from './db/pouch';
import { Repository, type WriteContext, type WriteListener } from './db/repository';
import { SchemaRegistry } from './db/schema-registry';
import { IndexDb, type DexieDeps } from './index/index-db';
import { Projector } from './index/projector';
import { registerOrgTypes } from './org/doc-types';
import type { DeviceConfig } from './org/device-config';
import type { Branch, Company, Device } from './org/schemas';
import type { CoreEvent } from './rpc/contract';
import { SyncEngine } from './sync/engine';

export function createRegistry(): SchemaRegistry {
  const registry = new SchemaRegistry();
  registerOrgTypes(registry);
  return registry;
}

export interface SessionDeps {
  env: PouchEnv;
  dexie?: DexieDeps;
  emit(event: CoreEvent): void;
  now(): Date;
}

/**
 * Everything that exists once this device belongs to a company: its local databases, the
 * repositories over them, the index and the sync engine. Opened at start-up (or right after
 * first run) and closed as a whole.
 */
export class Session {
  readonly registry = createRegistry();
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
    for (const name of config.databases) this.dbs.set(name, openLocalDb(deps.env, config.orgCode, name));
    this.index = new IndexDb(`${deps.env.prefix ?? ''}${indexDbName(config.orgCode)}`, deps.dexie);
    this.projector = new Projector(this.index, this.registry, this.dbs, {
      changed: (db, types) => deps.emit({ kind: 'changed', db, types }),
      status: (status) => deps.emit({ kind: 'index', status }),
      progress: (done, total, finished) =>
        deps.emit({ kind: 'progress', task: 'index-rebuild', label: 'Rebuilding the index', done, total, finished }),
    });
    this.sync = new SyncEngine({
      env: deps.env,
      orgCode: config.orgCode,
      now: deps.now,
      onStatus: (overview) => deps.emit({ kind: 'sync', overview }),
    });
    const onWrite: WriteListener = (db, docs) => {
      this.sync.markPending(db, docs);
      void this.projector.schedule(db);
    };
    const ctx = (): WriteContext => ({ userName: this.config.userName, deviceId: this.config.deviceId, now: deps.now });
    this.companies = new Repository<Company>(this.master, MASTER_DB, this.registry, 'company', ctx, onWrite);
    this.branches = new Repository<Branch>(this.master, MASTER_DB, this.registry, 'branch', ctx, onWrite);
    this.devices = new Repository<Device>(this.master, MASTER_DB, this.registry, 'device', ctx, onWrite);
  }

  static async open(config: DeviceConfig, deps: SessionDeps): Promise<Session> {
    const s = new Session(config, deps);
    for (const [name, db] of s.dbs) await s.sync.addDatabase(name, db);
    s.projector.start();
    return s;
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
