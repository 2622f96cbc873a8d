import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendCouchError } from './http-util';
import type { Handler, Next } from './pouchdb-runtime';

/**
 * The last handler of the sync server. Without it an error inside express-pouchdb reaches
 * express's default handler, which answers an HTML page with the stack trace and the
 * server's file paths. Clients get CouchDB's JSON error shape instead; the details go to the
 * server's own log.
 */

interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
  type?: unknown;
}

function jsonErrors(err: unknown, req: IncomingMessage, res: ServerResponse, _next: Next): void {
  const e = (err && typeof err === 'object' ? err : {}) as HttpishError;
  const raw =
    typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  const status = raw >= 400 && raw < 600 ? raw : 500;
  if (status >= 500) console.error(`[sync-server] ${req.method} ${req.url} failed:`, err);
  if (res.headersSent) {
    // Too late for a clean answer: end the response rather than leave the client waiting.
    res.destroy();
    return;
  }
  if (e.type === 'entity.parse.failed')
    return sendCouchError(res, 400, 'bad_request', 'invalid_json');
  if (status === 413)
    return sendCouchError(res, 413, 'too_large', 'The request is too large for this server.');
  if (status < 500) {
    // http-errors marks the messages that are safe to show (they carry no paths).
    const reason =
      e.expose === true && typeof e.message === 'string'
        ? e.message
        : 'The request could not be handled.';
    return sendCouchError(res, status, 'bad_request', reason);
  }
  sendCouchError(
    res,
    500,
    'unknown_error',
    'The sync server could not handle this request; the details are in its log.',
  );
}

/**
 * Express recognises error handlers by their four parameters; the shared `Handler` type
 * has three, hence the cast.
 */
export const jsonErrorHandler = jsonErrors as unknown as Handler;
