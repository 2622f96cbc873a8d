import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDbAdmin, isDbMember } from './db-facts';
import type { DbFactsStore } from './db-facts';
import {
  NOT_DB_ADMIN,
  NOT_SERVER_OR_DB_ADMIN,
  SECURITY_DOC_ID,
  SECURITY_REASON,
  badDbName,
  denySecurity,
  denyNotMember,
  denyServerAdmin,
  docTarget,
  requestPath,
} from './guard-path';
import { bulkWrite, readBulk, singleWrite } from './guard-write';
import type { WriteCtx } from './guard-write';
import { BodyError, readJsonBody, sendCouchError } from './http-util';
import type { Handler, Next } from './pouchdb-runtime';
import { isServerAdmin } from './session';
import type { SessionResolver } from './session';

/**
 * The access guard in front of express-pouchdb. pouchdb-server 4.2.0 does not enforce
 * what our security model needs (DESIGN §2), so this middleware does, the way CouchDB 3.5
 * would, with CouchDB's status codes and words:
 *
 *  - server-admin work (databases, `_all_dbs`, `_users`, `_purge`, other `/_…` endpoints)
 *    answers 401 "You are not a server admin." to everyone else;
 *  - only members (per `_security`) read or write a database;
 *  - every document write — single PUT/POST/DELETE, attachments, and `_bulk_docs` including
 *    replication's `new_edits:false` — is checked by the database's validate_doc_update
 *    functions, evaluated here in Node, under the id that will really be written;
 *  - design documents, `_security` and maintenance endpoints need a database admin;
 *  - the security object's storage (`_local/_security`) is for the server admin only.
 */

/** POST endpoints that only read; members may use them. */
const READ_POSTS = new Set([
  '_all_docs',
  '_revs_diff',
  '_bulk_get',
  '_changes',
  '_find',
  '_explain',
  '_ensure_full_commit',
  '_missing_revs',
]);

/** System endpoints anyone may use (CouchDB's server_authorization_check passes these). */
const OPEN_SYSTEM = new Set(['_session', '_uuids', '_up']);

export interface GuardDeps {
  sessions: SessionResolver;
  facts: DbFactsStore;
}

export function accessGuard(deps: GuardDeps): Handler {
  return (req, res, next) => {
    guard(deps, req, res, next).catch((e: unknown) => {
      if (res.headersSent) return;
      if (e instanceof BodyError) return sendCouchError(res, e.status, e.error, e.message);
      console.error('[sync-server] access check failed:', e);
      sendCouchError(res, 500, 'unknown_error', 'The sync server failed to check this request.');
    });
  };
}

