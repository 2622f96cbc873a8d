import type { IncomingMessage, ServerResponse } from 'node:http';
import { docTarget } from './guard-path';
import { BodyError, pathSegments, readJsonBody, sendCouchError } from './http-util';
import type { Handler } from './pouchdb-runtime';
import type { SessionResolver } from './session';

/**
 * What one request may cost. CouchDB's own limits, with defaults for a small office server:
 *
 *  - `maxDocumentSize` (CouchDB `[couchdb] max_document_size`, 8,000,000 bytes): the JSON of
 *    one document, inline base64 attachments included — a single PUT/POST body, and each
 *    document of a `_bulk_docs`. Answer: 413 `document_too_large`.
 *  - `maxAttachmentSize` (CouchDB `[couchdb] max_attachment_size`, unlimited there): one
 *    attachment uploaded on its own (`PUT /db/doc/file`). 10 MiB here: PouchDB 7 inside
 *    pouchdb-server needs about 35 times an attachment's size in memory while it stores it
 *    (measured: 20 MiB → 0.7 GB, 45 MiB → 1.6 GB). Answer: 413 `attachment_too_large`.
 *  - `maxHttpRequestSize` (CouchDB `[chttpd] max_http_request_size`, 4 GiB there): any body,
 *    e.g. a `_bulk_docs` batch. 64 MiB here: a replication batch of PouchDB's default 100
 *    documents stays far below it, and the whole body is parsed in memory. Answer: 413 `too_large`.
 *  - `maxAnonymousBodySize` (64 KiB): bodies of requests without valid credentials, and every
 *    `POST /_session`, so nobody can make the server read megabytes before signing in.
 *
 * A `Content-Length` over the limit is refused before anything is read. Otherwise (chunked
 * bodies, or a client that lies) bytes are counted as they arrive from the socket, and the
 * request is refused the moment the count passes the limit: nothing buffers more than the limit.
 */
export interface Limits {
  maxDocumentSize: number;
  maxAttachmentSize: number;
  maxHttpRequestSize: number;
  maxAnonymousBodySize: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDocumentSize: 8_000_000,
  maxAttachmentSize: 10 * 1024 * 1024,
  maxHttpRequestSize: 64 * 1024 * 1024,
  maxAnonymousBodySize: 64 * 1024,
};

export interface BodyCap {
  limit: number;
  error: string;
  reason: string;
}

const TOO_LARGE = 'the request entity is too large';

export function limitsMiddleware(limits: () => Limits, sessions: SessionResolver): Handler {
  return (req, res, next) => {
    applyLimits(limits(), sessions, req, res).then(
      (pass) => {
        if (pass) next();
      },
      (e: unknown) => {
        if (res.headersSent) return;
        // A body that is not JSON is the client's mistake (400), not the server's.
        if (e instanceof BodyError) return sendCouchError(res, e.status, e.error, e.message);
        sendCouchError(res, 500, 'unknown_error', `The sync server failed: ${String(e)}`);
      },
    );
  };
}

async function applyLimits(
  limits: Limits,
  sessions: SessionResolver,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (!mayHaveBody(req)) return true;
  const target = classify(req);
  let cap: BodyCap =
    target.kind === 'document'
      ? { limit: limits.maxDocumentSize, error: 'document_too_large', reason: target.name }
      : target.kind === 'attachment'
        ? {
            limit: Math.min(limits.maxAttachmentSize, limits.maxHttpRequestSize),
            error: 'attachment_too_large',
            reason: target.name,
          }
        : { limit: limits.maxHttpRequestSize, error: 'too_large', reason: TOO_LARGE };
  if (refuseByLength(req, res, cap)) return false;
  if (cap.limit > limits.maxAnonymousBodySize && !(await signedIn(req, sessions))) {
    cap = { limit: limits.maxAnonymousBodySize, error: 'too_large', reason: TOO_LARGE };
  }
  if (!capBody(req, res, cap)) return false;

  if (target.kind === 'bulk') {
    // Each document of the batch is held to the document limit, as CouchDB does; the batch is
    // parsed here once (bounded by the request limit) and handed on as `req.body`.
    const body = (await readJsonBody(req, Number.POSITIVE_INFINITY)) as { docs?: unknown };
    if (Array.isArray(body?.docs)) {
      for (const doc of body.docs) {
        const size = Buffer.byteLength(JSON.stringify(doc) ?? '');
        if (size > limits.maxDocumentSize) {
          const id = (doc as { _id?: unknown } | null)?._id;
          sendCouchError(res, 413, 'document_too_large', typeof id === 'string' ? id : 'document');
          return false;
        }
      }
    }
  }
  return true;
}

