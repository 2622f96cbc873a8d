import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { corsMiddleware, parseOriginList } from './cors';
import { DbFactsStore } from './db-facts';
import { accessGuard } from './guard';
import { jsonErrorHandler } from './json-errors';
import {
  createExpress,
  createExpressPouchApp,
  createServerPouchDB,
  passwordChecker,
} from './pouchdb-runtime';
import type { CouchConfig, PouchDbClass } from './pouchdb-runtime';
import { SessionResolver } from './session';
import { DEFAULT_LIMITS, limitsMiddleware } from './limits';
import type { Limits } from './limits';
import { AuthThrottle, DEFAULT_THROTTLE } from './auth-throttle';
import type { ThrottleSettings } from './auth-throttle';
import { DEFAULT_PASSWORD_ITERATIONS } from './password-hash';
import { InternalAuth, signInGuard } from './sign-in';

/**
 * The Outpost sync server: pouchdb-server 4.2.0's express-pouchdb, in this process, behind
 * our CORS and access-guard middlewares. Clients see a CouchDB-compatible HTTP API.
 */

export interface SyncServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder for databases, config.json and log.txt. Ignored when inMemory. */
  dataDir?: string;
  /** Keep everything in memory (tests); nothing touches the disk except a temp log file. */
  inMemory?: boolean;
  admin: { username: string; password: string };
  /** Extra origins allowed by CORS, besides loopback and app://outpost. */
  corsOrigins?: string[];
  /** Body size limits (see server/limits.ts); unset ones keep their defaults. */
  limits?: Partial<Limits>;
  /** Sign-in lockout (see server/auth-throttle.ts); unset ones keep CouchDB's defaults. */
  throttle?: Partial<ThrottleSettings>;
  /**
   * PBKDF2-SHA256 iterations for new and changed passwords. Default 600,000 (CouchDB 3.4's);
   * in-memory servers, which only tests start, default to 1,000 so suites stay fast.
   */
  passwordIterations?: number;
}

/** See SyncServerOptions.passwordIterations. */
export const IN_MEMORY_PASSWORD_ITERATIONS = 1_000;

