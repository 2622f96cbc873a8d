import type { IncomingMessage, ServerResponse } from 'node:http';
import { runValidate } from './design/validate';
import type { UserCtx, VduOutcome } from './design/validate';
import { isDbAdmin, isDbMember } from './db-facts';
import type { DbFacts, DbFactsStore, Doc } from './db-facts';
import {
  BodyError,
  pathSegments,
  queryParam,
  readJsonBody,
  sendCouchError,
  sendJson,
} from './http-util';
import type { Handler, Next } from './pouchdb-runtime';
import { isServerAdmin } from './session';
import type { SessionResolver } from './session';

/**
 * The access guard in front of express-pouchdb. pouchdb-server 4.2.0 does not enforce
 * what our security model needs (DESIGN §2), so this middleware does, the way CouchDB 3 would:
 *
 *  - only server admins create or delete databases (an anonymous `PUT /newdb` even crashes
 *    pouchdb-server once an admin exists);
 *  - only members (per `_security`) read or write a database;
 *  - every document write — single PUT/POST/DELETE, attachments, and `_bulk_docs` including
 *    replication's `new_edits:false` — is checked by the database's validate_doc_update
 *    functions, evaluated here in Node;
 *  - design documents, `_security` and maintenance endpoints need a database admin.
 */

/** Largest JSON body we parse for validation (inline attachments travel base64 in it). */
const MAX_BODY = 256 * 1024 * 1024;

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

/** System endpoints only a server admin may touch at all. */
const ADMIN_ONLY_SYSTEM = new Set([
  '_replicate',
  '_replicator',
  '_all_dbs',
  '_restart',
  '_global_changes',
]);

export interface GuardDeps {
  sessions: SessionResolver;
  facts: DbFactsStore;
}

export function accessGuard(deps: GuardDeps): Handler {
  return (req, res, next) => {
    guard(deps, req, res, next).catch((e: unknown) => {
      if (res.headersSent) return;
      if (e instanceof BodyError) return sendCouchError(res, e.status, e.error, e.message);
      sendCouchError(
        res,
        500,
        'unknown_error',
        `The sync server failed to check this request: ${String(e)}`,
      );
    });
  };
}

async function guard(
  deps: GuardDeps,
  req: IncomingMessage,
  res: ServerResponse,
  next: Next,
): Promise<void> {
  const seg = pathSegments(req);
  const method = req.method ?? 'GET';
  const first = seg[0];
  if (first === undefined || method === 'OPTIONS') return next();

  const isSystem = first.startsWith('_');
  // Sign-in, server info, UUIDs, Fauxton, /_config (express-pouchdb checks admin itself)
  // and `_users` (pouchdb-auth has CouchDB's own rules for it) pass straight through.
  if (isSystem && !ADMIN_ONLY_SYSTEM.has(first)) return next();

  const session = await deps.sessions.resolve(req);
  if (!session.ok) return sendCouchError(res, session.status, session.error, session.reason);
  const ctx = session.userCtx;
  const serverAdmin = isServerAdmin(ctx);

  if (isSystem) {
    if (serverAdmin) return next();
    return denyNotAdmin(res, ctx, 'Only a server administrator may do this.');
  }

  const db = first;
  const rest = seg.slice(1);
  if (rest.length === 0 && (method === 'PUT' || method === 'DELETE')) {
    if (serverAdmin) return next();
    return denyNotAdmin(res, ctx, 'Only a server administrator may create or delete databases.');
  }
  // Server admins read everything. This also keeps our own look-ups (DbFactsStore reads
  // as admin over HTTP) from passing through the guard again.
  if (serverAdmin && isRead(method, rest)) return next();

  const facts = await deps.facts.facts(db);
  // Answered here: express-pouchdb 4.2 handles a longpoll _changes on a missing database with an
  // unhandled rejection, which would take the whole server down (a head-office device polls a
  // branch database before an administrator has provisioned it).
  if (!facts.exists) return sendCouchError(res, 404, 'not_found', 'Database does not exist.');
  if (!serverAdmin && !isDbMember(facts.security, ctx)) {
    if (!ctx.name)
      return sendCouchError(res, 401, 'unauthorized', 'You are not authorized to access this db.');
    return sendCouchError(res, 403, 'forbidden', 'You are not allowed to access this db.');
  }
  const dbAdmin = isDbAdmin(facts.security, ctx);
  const w: WriteCtx = { deps, req, res, next, db, facts, ctx, dbAdmin };

  if (isRead(method, rest)) return next();

  // POST /db — create a document with a server-chosen or body-given id.
  if (rest.length === 0) {
    if (method === 'POST') return singleWrite(w, 'post', null, null);
    return next();
  }

  const head = rest[0]!;
  if (method === 'POST' && head === '_bulk_docs' && rest.length === 1) return bulkWrite(w);

  const target = docTarget(rest);
  if (target && (method === 'PUT' || method === 'DELETE')) {
    if (target.attachment)
      return singleWrite(w, method === 'PUT' ? 'attach' : 'detach', target.id, target.attachment);
    return singleWrite(w, method === 'PUT' ? 'put' : 'delete', target.id, null);
  }

  // Everything else that changes state (_security, _compact, _purge, _index, _revs_limit,
  // update handlers, rewrites, COPY, multipart form uploads ...) is database-admin work.
  if (!dbAdmin)
    return sendCouchError(res, 403, 'forbidden', 'Only a database administrator may do this.');
  if (head === '_security' || head === '_design' || head === '_index') forgetAfter(w);
  return next();
}

