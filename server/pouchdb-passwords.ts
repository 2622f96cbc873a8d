import { createRequire } from 'node:module';
import {
  DEFAULT_PASSWORD_ITERATIONS,
  checkPassword,
  formatAdminHash,
  hashPassword,
  isAdminHash,
  isOutdated,
  parseAdminHash,
  verifiedPasswords,
} from './password-hash';
import type { StoredPassword } from './password-hash';
import { SERVER_ADMIN_ROLE } from '../src-renderer/core/roles';
import type { ExpressPouchApp, PouchDbClass } from './pouchdb-runtime';

/**
 * Part of the runtime loader (pouchdb-runtime.ts): the only other place that touches
 * pouchdb-server internals. It makes pouchdb-auth store and check passwords as CouchDB 3.4
 * does — PBKDF2-SHA256 (password-hash.ts) instead of its PBKDF2-SHA1 × 10.
 */
const requireFromServer = createRequire(
  createRequire(import.meta.url).resolve('pouchdb-server/package.json'),
);

interface AuthInfo {
  admins: Record<string, StoredPassword & { name: string; roles: string[] }>;
  secret: string;
  iterations: number;
}
interface UserDoc extends StoredPassword {
  _id: string;
  name: string;
  roles: string[];
  _conflicts?: string[];
}
interface UsersDb {
  get(id: string, opts: object): Promise<UserDoc>;
  put(doc: object): Promise<unknown>;
}
type LogIn =
  { ok: true; name: string; roles: string[]; salt: string } | { ok: false; conflict?: boolean };

let hashingInstalled = false;
/** Used when an admin password is set through `/_config` (the config save has no server at hand). */
let adminIterations = DEFAULT_PASSWORD_ITERATIONS;

const authUtils = () =>
  requireFromServer('pouchdb-auth/lib/utils') as {
    dbDataFor(db: unknown): AuthInfo | undefined;
    nodify<T>(p: Promise<T>, cb?: unknown): Promise<T>;
  };

async function hashUserDoc(doc: Record<string, unknown> | null, db: unknown): Promise<void> {
  if (!doc || typeof doc.password !== 'string') return;
  const h = await hashPassword(
    doc.password,
    authUtils().dbDataFor(db)?.iterations ?? adminIterations,
  );
  delete doc.password;
  delete doc.password_sha;
  Object.assign(doc, h);
}

/**
 * Checks `name`/`password` the way pouchdb-auth's multiUserLogIn does (a `_users` document,
 * or a server admin from the config, whose roles gain `_admin`), but with our hashes, the
 * verified-password cache, and a re-hash of outdated `_users` entries on success.
 */
async function logIn(db: UsersDb, name: string, password: string): Promise<LogIn> {
  const info = authUtils().dbDataFor(db);
  const admin = info?.admins[name];
  let user: UserDoc | undefined;
  try {
    user = await db.get(`org.couchdb.user:${name}`, { conflicts: true });
  } catch (e) {
    if ((e as { name?: string }).name !== 'not_found') throw e;
  }
  if (user?._conflicts?.length) return { ok: false, conflict: true };
  const stored = admin ?? user;
  if (!stored || !(await checkPassword(name, password, stored))) return { ok: false };
  let salt = stored.salt ?? '';
  const iterations = info?.iterations ?? adminIterations;
  if (!admin && user && isOutdated(user, iterations)) {
    const h = await hashPassword(password, iterations);
    const { _conflicts: _, ...rest } = user;
    // A concurrent edit wins; the upgrade is retried on a later sign-in.
    await db.put({ ...rest, ...h }).then(
      () => {
        salt = h.salt;
        verifiedPasswords.add(name, h, password);
      },
      () => undefined,
    );
  }
  const roles = admin ? [SERVER_ADMIN_ROLE, ...(user?.roles ?? [])] : (user?.roles ?? []);
  return { ok: true, name: stored === admin ? admin.name : user!.name, roles, salt };
}