export interface SyncServer {
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.sync-server-data';

export async function startSyncServer(opts: SyncServerOptions): Promise<SyncServer> {
  const host = opts.host ?? '127.0.0.1';
  const inMemory = opts.inMemory ?? false;

  // pouchdb-server writes config.json and log.txt into the working directory unless told
  // otherwise; keep them with the data (or in a temp folder for in-memory servers).
  const tempDir = inMemory ? mkdtempSync(join(tmpdir(), 'outpost-sync-')) : null;
  const dataDir = resolve(tempDir ?? opts.dataDir ?? DEFAULT_DATA_DIR);
  const dbDir = join(dataDir, 'db');
  const logPath = join(dataDir, 'log.txt');
  if (!inMemory) mkdirSync(dbDir, { recursive: true, mode: 0o700 });
  const passwordIterations =
    opts.passwordIterations ??
    (inMemory ? IN_MEMORY_PASSWORD_ITERATIONS : DEFAULT_PASSWORD_ITERATIONS);

  const pouchApp = createExpressPouchApp({
    configPath: join(dataDir, 'config.json'),
    logPath,
    inMemoryConfig: inMemory,
    passwordIterations,
  });
  const config = pouchApp.couchConfig;
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const throttleSettings: ThrottleSettings = { ...DEFAULT_THROTTLE, ...opts.throttle };
  await configure(config, opts, inMemory, passwordIterations);
  // The folder holds the cookie secret, password hashes and every database: its owner only.
  // (config.json itself is re-set to 0600 after every save, in pouchdb-runtime.ts.)
  if (!inMemory) ownerOnly(dataDir, dbDir, logPath);

  const PouchDB = createServerPouchDB({
    inMemory,
    // The memory adapter's store is shared by the whole process: a unique prefix keeps two
    // test servers apart. On disk the prefix is the database folder.
    prefix: inMemory ? `outpost-mem-${randomBytes(6).toString('hex')}-` : dbDir + sep,
  });
  emptyWhenCancelled(PouchDB);
  await pouchApp.setPouchDB(PouchDB);

  let baseUrl = '';
  const self = () => baseUrl;
  const internal = new InternalAuth(opts.admin);
  const sessions = new SessionResolver(self, internal.token);
  const facts = new DbFactsStore(self, internal.header);

  const app = createExpress();
  app.disable('x-powered-by');
  app.use(
    corsMiddleware(() => [
      ...(opts.corsOrigins ?? []),
      ...parseOriginList(config.get('cors', 'origins')),
    ]),
  );
  // Passwords are checked (and wrong ones counted) first; limits come before the guard,
  // because it parses bodies to validate them.
  app.use(
    signInGuard({
      throttle: new AuthThrottle(() => throttleSettings),
      internal,
      checkPassword: passwordChecker(pouchApp, PouchDB),
      maxBodySize: () => limits.maxAnonymousBodySize,
    }),
  );
  app.use(limitsMiddleware(() => limits, sessions));
  app.use(accessGuard({ sessions, facts }));
  app.use(pouchApp);
  app.use(jsonErrorHandler); // never an HTML stack trace to a client

  const server = createServer(app);
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 5984, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closed = false;
  return {
    url: baseUrl,
    async close() {
      if (closed) return;
      closed = true;
      // Long-poll `_changes` requests would keep close() waiting: drop open sockets.
      const done = new Promise<void>((ok) => server.close(() => ok()));
      for (const s of sockets) s.destroy();
      await done;
      await closeDatabases(PouchDB, inMemory);
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** Server admin, a stable cookie secret, and nothing else: the rest is provisioning's job. */
async function configure(
  config: CouchConfig,
  opts: SyncServerOptions,
  inMemory: boolean,
  passwordIterations: number,
): Promise<void> {
  const set = (section: string, key: string, value: unknown) =>
    new Promise<void>((ok, fail) =>
      config.set(section, key, value, (err) => (err ? fail(err) : ok())),
    );
  // Re-set on every start: the config file stores only a hash, and the operator may have
  // changed the password on the command line. express-pouchdb hashes it when saving.
  await set('couch_httpd_auth', 'iterations', passwordIterations);
  await set('admins', opts.admin.username, opts.admin.password);
  // Without a stored secret every restart would sign everyone's AuthSession cookie out.
  if (!inMemory && !config.get('couch_httpd_auth', 'secret_persisted')) {
    await set('couch_httpd_auth', 'secret', randomBytes(16).toString('hex'));
    await set('couch_httpd_auth', 'secret_persisted', true);
  }
}

function ownerOnly(dataDir: string, dbDir: string, logPath: string): void {
  chmodSync(dataDir, 0o700);
  chmodSync(dbDir, 0o700);
  closeSync(openSync(logPath, 'a', 0o600));
  chmodSync(logPath, 0o600);
  chmodSync(join(dataDir, 'config.json'), 0o600);
}

/**
 * A one-shot (not live) changes feed cancelled because the server closed its database while a
 * request was still on its way through the middleware answers as an empty page. express-pouchdb's
 * `_changes` route reads `results` of the outcome, and a cancelled feed resolves
 * `{ status: 'cancelled' }`, so it threw outside any handler (an unhandled rejection that failed
 * CI runs at test teardown). Live feeds are left alone: they end by being cancelled.
 */
function emptyWhenCancelled(PouchDB: PouchDbClass): void {
  type Feed = { then(ok?: (r: unknown) => unknown, fail?: (e: unknown) => unknown): unknown };
  const proto = (PouchDB as unknown as { prototype: { changes(...a: unknown[]): unknown } })
    .prototype;
  const changes = proto.changes;
  proto.changes = function (this: unknown, ...args: unknown[]) {
    const feed = changes.apply(this, args) as Feed;
    const o = (args[0] ?? {}) as { live?: unknown; continuous?: unknown };
    if (o.live || o.continuous || typeof args[1] === 'function' || typeof feed?.then !== 'function')
      return feed;
    const then = feed.then.bind(feed);
    feed.then = (ok, fail) =>
      Promise.resolve(
        then((r) =>
          r && typeof r === 'object' && !('results' in r) ? { results: [], last_seq: 0 } : r,
        ),
      ).then(ok, fail);
    return feed;
  };
}

async function closeDatabases(PouchDB: PouchDbClass, inMemory: boolean): Promise<void> {
  const open: Promise<unknown>[] = [];
  // In memory, destroying frees the (process-wide) store; system databases are only closed,
  // because express-pouchdb re-creates some of them when they are destroyed.
  PouchDB.__dbCacheMap?.forEach((db, name) =>
    open.push(inMemory && !name.startsWith('_') ? db.destroy() : db.close()),
  );
  await Promise.allSettled(open);
}
