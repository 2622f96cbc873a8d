import type { IncomingMessage, ServerResponse } from 'node:http';
import { runValidate } from './design/validate';
import type { UserCtx, VduOutcome } from './design/validate';
import type { DbFacts, DbFactsStore, Doc } from './db-facts';
import { NOT_DB_ADMIN, SECURITY_DOC_ID, SECURITY_REASON, expressQuery } from './guard-path';
import { planDocs, revisionShapeError } from './guard-plan';
import type { Plan } from './guard-plan';
import { readJsonBody, sendCouchError, sendJson } from './http-util';
import type { Next } from './pouchdb-runtime';
import { isServerAdmin } from './session';

/**
 * Document writes through the guard: every write is checked by the database's
 * validate_doc_update under exactly the id express-pouchdb will write — the address for a
 * PUT (a body `_id` or `?id=` that differs is refused with 400, where CouchDB would quietly
 * use the address), the body's `_id` for a POST.
 */

/** Largest JSON body we parse for validation (inline attachments travel base64 in it). */
const MAX_BODY = 256 * 1024 * 1024;

export interface WriteCtx {
  facts: DbFactsStore;
  req: IncomingMessage;
  res: ServerResponse;
  next: Next;
  db: string;
  dbFacts: DbFacts;
  ctx: UserCtx;
  dbAdmin: boolean;
  /** After a change to design documents: re-read the database's facts. */
  forget: () => void;
}

export type SingleKind = 'post' | 'put' | 'delete' | 'attach' | 'detach';

interface Refusal {
  status: number;
  error: string;
  reason: string;
}

const bad = (reason: string, error = 'bad_request'): Refusal => ({ status: 400, error, reason });

/** Refusals that do not depend on stored data: ids, `_local/_security`, design documents. */
function idRefusal(w: WriteCtx, id: string): Refusal | null {
  if (id === SECURITY_DOC_ID && !isServerAdmin(w.ctx))
    return { status: 403, error: 'forbidden', reason: SECURITY_REASON };
  if (id.startsWith('_design/') && !w.dbAdmin)
    return w.ctx.name
      ? { status: 403, error: 'forbidden', reason: NOT_DB_ADMIN }
      : { status: 401, error: 'unauthorized', reason: NOT_DB_ADMIN };
  return null;
}

export function newEditsOff(value: unknown): boolean {
  return !value; // PouchDB reads new_edits as a plain truthy flag
}

export async function singleWrite(
  w: WriteCtx,
  kind: SingleKind,
  pathId: string | null,
  attachment: string | null,
): Promise<void> {
  const { req, res } = w;
  const send = (r: Refusal) => sendCouchError(res, r.status, r.error, r.reason);

  const qid = expressQuery(req, 'id');
  if (qid.present && qid.value !== pathId)
    return send(bad('Give the document id in the address only; "?id=" is not accepted here.'));

  let newDoc: Doc;
  let replicated = false;
  if (kind === 'post' || kind === 'put') {
    if (/^multipart\//i.test(req.headers['content-type'] ?? '') && !isServerAdmin(w.ctx)) {
      // We cannot see inside multipart uploads to validate them; PouchDB never sends them.
      return send({
        status: 415,
        error: 'bad_content_type',
        reason: 'This server accepts documents as JSON only; send attachments inline.',
      });
    }
    const body = await readJsonBody(req, MAX_BODY);
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return send(bad('Document must be a JSON object'));
    const doc = body as Record<string, unknown>;
    if (doc._id !== undefined && typeof doc._id !== 'string')
      return send(bad('Document id must be a string', 'illegal_docid'));
    if (kind === 'put' && doc._id !== undefined && doc._id !== pathId)
      return send(
        bad(
          `The document id in the body ("${String(doc._id)}") differs from the one in the address ("${pathId}").`,
        ),
      );
    const id = kind === 'put' ? pathId! : ((doc._id as string | undefined) ?? '');
    newDoc = { ...doc, _id: id };
    const rev = expressQuery(req, 'rev');
    if (rev.present && !newDoc._rev)
      newDoc._rev = typeof rev.value === 'string' ? rev.value : String(rev.value);
    const ne = expressQuery(req, 'new_edits');
    replicated = ne.present && newEditsOff(ne.value);
    const shape = revisionShapeError(newDoc, replicated);
    if (shape) return send(bad(shape));
  } else {
    newDoc = {
      _id: pathId!,
      _rev: queryRev(req),
      ...(kind === 'delete' ? { _deleted: true } : {}),
    };
  }

  const refusal = idRefusal(w, newDoc._id);
  if (refusal) return send(refusal);
  if (newDoc._id.startsWith('_local/')) return w.next(); // checkpoints: never validated, never replicated
  if (newDoc._id.startsWith('_design/')) {
    // CouchDB runs no validate_doc_update on design documents: being a db admin is the rule.
    w.forget();
    return w.next();
  }

  const [plan] = newDoc._id
    ? await planDocs(w.facts, w.db, [newDoc], replicated)
    : [{ kind: 'check', oldDoc: null } as Plan];
  if (plan!.kind === 'skip') return w.next();
  if (plan!.kind === 'refuse')
    return send({ status: 403, error: 'forbidden', reason: plan!.reason });
  const oldDoc = plan!.oldDoc;
  if (kind === 'attach' || kind === 'detach') {
    const attachments = { ...((oldDoc?._attachments as Record<string, unknown>) ?? {}) };
    if (kind === 'attach')
      attachments[attachment!] = {
        content_type: req.headers['content-type'] ?? 'application/octet-stream',
        stub: true,
      };
    else delete attachments[attachment!];
    newDoc = { ...(oldDoc ?? {}), _id: newDoc._id, _attachments: attachments };
  }
  const outcome = validate(w, newDoc, oldDoc);
  if (!outcome.ok)
    return send({
      status: outcome.error === 'unauthorized' ? 401 : 403,
      error: outcome.error,
      reason: outcome.reason,
    });
  w.next();
}