export function installPasswordHashing(iterations: number): void {
  adminIterations = iterations;
  if (hashingInstalled) return;
  hashingInstalled = true;
  const auth = requireFromServer('pouchdb-auth') as { hashAdminPasswords: unknown };
  const admins = requireFromServer('pouchdb-auth/lib/admins') as Record<string, unknown>;
  const wrappers = requireFromServer('pouchdb-auth/lib/writewrappers') as Record<string, unknown>;
  const sessionApi = requireFromServer('pouchdb-auth/lib/sessionapi') as Record<string, unknown>;
  const fromAuth = createRequire(requireFromServer.resolve('pouchdb-auth'));
  const bulkWrapper = fromAuth('pouchdb-bulkdocs-wrapper') as (
    fn: (doc: Record<string, unknown>, args: { base: unknown }) => Promise<void>,
  ) => unknown;
  const sessionId = fromAuth('couchdb-calculate-session-id') as (
    name: string,
    salt: string,
    secret: string,
    time: number,
  ) => string;
  const PluginError = fromAuth('pouchdb-plugin-error') as new (o: object) => Error;

  // New and changed passwords in `_users` (PUT, POST, _bulk_docs): hashed before pouchdb-auth's
  // own wrapper sees them, which then finds no plain `password` left to hash the old way.
  type Wrapper = (
    original: unknown,
    args: { base: unknown; doc: Record<string, unknown> },
  ) => unknown;
  const originalPut = wrappers.put as Wrapper;
  wrappers.put = wrappers.post = ((original, args) =>
    hashUserDoc(args.doc, args.base).then(() => originalPut(original, args))) as Wrapper;
  wrappers.bulkDocs = bulkWrapper((doc, args) => hashUserDoc(doc, args.base));

  // Server admins in the config: CouchDB 3.4's `-pbkdf2:sha256-…` format, read and written.
  const hashAdmins = (plain: Record<string, string>, _opts?: unknown, cb?: unknown) =>
    authUtils().nodify(
      Promise.all(
        Object.entries(plain).map(async ([k, v]) => [
          k,
          isAdminHash(v) ? v : formatAdminHash(await hashPassword(v, adminIterations)),
        ]),
      ).then((pairs) => Object.fromEntries(pairs) as Record<string, string>),
      typeof _opts === 'function' ? _opts : cb,
    );
  admins.hashPasswords = hashAdmins;
  auth.hashAdminPasswords = hashAdmins;
  admins.parse = (config: Record<string, string>) => {
    const out: AuthInfo['admins'] = {};
    for (const [name, value] of Object.entries(config ?? {})) {
      const stored = parseAdminHash(String(value));
      if (stored) out[name] = { ...stored, name, roles: [SERVER_ADMIN_ROLE] };
    }
    return out;
  };

  sessionApi.multiUserLogIn = function (
    this: UsersDb,
    name: string,
    password: string,
    cb?: unknown,
  ) {
    const info = authUtils().dbDataFor(this);
    const done = logIn(this, name, password).then((r) => {
      if (!r.ok)
        throw new PluginError({
          status: 401,
          name: 'unauthorized',
          message: r.conflict
            ? 'User document conflicts must be resolved before the document is used for authentication purposes.'
            : 'Name or password is incorrect.',
        });
      const time = Math.round(Date.now() / 1000);
      return {
        ok: true,
        name: r.name,
        roles: r.roles,
        sessionID: sessionId(r.name, r.salt, info?.secret ?? '', time),
      };
    });
    return authUtils().nodify(done, cb);
  };
}

/** Checks a password against this server's users and admins, for the sign-in guard. */
export function passwordChecker(
  app: ExpressPouchApp,
  PouchDB: PouchDbClass,
): (name: string, password: string) => Promise<boolean> {
  const utils = requireFromServer('express-pouchdb/lib/utils') as {
    getUsersDB(app: unknown, PouchDB: unknown): Promise<UsersDb>;
  };
  // One handle, re-made when the admins or auth settings change (as express-pouchdb does):
  // every new handle adds listeners and registers itself with pouchdb-auth.
  let db: Promise<UsersDb> | null = null;
  const forget = () => (db = null);
  app.couchConfig.on('admins', forget);
  app.couchConfig.on('couch_httpd_auth', forget);
  return async (name, password) => {
    db ??= utils.getUsersDB(app, PouchDB);
    return (await logIn(await db, name, password)).ok;
  };
}