/** Requests without credentials, or whose credentials are not a signed-in user. */
async function signedIn(req: IncomingMessage, sessions: SessionResolver): Promise<boolean> {
  const cookie = req.headers.cookie ?? '';
  if (!req.headers.authorization && !/(^|;\s*)AuthSession=/.test(cookie)) return false;
  const session = await sessions.resolve(req);
  return session.ok && session.userCtx.name !== null;
}

function mayHaveBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) !== 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/** 413 now when the declared length is over the cap. */
export function refuseByLength(req: IncomingMessage, res: ServerResponse, cap: BodyCap): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared > cap.limit)) return false;
  sendCouchError(res, 413, cap.error, cap.reason);
  return true;
}

interface Counted extends IncomingMessage {
  outpostCap?: BodyCap & { seen: number };
}

/**
 * Holds the body to `cap` while it streams in: Node's HTTP parser hands every chunk to
 * `req.push`, before any reader sees it, so counting there bounds every reader at once
 * (ours, body-parser's, express-pouchdb's raw-body). Past the limit the request answers 413
 * and goes quiet: no more data, end or error events reach whoever was reading, so nothing
 * else answers or keeps the chunks. Returns false when already refused by Content-Length.
 * Calling it again lowers the cap of a request that already has one.
 */
export function capBody(req: IncomingMessage, res: ServerResponse, cap: BodyCap): boolean {
  if (refuseByLength(req, res, cap)) return false;
  const counted = req as Counted;
  if (counted.outpostCap) {
    if (cap.limit < counted.outpostCap.limit) Object.assign(counted.outpostCap, cap);
    return true;
  }
  const state = { ...cap, seen: 0 };
  counted.outpostCap = state;
  const push = req.push.bind(req);
  let refused = false;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (refused) return false;
    if (chunk !== null && chunk !== undefined) {
      state.seen += (chunk as Uint8Array).length;
      if (state.seen > state.limit) {
        refused = true;
        silence(req);
        if (!res.headersSent) sendCouchError(res, 413, state.error, state.reason);
        return false; // stop reading from the socket; Connection: close ends it after the answer
      }
    }
    return push(chunk, encoding);
  };
  return true;
}

function silence(req: IncomingMessage): void {
  const emit = req.emit.bind(req);
  req.emit = ((event: string | symbol, ...args: unknown[]) =>
    event === 'close' ? emit(event, ...args) : false) as typeof req.emit;
  req.pause();
}

type Target = { kind: 'document' | 'attachment'; name: string } | { kind: 'bulk' | 'request' };

/** What a body-carrying request writes, so it gets the matching limit. */
function classify(req: IncomingMessage): Target {
  const method = req.method ?? 'GET';
  const [db, ...rest] = pathSegments(req);
  if (!db || (db.startsWith('_') && db !== '_users')) return { kind: 'request' };
  if (/^multipart\//i.test(req.headers['content-type'] ?? '')) return { kind: 'request' };
  if (rest.length === 0)
    return method === 'POST' ? { kind: 'document', name: 'document' } : { kind: 'request' };
  if (method === 'POST' && rest.length === 1 && rest[0] === '_bulk_docs') return { kind: 'bulk' };
  if (method !== 'PUT') return { kind: 'request' };
  const target = docTarget(rest);
  if (!target) return { kind: 'request' };
  if (target.attachment === null) return { kind: 'document', name: target.id };
  return { kind: 'attachment', name: target.attachment };
}
