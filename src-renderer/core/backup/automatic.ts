/**
 * Automatic backups before an upgrade. Users of other desktop ledgers have lost their books to
 * an upgrade, so when this build's document schema versions or index signature differ from
 * what was recorded when the company was last opened, the session backs up first, then lets
 * the upgrade run (the projector rebuilds the index), then records what it opened with.
 *
 * The worker keeps these backups in an IndexedDB store of its own (the last few); in Electron
 * the UI hands each one to the main process, which keeps them in a `backups` folder.
 */
import Dexie, { type Table } from 'dexie';
import { MASTER_DB } from '../db/names';
import { readLocal, updateLocal, type PouchEnv } from '../db/pouch';
import type { DexieDeps, IndexDb } from '../index/index-db';
import type { SchemaRegistry } from '../db/schema-registry';
import type { DeviceConfig } from '../org/device-config';
import type { Db } from '../db/pouch';
import { makeBackup, type MadeBackup } from './write-backup';
import type { AutomaticBackupInfo } from './backup-contract';

/** How many automatic backups the worker's own store keeps (Electron's folder keeps its own count). */
export const KEEP_IN_STORE = 3;
/** `_local/` document in master: what this company was last opened with. Not backed up. */
export const OPENED_WITH_DOC = 'outpost-opened-with';

export interface OpenedWith {
  schema: Record<string, number>;
  index: string;
}

interface StoredBackup {
  id?: number;
  createdAt: string;
  name: string;
  orgCode: string;
  bytes: number;
  file: Blob;
}

class BackupStore extends Dexie {
  automatic!: Table<StoredBackup, number>;
  constructor(name: string, deps?: DexieDeps) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : {});
    this.version(1).stores({ automatic: '++id, createdAt' });
  }
}

export interface AutomaticStoreDeps {
  env: PouchEnv;
  dexie?: DexieDeps;
}

async function withStore<T>(
  deps: AutomaticStoreDeps,
  fn: (s: BackupStore) => Promise<T>,
): Promise<T> {
  const store = new BackupStore(`${deps.env.prefix ?? ''}outpost-backups`, deps.dexie);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const info = (b: StoredBackup): AutomaticBackupInfo => ({
  id: b.id!,
  createdAt: b.createdAt,
  name: b.name,
  orgCode: b.orgCode,
  bytes: b.bytes,
});

export function listAutomatic(deps: AutomaticStoreDeps): Promise<AutomaticBackupInfo[]> {
  return withStore(deps, async (s) =>
    (await s.automatic.orderBy('createdAt').reverse().toArray()).map(info),
  );
}

export function readAutomatic(
  deps: AutomaticStoreDeps,
  id: number,
): Promise<{ info: AutomaticBackupInfo; file: Blob } | null> {
  return withStore(deps, async (s) => {
    const b = await s.automatic.get(id);
    return b ? { info: info(b), file: b.file } : null;
  });
}

export function forgetAutomatic(deps: AutomaticStoreDeps, id: number): Promise<void> {
  return withStore(deps, (s) => s.automatic.delete(id));
}

async function keep(deps: AutomaticStoreDeps, made: MadeBackup, orgCode: string): Promise<void> {
  await withStore(deps, async (s) => {
    await s.transaction('rw', s.automatic, async () => {
      await s.automatic.add({
        createdAt: made.summary.createdAt,
        name: made.name,
        orgCode,
        bytes: made.file.size,
        file: made.file,
      });
      const old = await s.automatic
        .orderBy('createdAt')
        .reverse()
        .offset(KEEP_IN_STORE)
        .primaryKeys();
      await s.automatic.bulkDelete(old);
    });
  });
}

export function schemaVersions(registry: SchemaRegistry): Record<string, number> {
  return Object.fromEntries(
    registry
      .types()
      .sort()
      .map((t) => [t, registry.require(t).version]),
  );
}

/** Why an upgrade is due, or null. Nothing recorded and no index yet: a new or restored company. */
export function upgradeDue(
  recorded: OpenedWith | null,
  indexSignature: string | null,
  now: OpenedWith,
): string | null {
  if (recorded) {
    if (recorded.index !== now.index) return 'index';
    if (JSON.stringify(recorded.schema) !== JSON.stringify(now.schema)) return 'schema';
    return null;
  }
  // Opened before by a build that did not record this: back up once to be safe.
  if (indexSignature !== null) return indexSignature === now.index ? 'schema' : 'index';
  return null;
}

export interface UpgradeSession {
  config: DeviceConfig;
  dbs: ReadonlyMap<string, Db>;
  registry: SchemaRegistry;
  index: IndexDb;
}

export interface UpgradeDeps extends AutomaticStoreDeps {
  now(): Date;
}

/**
 * Called by Session.open before the index or anything else starts. A backup that fails is
 * logged and the session still opens (an upgrade never rewrites the documents themselves), but
 * nothing is recorded, so the next start tries again.
 */
export async function backupBeforeUpgrade(
  s: UpgradeSession,
  deps: UpgradeDeps,
): Promise<'taken' | 'not-needed' | 'failed'> {
  const master = s.dbs.get(MASTER_DB);
  if (!master) return 'not-needed';
  const now: OpenedWith = { schema: schemaVersions(s.registry), index: s.index.signature };
  try {
    const recorded = await readLocal<OpenedWith>(master, OPENED_WITH_DOC);
    const indexSignature = await s.index.meta
      .get('signature')
      .then((r) => (typeof r?.value === 'string' ? r.value : null))
      .catch(() => null);
    const due = upgradeDue(recorded, indexSignature, now);
    if (due) {
      const made = await makeBackup({
        config: s.config,
        dbs: s.dbs,
        schema: recorded?.schema ?? {},
        reason: 'before-upgrade',
        now: deps.now,
      });
      await keep(deps, made, s.config.orgCode);
    }
    await updateLocal<OpenedWith>(master, OPENED_WITH_DOC, () => now);
    return due ? 'taken' : 'not-needed';
  } catch (e) {
    console.error('[backup] the automatic backup before an upgrade failed', e);
    return 'failed';
  }
}