async function guard(
  deps: GuardDeps,
  req: IncomingMessage,
  res: ServerResponse,
  next: Next,
): Promise<void> {
  const { seg, odd } = requestPath(req);
  const method = req.method ?? 'GET';
  const first = seg[0];
  if (method === 'OPTIONS') return next();
  if (first === undefined) return next(); // server info
  const isSystem = first.startsWith('_');
  if (isSystem && OPEN_SYSTEM.has(first) && !odd) return next();
  if (isSystem && first === '_utils' && (method === 'GET' || method === 'HEAD') && !odd)
    return next();

  const session = await deps.sessions.resolve(req);
  if (!session.ok) return sendCouchError(res, session.status, session.error, session.reason);
  const ctx = session.userCtx;
  if (isServerAdmin(ctx)) return adminRequest(deps, seg, method, req, res, next);
  if (odd) return sendCouchError(res, 400, 'bad_request', odd);

  if (first === '_users') return usersDb(res, seg, method, ctx.name);
  if (isSystem) return denyServerAdmin(res);
  const illegal = badDbName(first);
  if (illegal) return sendCouchError(res, 400, 'illegal_database_name', illegal);

  const db = first;
  const rest = seg.slice(1);
  if (rest.length === 0 && (method === 'PUT' || method === 'DELETE')) return denyServerAdmin(res);
  const head = rest[0];
  if (head === '_purge' || head === '_purged_infos_limit') return denyServerAdmin(res);

  const dbFacts = await deps.facts.facts(db);
  // Answered here: express-pouchdb 4.2 handles a longpoll _changes on a missing database with an
  // unhandled rejection, which would take the whole server down (a head-office device polls a
  // branch database before an administrator has provisioned it).
  if (!dbFacts.exists) return sendCouchError(res, 404, 'not_found', 'Database does not exist.');
  if (!isDbMember(dbFacts.security, ctx)) return denyNotMember(res, ctx.name);
  const dbAdmin = isDbAdmin(dbFacts.security, ctx);
  const forget = () => forgetAfter(deps, db, res);
  const w: WriteCtx = { facts: deps.facts, req, res, next, db, dbFacts, ctx, dbAdmin, forget };

  if (head === '_compact' || head === '_view_cleanup') {
    if (!dbAdmin) return sendCouchError(res, 401, 'unauthorized', NOT_SERVER_OR_DB_ADMIN);
    return next();
  }
  const localId = head === '_local' && rest.length > 1 ? rest.join('/') : null;
  if (isRead(method, rest)) {
    if (localId === SECURITY_DOC_ID && !dbAdmin) return denySecurity(res, ctx.name, NOT_DB_ADMIN);
    if (head === '_bulk_get' && !dbAdmin && (await asksForSecurityDoc(req)))
      return denySecurity(res, ctx.name, NOT_DB_ADMIN);
    return next();
  }

  // POST /db — create a document with a server-chosen or body-given id.
  if (rest.length === 0) return method === 'POST' ? singleWrite(w, 'post', null, null) : next();
  if (method === 'POST' && head === '_bulk_docs' && rest.length === 1) return bulkWrite(w);

  // `_local/…` is one document id whatever follows (express-pouchdb has no attachments there).
  if (localId && (method === 'PUT' || method === 'DELETE'))
    return singleWrite(w, method === 'PUT' ? 'put' : 'delete', localId, null);
  const target = docTarget(rest);
  if (target && (method === 'PUT' || method === 'DELETE')) {
    if (target.attachment)
      return singleWrite(w, method === 'PUT' ? 'attach' : 'detach', target.id, target.attachment);
    return singleWrite(w, method === 'PUT' ? 'put' : 'delete', target.id, null);
  }
  if (localId) return denySecurity(res, ctx.name, SECURITY_REASON); // POST/COPY onto a local doc

  // Everything else that changes state (_security, _revs_limit, _index, update handlers,
  // rewrites, COPY, form uploads …) writes past validate_doc_update: database admins only,
  // and COPY and form uploads (which we cannot check) only for the server admin.
  if (method === 'COPY' || (method === 'POST' && target))
    return sendCouchError(
      res,
      403,
      'forbidden',
      'Only a server administrator may copy documents or upload forms on this server; save the document instead.',
    );
  if (!dbAdmin) return denySecurity(res, ctx.name, NOT_DB_ADMIN);
  if (head === '_security' || head === '_design' || head === '_index') forget();
  return next();
}

/** The server admin may do anything; we only keep our cached facts fresh and the server up. */
async function adminRequest(
  deps: GuardDeps,
  seg: string[],
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
  next: Next,
): Promise<void> {
  const [db, head] = seg;
  if (!db || db.startsWith('_')) return next();
  if (head === '_changes' && !(await deps.facts.facts(db)).exists)
    return sendCouchError(res, 404, 'not_found', 'Database does not exist.');
  if (method === 'POST' && head === '_bulk_docs' && seg.length === 2 && !(await readBulk(req, res)))
    return;
  const writes = method !== 'GET' && method !== 'HEAD';
  if (
    writes &&
    (head === '_security' ||
      head === '_design' ||
      head === '_index' ||
      head === '_bulk_docs' ||
      head === '_local')
  )
    forgetAfter(deps, db, res);
  next();
}

/**
 * `_users`, as on CouchDB 3.5: nobody but the server admin creates users, reads them or
 * changes roles (express-pouchdb would let anyone sign up and let a user rewrite their own
 * roles). 401 for the server-admin routes, 401/403 as for any database otherwise.
 */
function usersDb(res: ServerResponse, seg: string[], method: string, name: string | null): void {
  const head = seg[1];
  if (
    (seg.length === 1 && (method === 'PUT' || method === 'DELETE')) ||
    head === '_all_docs' ||
    head === '_changes'
  )
    return denyServerAdmin(res);
  denyNotMember(res, name);
}

/** Requests that change nothing: GET/HEAD, and POSTs to query endpoints. */
function isRead(method: string, rest: string[]): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  if (method !== 'POST') return false;
  if (rest.length === 1 && READ_POSTS.has(rest[0]!)) return true;
  return rest[0] === '_design' && rest[2] === '_view';
}

async function asksForSecurityDoc(req: IncomingMessage): Promise<boolean> {
  const body = (await readJsonBody(req, 16 * 1024 * 1024)) as { docs?: unknown } | null;
  const docs =
    body && typeof body === 'object' && Array.isArray(body.docs) ? (body.docs as unknown[]) : [];
  return docs.some(
    (d) => !!d && typeof d === 'object' && (d as { id?: unknown }).id === SECURITY_DOC_ID,
  );
}

/** After a write to `_security` or a design document, re-read them on the next request. */
function forgetAfter(deps: GuardDeps, db: string, res: ServerResponse): void {
  deps.facts.forget(db);
  res.on('finish', () => deps.facts.forget(db));
}
