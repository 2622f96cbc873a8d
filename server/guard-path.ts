import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendCouchError } from './http-util';

/**
 * How the guard reads a request's address. express-pouchdb routes on the raw (still
 * percent-encoded) path and decodes parameters afterwards, so `_local%2F_security`,
 * `%5Flocal/_security` or `/db/doc/` can name a different document for express than a naive
 * reading would. Rather than re-implementing express's routing, the guard refuses, for
 * everyone but the server admin, the address forms no CouchDB client sends: encoded
 * slashes, encoded leading underscores, empty segments, bad escapes.
 */

export interface RequestPath {
  /** Decoded segments; a single trailing slash after the database name is dropped (`/db/`). */
  seg: string[];
  /** Why the address is refused for non-admins, or null when it is plain. */
  odd: string | null;
}

export const ODD_PATH_REASON =
  'The address of this request is written in a form the sync server does not accept.';

export function requestPath(req: IncomingMessage): RequestPath {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const raw = path.split('/').slice(1);
  if (raw.length === 1 && raw[0] === '') return { seg: [], odd: null }; // `/`
  // PouchDB asks for database info at `/db/`.
  if (raw.length === 2 && raw[1] === '') raw.pop();
  let odd: string | null = null;
  const seg = raw.flatMap((r, i) => {
    if (r === '') odd = ODD_PATH_REASON;
    let d = r;
    try {
      d = decodeURIComponent(r);
    } catch {
      odd = ODD_PATH_REASON;
    }
    // Many CouchDB clients encode a design document's id whole (`_design%2Fx`); express reads
    // it as the same document as `_design/x`, and so do we.
    if (i === 1 && /^_design%2F/i.test(r) && /^_design\/[^/]+$/.test(d)) return d.split('/');
    if (d.includes('/')) odd = ODD_PATH_REASON;
    // Only the database and the segment after it are routed on a leading underscore. Deeper
    // segments are names (PouchDB's checkpoint `_local/_x…%3D%3D` starts with one in 1 of 64
    // replications) and the guard reads them decoded, as express does.
    if (i <= 1 && d !== r && d.startsWith('_')) odd = ODD_PATH_REASON;
    return [d];
  });
  return { seg, odd };
}

/**
 * A query parameter as express-pouchdb sees it: it JSON-parses every value it can, so
 * `?new_edits=0` and `?new_edits=` both switch new_edits off, and `?id="x"` names `x`.
 */
export function expressQuery(
  req: IncomingMessage,
  name: string,
): { present: boolean; value: unknown } {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.searchParams.has(name)) return { present: false, value: undefined };
  const raw = url.searchParams.get(name) ?? '';
  try {
    return { present: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { present: true, value: raw };
  }
}

/** CouchDB database names; anything else could be mapped onto another database's files. */
const DB_NAME = /^[a-z][a-z0-9_$()+-]*$/;

export function badDbName(name: string): string | null {
  if (DB_NAME.test(name)) return null;
  return `Name: '${name}'. Only lowercase characters (a-z), digits (0-9), and any of the characters _, $, (, ), +, - are allowed. Must begin with a letter.`;
}

export const SECURITY_DOC_ID = '_local/_security';

// CouchDB 3's own words for each refusal (chttpd_auth_request, couch_db:check_is_admin).
export const NOT_SERVER_ADMIN = 'You are not a server admin.';
export const NOT_SERVER_OR_DB_ADMIN = 'You are not a server or db admin.';
export const NOT_DB_ADMIN = 'You are not a db or server admin.';
export const SECURITY_REASON =
  'Only a server administrator may change who can use a database; ask your administrator.';

/** Server-admin work: CouchDB answers 401 to everyone else, signed in or not. */
export function denyServerAdmin(res: ServerResponse): void {
  sendCouchError(res, 401, 'unauthorized', NOT_SERVER_ADMIN);
}

/** CouchDB's throw_security_error: 401 without a name, 403 with one. */
export function denySecurity(res: ServerResponse, name: string | null, reason: string): void {
  if (!name) return sendCouchError(res, 401, 'unauthorized', reason);
  sendCouchError(res, 403, 'forbidden', reason);
}

/** Not a member of the database (or of `_users`): CouchDB's words for each case. */
export function denyNotMember(res: ServerResponse, name: string | null): void {
  denySecurity(
    res,
    name,
    name ? 'You are not allowed to access this db.' : 'You are not authorized to access this db.',
  );
}

/**
 * `/db/<id>[/<attachment>]`, with `_design/` and `_local/` ids spanning two segments. Read by
 * the guard and by the size limits, so both agree on what a request writes.
 */
export function docTarget(rest: string[]): { id: string; attachment: string | null } | null {
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