function queryRev(req: IncomingMessage): string | undefined {
  const rev = expressQuery(req, 'rev');
  return rev.present ? String(rev.value) : undefined;
}

interface BulkRefusal {
  id: unknown;
  rev?: string;
  error: string;
  reason: string;
}

type BulkBody = { docs: Doc[]; new_edits?: boolean };

/**
 * A `_bulk_docs` body, or null after answering 400 with CouchDB's words: PouchDB would crash
 * on some of these (`docs` not a list, null entries), so they are refused for everyone.
 */
export async function readBulk(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<BulkBody | null> {
  const send = (r: Refusal) => {
    sendCouchError(res, r.status, r.error, r.reason);
    return null;
  };
  const body = await readJsonBody(req, MAX_BODY);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return send(bad('Request body must be a JSON object'));
  const b = body as { docs?: unknown; new_edits?: unknown };
  if (b.docs === undefined) return send(bad('POST body must include `docs` parameter.'));
  if (!Array.isArray(b.docs)) return send(bad('`docs` parameter must be an array.'));
  if (b.new_edits !== undefined && typeof b.new_edits !== 'boolean')
    return send(bad('`new_edits` parameter must be a boolean.'));
  const replicated = b.new_edits === false;
  for (const d of b.docs as unknown[]) {
    if (!d || typeof d !== 'object' || Array.isArray(d))
      return send(bad('Document must be a JSON object'));
    const doc = d as Doc;
    if (doc._id !== undefined && typeof doc._id !== 'string')
      return send(bad('Document id must be a string', 'illegal_docid'));
    const shape = revisionShapeError(doc, replicated);
    if (shape) return send(bad(shape));
  }
  return b as BulkBody;
}

export async function bulkWrite(w: WriteCtx): Promise<void> {
  const { res } = w;
  const b = await readBulk(w.req, res);
  if (!b) return;
  const replicated = b.new_edits === false;
  const docs = b.docs;

  const refusals = new Map<number, BulkRefusal>();
  const refuse = (i: number, error: string, reason: string) => {
    const d = docs[i]!;
    refusals.set(i, {
      id: d._id,
      ...(typeof d._rev === 'string' ? { rev: d._rev } : {}),
      error,
      reason,
    });
  };
  const toPlan: number[] = [];
  docs.forEach((d, i) => {
    const id = d._id ?? '';
    const r = idRefusal(w, id);
    if (r) return refuse(i, r.error, r.reason);
    if (id.startsWith('_design/')) return w.forget();
    if (!id.startsWith('_local/')) toPlan.push(i);
  });
  const plans = await planDocs(
    w.facts,
    w.db,
    toPlan.map((i) => docs[i]!),
    replicated,
  );
  toPlan.forEach((i, k) => {
    const plan = plans[k]!;
    if (plan.kind === 'refuse') return refuse(i, 'forbidden', plan.reason);
    if (plan.kind === 'skip') return;
    const outcome = validate(w, docs[i]!, plan.oldDoc);
    if (!outcome.ok) refuse(i, outcome.error, outcome.reason);
  });

  if (refusals.size === 0) return w.next();
  const allowed = docs.filter((_, i) => !refusals.has(i));
  if (allowed.length === 0) return sendJson(res, 201, [...refusals.values()]);

  // Write the accepted documents through express-pouchdb, then splice the refusals into its
  // answer in request order — CouchDB answers _bulk_docs with one entry per document
  // (with new_edits:false, only the failures).
  b.docs = allowed;
  interceptJsonArray(res, (written) => {
    if (replicated || written.length !== allowed.length) return [...written, ...refusals.values()];
    const merged: unknown[] = [];
    let j = 0;
    for (let i = 0; i < docs.length; i++) merged.push(refusals.get(i) ?? written[j++]);
    return merged;
  });
  w.next();
}

/** Runs every validate_doc_update of the database; the first refusal wins (as in CouchDB). */
function validate(w: WriteCtx, newDoc: Doc, oldDoc: Doc | null): VduOutcome {
  const userCtx: UserCtx = { db: w.db, name: w.ctx.name, roles: [...w.ctx.roles] };
  for (const v of w.dbFacts.validators) {
    const outcome = runValidate(
      v.fn,
      newDoc,
      oldDoc && !oldDoc._deleted ? oldDoc : null,
      userCtx,
      w.dbFacts.security,
    );
    if (!outcome.ok) return outcome;
  }
  return { ok: true };
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