/** Requests that change nothing: GET/HEAD, and POSTs to query endpoints. */
function isRead(method: string, rest: string[]): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  if (method !== 'POST') return false;
  if (rest.length === 1 && READ_POSTS.has(rest[0]!)) return true;
  return rest[0] === '_design' && rest[2] === '_view';
}

interface WriteCtx {
  deps: GuardDeps;
  req: IncomingMessage;
  res: ServerResponse;
  next: Next;
  db: string;
  facts: DbFacts;
  ctx: UserCtx;
  dbAdmin: boolean;
}

/** `/db/<id>[/<attachment>]`, with `_design/` and `_local/` ids spanning two segments. */
function docTarget(rest: string[]): { id: string; attachment: string | null } | null {
  const [a, b] = rest;
  if (a === '_design' || a === '_local') {
    if (!b) return null;
    const tail = rest.slice(2);
    // `/db/_design/x/_view/...`, `_update`, `_rewrite` ... are function calls, not attachments.
    if (tail[0]?.startsWith('_')) return null;
    return { id: `${a}/${b}`, attachment: tail.length ? tail.join('/') : null };
  }
  if (!a || a.startsWith('_')) return null;
  const tail = rest.slice(1);
  return { id: a, attachment: tail.length ? tail.join('/') : null };
}

type SingleKind = 'post' | 'put' | 'delete' | 'attach' | 'detach';

async function singleWrite(
  w: WriteCtx,
  kind: SingleKind,
  id: string | null,
  attachment: string | null,
): Promise<void> {
  const { req, res, next } = w;
  if (id?.startsWith('_local/')) return next(); // checkpoints etc.: never validated, never replicated

  if (kind === 'post' || kind === 'put') {
    if (/^multipart\//i.test(req.headers['content-type'] ?? '')) {
      // We cannot see inside multipart uploads to validate them. PouchDB never sends them
      // (it puts attachments inline as base64), so only admins may use them.
      if (isServerAdmin(w.ctx)) return next();
      return sendCouchError(
        res,
        415,
        'bad_content_type',
        'This server accepts documents as JSON only; send attachments inline.',
      );
    }
  }

  let newDoc: Doc;
  let replicated = false;
  if (kind === 'post' || kind === 'put') {
    const body = await readJsonBody(req, MAX_BODY);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return sendCouchError(res, 400, 'bad_request', 'Document must be a JSON object');
    }
    const doc = body as Record<string, unknown>;
    const docId = kind === 'put' ? id! : typeof doc._id === 'string' ? doc._id : '';
    newDoc = { ...doc, _id: docId };
    const rev = queryParam(req, 'rev');
    if (rev && !newDoc._rev) newDoc._rev = rev;
    replicated = queryParam(req, 'new_edits') === 'false';
  } else if (kind === 'delete') {
    newDoc = { _id: id!, _rev: queryParam(req, 'rev') ?? undefined, _deleted: true };
  } else {
    const current = (await w.deps.facts.oldDocs(w.db, [{ _id: id! }], false)).get(id!) ?? null;
    const attachments = { ...((current?._attachments as Record<string, unknown>) ?? {}) };
    if (kind === 'attach') {
      attachments[attachment!] = {
        content_type: req.headers['content-type'] ?? 'application/octet-stream',
        stub: true,
      };
    } else {
      delete attachments[attachment!];
    }
    newDoc = { ...(current ?? {}), _id: id!, _attachments: attachments };
  }

  const isDesign = newDoc._id.startsWith('_design/');
  if (isDesign && !w.dbAdmin) {
    return sendCouchError(
      res,
      403,
      'forbidden',
      'Only a database administrator may change design documents.',
    );
  }

  const oldDoc = newDoc._id
    ? ((await w.deps.facts.oldDocs(w.db, [newDoc], replicated)).get(newDoc._id) ?? null)
    : null;
  const outcome = validate(w, newDoc, oldDoc);
  if (!outcome.ok)
    return sendCouchError(
      res,
      outcome.error === 'unauthorized' ? 401 : 403,
      outcome.error,
      outcome.reason,
    );
  if (isDesign) forgetAfter(w);
  next();
}

