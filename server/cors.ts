import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler, Next } from './pouchdb-runtime';

/**
 * CORS for the web app and the Electron app. Browsers send the sync credentials (Basic auth
 * or the AuthSession cookie), so we must name the requesting origin — `*` is not allowed
 * together with credentials. Allowed: any loopback origin (dev server, e2e, web mode),
 * the packaged app's `app://outpost`, and origins configured by the operator (the
 * `corsOrigins` option or `/_config/cors/origins` as set by provisioning).
 */

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const BUILT_IN = ['app://outpost'];
const METHODS = 'GET, PUT, POST, HEAD, DELETE';
const HEADERS = 'accept, authorization, content-type, origin, referer';
const EXPOSED =
  'cache-control, content-type, etag, server, x-couch-request-id, x-couch-update-newrev';

export function originAllowed(origin: string, extra: readonly string[]): boolean {
  if (LOOPBACK.test(origin) || BUILT_IN.includes(origin)) return true;
  return extra.some((o) => o === '*' || o.replace(/\/+$/, '') === origin);
}

/** `configuredOrigins` is read per request so a change through /_config applies at once. */
export function corsMiddleware(configuredOrigins: () => readonly string[]): Handler {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const origin = req.headers.origin;
    const allowed = typeof origin === 'string' && originAllowed(origin, configuredOrigins());
    res.setHeader('Vary', 'Origin');
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      // Preflight: answered here, never by the database layer.
      if (allowed) {
        res.setHeader('Access-Control-Allow-Methods', METHODS);
        res.setHeader('Access-Control-Allow-Headers', HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.statusCode = allowed ? 204 : 403;
      res.end();
      return;
    }
    next();
  };
}

/** Parses CouchDB's `cors/origins` value: a comma-separated list. */
export function parseOriginList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
