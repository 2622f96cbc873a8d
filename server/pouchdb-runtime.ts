import { chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { installPasswordHashing } from './pouchdb-passwords';

/**
 * Loads pouchdb-server 4.2.0's building blocks (express-pouchdb and the PouchDB 7 it was
 * built against). They are CommonJS without types, so this is the one place that touches
 * `require` and `any`-shaped objects; everything else sees the small interfaces below.
 *
 * We resolve from pouchdb-server's own folder so we get its PouchDB 7 (the app itself uses
 * PouchDB 9, whose plugins express-pouchdb was never tested with).
 */
const requireHere = createRequire(import.meta.url);
const requireFromServer = createRequire(requireHere.resolve('pouchdb-server/package.json'));

export type Next = (err?: unknown) => void;
export type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** The part of express we use for the outer app. */
export interface ExpressApp {
  (req: IncomingMessage, res: ServerResponse, next?: Next): void;
  use(handler: Handler): ExpressApp;
  disable(setting: string): void;
}

/** express-pouchdb's CouchDB-style config (what /_config reads and writes). */
export interface CouchConfig {
  get(section: string, key: string): unknown;
  set(section: string, key: string, value: unknown, cb: (err?: unknown) => void): void;
  on(event: string, listener: () => void): void;
}

export interface PouchDbInstance {
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchDbClass {
  allDbs(): Promise<string[]>;
  destroy(name: string): Promise<void>;
  __dbCacheMap?: { forEach(cb: (db: PouchDbInstance, name: string) => void): void };
}

export interface ExpressPouchApp extends Handler {
  couchConfig: CouchConfig;
  couchLogger: unknown;
  setPouchDB(PouchDB: PouchDbClass): Promise<void>;
}

interface RawPouchDB extends PouchDbClass {
  plugin(plugin: unknown): RawPouchDB;
  defaults(opts: Record<string, unknown>): PouchDbClass;
}

export function createExpress(): ExpressApp {
  const express = requireFromServer('express') as () => ExpressApp;
  return express();
}

export interface PouchAppOptions {
  configPath: string;
  logPath: string;
  inMemoryConfig: boolean;
  /** PBKDF2 iterations for admin passwords set through `/_config`. */
  passwordIterations: number;
}

type SaveFn = (this: unknown, cb?: (err?: unknown) => void) => void;
let savesSerialized = false;

/**
 * express-pouchdb's config object saves by writing `.config.json` and renaming it over
 * `config.json`. Two saves in flight (its constructor re-saves an existing file while we set
 * the admin) share that temp file, so one rename fails with ENOENT or an older version wins.
 * We queue saves one after another, process-wide, by patching the (unexported) class once.
 */
function serializeConfigSaves(): void {
  if (savesSerialized) return;
  savesSerialized = true;
  const install = requireFromServer('express-pouchdb/lib/config-infrastructure') as (
    app: object,
  ) => void;
  const probe: { opts: object; couchConfig?: object } = { opts: { inMemoryConfig: true } };
  install(probe);
  const proto = Object.getPrototypeOf(probe.couchConfig) as { _save: SaveFn };
  const original = proto._save;
  let queue = Promise.resolve();
  proto._save = function (this: unknown, cb?: (err?: unknown) => void) {
    queue = queue.then(
      () =>
        new Promise<void>((done) => {
          original.call(this, (err?: unknown) => {
            // It writes a temp file with the default mode and renames it over config.json
            // (which holds the cookie secret and admin hash): back to owner-only every time.
            const file = (this as { _file?: string | null })._file;
            if (file && !err) chmodQuietly(file, 0o600);
            done();
            if (typeof cb === 'function') cb(err);
          });
        }),
    );
  };
}

function chmodQuietly(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // not there (yet): the next save or start sets it
  }
}

export { passwordChecker } from './pouchdb-passwords';

export function createExpressPouchApp(opts: PouchAppOptions): ExpressPouchApp {
  serializeConfigSaves();
  installPasswordHashing(opts.passwordIterations);
  const expressPouchDB = requireFromServer('express-pouchdb') as (
    o: Record<string, unknown>,
  ) => ExpressPouchApp;
  return expressPouchDB({
    configPath: opts.configPath,
    logPath: opts.logPath,
    inMemoryConfig: opts.inMemoryConfig,
    // pouchdb-validation only runs validate_doc_update for some write paths (not for
    // replication's new_edits:false). Our own guard runs it for all of them, so the
    // half-working built-in one is switched off rather than running twice.
    //
    // Server-side replication (_replicate, _replicator) is off: it writes into databases
    // from inside the process, past our guard, and nothing in Outpost uses it.
    overrideMode: { exclude: ['validation', 'replicator', 'routes/replicate'] },
  });
}

let basePouchDB: RawPouchDB | null = null;

/** pouchdb-core is a process-wide singleton and some plugins refuse to be added twice. */
function pouchDBWithPlugins(): RawPouchDB {
  if (!basePouchDB) {
    const core = requireFromServer('pouchdb-core') as RawPouchDB;
    basePouchDB = core
      .plugin(requireFromServer('pouchdb-adapter-http'))
      .plugin(requireFromServer('pouchdb-replication'))
      .plugin(requireFromServer('pouchdb-mapreduce'))
      .plugin(requireFromServer('pouchdb-adapter-memory'))
      .plugin(requireFromServer('pouchdb-adapter-leveldb'));
  }
  return basePouchDB;
}

/**
 * A PouchDB class for the server's databases. `prefix` keeps databases apart: a folder for
 * LevelDB, or a unique name space for the in-memory adapter (whose store is process-global,
 * so two test servers in one process would otherwise share databases).
 */
export function createServerPouchDB(opts: { inMemory: boolean; prefix: string }): PouchDbClass {
  return pouchDBWithPlugins().defaults({
    prefix: opts.prefix,
    adapter: opts.inMemory ? 'memory' : 'leveldb',
  });
}