async function bulkWrite(w: WriteCtx): Promise<void> {
  const { req, res, next } = w;
  const body = await readJsonBody(req, MAX_BODY);
  const docsIn = (body as { docs?: unknown } | null)?.docs;
  if (!body || typeof body !== 'object' || !Array.isArray(docsIn)) return next(); // express-pouchdb explains the 400
  const replicated = (body as { new_edits?: unknown }).new_edits === false;

  const docs = docsIn as unknown[];
  const checkable = docs.filter(
    (d): d is Doc =>
      !!d &&
      typeof d === 'object' &&
      typeof (d as Doc)._id === 'string' &&
      !(d as Doc)._id.startsWith('_local/'),
  );
  const alreadyStored = replicated
    ? await w.deps.facts.existingRevisions(w.db, checkable)
    : new Set<string>();
  const toCheck = checkable.filter((d) => !alreadyStored.has(`${d._id}\n${d._rev}`));
  const oldDocs = await w.deps.facts.oldDocs(w.db, toCheck, replicated);

  const refusals = new Map<number, BulkRefusal>();
  let touchesDesign = false;
  docs.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return; // PouchDB reports malformed entries
    const doc = raw as Doc;
    const docId = typeof doc._id === 'string' ? doc._id : '';
    if (docId.startsWith('_local/')) return;
    if (replicated && alreadyStored.has(`${docId}\n${doc._rev}`)) return;
    if (docId.startsWith('_design/')) {
      touchesDesign = true;
      if (!w.dbAdmin) {
        refusals.set(
          index,
          refusal(doc, {
            ok: false,
            error: 'forbidden',
            reason: 'Only a database administrator may change design documents.',
          }),
        );
        return;
      }
    }
    const outcome = validate(w, doc, docId ? (oldDocs.get(docId) ?? null) : null);
    if (!outcome.ok) refusals.set(index, refusal(doc, outcome));
  });

  if (touchesDesign) forgetAfter(w);
  if (refusals.size === 0) return next();

  const allowed = docs.filter((_, i) => !refusals.has(i));
  if (allowed.length === 0) return sendJson(res, 201, [...refusals.values()]);

  // Write the accepted documents through express-pouchdb, then splice the refusals into its
  // answer in request order — CouchDB answers _bulk_docs with one entry per document
  // (with new_edits:false, only the failures).
  (body as { docs: unknown[] }).docs = allowed;
  interceptJsonArray(res, (written) => {
    if (replicated || written.length !== allowed.length) return [...written, ...refusals.values()];
    const merged: unknown[] = [];
    let j = 0;
    for (let i = 0; i < docs.length; i++) merged.push(refusals.get(i) ?? written[j++]);
    return merged;
  });
  next();
}

interface BulkRefusal {
  id: string;
  rev?: string;
  error: string;
  reason: string;
}

function refusal(doc: Doc, outcome: VduOutcome & { ok: false }): BulkRefusal {
  return {
    id: doc._id,
    ...(typeof doc._rev === 'string' ? { rev: doc._rev } : {}),
    error: outcome.error,
    reason: outcome.reason,
  };
}

/** Runs every validate_doc_update of the database; the first refusal wins (as in CouchDB). */
function validate(w: WriteCtx, newDoc: Doc, oldDoc: Doc | null): VduOutcome {
  const userCtx: UserCtx = { db: w.db, name: w.ctx.name, roles: [...w.ctx.roles] };
  for (const v of w.facts.validators) {
    const outcome = runValidate(
      v.fn,
      newDoc,
      oldDoc && !oldDoc._deleted ? oldDoc : null,
      userCtx,
      w.facts.security,
    );
    if (!outcome.ok) return outcome;
  }
  return { ok: true };
}

function denyNotAdmin(res: ServerResponse, ctx: UserCtx, reason: string): void {
  if (!ctx.name) return sendCouchError(res, 401, 'unauthorized', reason);
  sendCouchError(res, 403, 'forbidden', reason);
}

/** After a write to `_security` or a design document, re-read them on the next request. */
function forgetAfter(w: WriteCtx): void {
  w.deps.facts.forget(w.db);
  w.res.on('finish', () => w.deps.facts.forget(w.db));
}

/**
 * Rewrites express-pouchdb's JSON array answer before it is sent. We hook express's
 * `res.send` (not `res.end`), because express-pouchdb's compression middleware sits
 * between the two and may gzip the bytes.
 */
function interceptJsonArray(res: ServerResponse, rewrite: (arr: unknown[]) => unknown[]): void {
  const target = res as ServerResponse & { send?: (body: unknown) => unknown };
  target.send = function patchedSend(payload: unknown) {
    delete target.send; // back to express's own send
    let out = payload;
    const text = Buffer.isBuffer(payload)
      ? payload.toString('utf8')
      : typeof payload === 'string'
        ? payload
        : null;
    if (text !== null && res.statusCode < 300) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed))
          out = Buffer.from(JSON.stringify(rewrite(parsed)) + '\n', 'utf8');
      } catch {
        // not JSON: leave it alone
      }
    }
    return target.send!(out);
  };
}
