import type PouchDBCore from 'pouchdb-core';
import { localPouchName } from './names';

/**
 * How this runtime opens PouchDB databases. The worker uses the indexeddb adapter; Node
 * (tests, CLI, benchmarks) uses the memory adapter; both reach the server over http.
 * Everything above this file is runtime-agnostic.
 */
export interface PouchEnv {
  PouchDB: PouchDB.Static;
  localAdapter: 'indexeddb' | 'memory';
  /** Prepended to every local database name, so tests can run several "devices" in one process. */
  prefix?: string;
}

export type Db = PouchDB.Database;

export interface RemoteAuth {
  username: string;
  password: string;
}

export function openLocalDb(env: PouchEnv, orgCode: string, localName: string): Db {
  return new env.PouchDB(`${env.prefix ?? ''}${localPouchName(orgCode, localName)}`, {
    adapter: env.localAdapter,
  });
}

export function openDeviceDb(env: PouchEnv, name: string): Db {
  return new env.PouchDB(`${env.prefix ?? ''}${name}`, { adapter: env.localAdapter });
}

export function remoteUrl(serverUrl: string, remoteName: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(remoteName)}`;
}

/** A remote database handle. `skip_setup` so a device never tries to create server databases. */
export function openRemoteDb(
  env: PouchEnv,
  serverUrl: string,
  remoteName: string,
  auth: RemoteAuth,
): Db {
  return new env.PouchDB(remoteUrl(serverUrl, remoteName), {
    adapter: 'http',
    skip_setup: true,
    auth: { username: auth.username, password: auth.password },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

export type { PouchDBCore };

/** `_local/` documents: never replicated, so per-device state lives there without conflicts. */
export async function readLocal<T extends object>(
  db: Db,
  id: string,
): Promise<(T & { _rev?: string }) | null> {
  try {
    return (await db.get(`_local/${id}`)) as unknown as T & { _rev?: string };
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

/**
 * Read-modify-write of a `_local/` document. Only this device writes it and one worker owns
 * the database, so calls for the same document are queued in memory (a retry loop alone
 * starves under contention); a 409 from another path is still retried rather than lost.
 */
const localQueues = new WeakMap<Db, Map<string, Promise<unknown>>>();

export function updateLocal<T extends object>(
  db: Db,
  id: string,
  update: (current: T | null) => T,
): Promise<T> {
  let queues = localQueues.get(db);
  if (!queues) localQueues.set(db, (queues = new Map()));
  const previous = queues.get(id) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => writeLocal(db, id, update));
  queues.set(id, run);
  void run
    .finally(() => {
      if (queues.get(id) === run) queues.delete(id);
    })
    .catch(() => undefined);
  return run;
}

async function writeLocal<T extends object>(
  db: Db,
  id: string,
  update: (current: T | null) => T,
): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await readLocal<T>(db, id);
    const next = update(current ? stripRev(current) : null);
    try {
      await db.put({
        ...next,
        _id: `_local/${id}`,
        ...(current?._rev ? { _rev: current._rev } : {}),
      });
      return next;
    } catch (e) {
      if ((e as { status?: number }).status !== 409) throw e;
    }
  }
  throw new Error(`Could not update _local/${id} after 5 attempts`);
}

function stripRev<T extends object>(doc: T & { _rev?: string; _id?: string }): T {
  const { _rev: _r, _id: _i, ...rest } = doc;
  return rest as T;
}
