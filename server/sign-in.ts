import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthThrottle } from './auth-throttle';
import { capBody } from './limits';
import { basicAuthHeader, pathSegments, sendCouchError } from './http-util';
import type { Handler } from './pouchdb-runtime';

/**
 * Every password that reaches the server — Basic auth on any request, or a `POST /_session`
 * form or JSON body — passes here first: refused while its name or address is locked out
 * (see auth-throttle.ts), checked once, and counted when wrong. express-pouchdb checks it
 * again behind us, which costs nothing: the check result is cached (password-hash.ts).
 */

/** Apache CouchDB 3.4's lockout answer, word for word (chttpd_auth `?LOCKOUT_MSG`). */
export const LOCKOUT = {
  status: 403,
  error: 'forbidden',
  reason: 'Account is temporarily locked due to multiple authentication failures',
} as const;

export const ADDRESS_THROTTLED = {
  status: 429,
  error: 'too_many_requests',
  reason: 'Too many failed sign-ins from this computer. Wait a few minutes, then try again.',
} as const;

/**
 * The server's own requests to itself (access facts, session look-ups). They carry a
 * per-process token instead of being counted, so no amount of wrong guesses on this machine
 * can lock the server out of its own checks.
 */
export class InternalAuth {
  readonly token = randomBytes(24).toString('base64url');
  /** What the server's own look-ups send as Authorization; swapped for the admin's here. */
  readonly header = basicAuthHeader('_outpost_internal', this.token);
  readonly adminHeader: string;

  constructor(admin: { username: string; password: string }) {
    this.adminHeader = basicAuthHeader(admin.username, admin.password);
  }
}

export const INTERNAL_HEADER = 'x-outpost-internal';

export interface SignInDeps {
  throttle: AuthThrottle;
  internal: InternalAuth;
  /** True when the password is right (cached); false for a wrong one or an unknown user. */
  checkPassword(name: string, password: string): Promise<boolean>;
  maxBodySize(): number;
}

/**
 * Basic credentials that checked out in the last few seconds, by header. A replication sends
 * the same header with every request; without this each one re-read the user document (about
 * 0.8 ms a request). Same window as the session cache (session.ts): a changed password or a
 * disabled user can still sync for up to 5 s. A lockout still applies at once (checked first).
 */
const RECENT_MS = 5_000;
const RECENT_MAX = 1_000;

export function signInGuard(deps: SignInDeps): Handler {
  const recent = new Map<string, number>();
  return (req, res, next) => {
    signIn(deps, req, res, recent).then(
      (pass) => {
        if (pass) next();
      },
      (e: unknown) => {
        if (!res.headersSent)
          sendCouchError(
            res,
            500,
            'unknown_error',
            `The sync server failed to sign in: ${String(e)}`,
          );
      },
    );
  };
}

async function signIn(
  deps: SignInDeps,
  req: IncomingMessage,
  res: ServerResponse,
  recent: Map<string, number>,
): Promise<boolean> {
  const address = req.socket.remoteAddress ?? '';
  const loopback = /^(127\.|::1$|::ffff:127\.)/.test(address);
  if (loopback && req.headers[INTERNAL_HEADER] === deps.internal.token) return true;
  if (loopback && req.headers.authorization === deps.internal.header) {
    req.headers.authorization = deps.internal.adminHeader;
    req.headers[INTERNAL_HEADER] = deps.internal.token;
    return true;
  }
  delete req.headers[INTERNAL_HEADER];

  const basic = basicCredentials(req.headers.authorization);
  let creds = basic;
  const seg = pathSegments(req);
  if (req.method === 'POST' && seg.length === 1 && seg[0] === '_session') {
    const limit = deps.maxBodySize();
    if (
      !capBody(req, res, { limit, error: 'too_large', reason: 'the request entity is too large' })
    )
      return false;
    const form = await readSignInBody(req);
    if (form === null) {
      sendCouchError(res, 400, 'bad_request', 'Send the name and password as JSON or as a form.');
      return false;
    }
    if (typeof form.name === 'string' && typeof form.password === 'string')
      creds = { name: form.name, password: form.password };
  }
  if (!creds) return true;

  const state = deps.throttle.check(creds.name, address);
  if (state.refused) {
    const answer = state.refused === 'user' ? LOCKOUT : ADDRESS_THROTTLED;
    res.setHeader('Retry-After', String(Math.ceil(state.retryAfterMs / 1000)));
    sendCouchError(res, answer.status, answer.error, answer.reason);
    return false;
  }
  const header = creds === basic ? (req.headers.authorization ?? '') : '';
  if (header && (recent.get(header) ?? 0) > Date.now()) return true;
  if (await deps.checkPassword(creds.name, creds.password)) {
    deps.throttle.succeed(creds.name, address);
    if (header) {
      if (recent.size >= RECENT_MAX) recent.clear();
      recent.set(header, Date.now() + RECENT_MS);
    }
    return true;
  }
  if (header) recent.delete(header);
  deps.throttle.fail(creds.name, address);
  sendCouchError(res, 401, 'unauthorized', 'Name or password is incorrect.');
  return false;
}

function basicCredentials(header: string | undefined): { name: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * Reads the (capped) sign-in body and leaves it parsed on `req.body` with body-parser's
 * `_body` flag, so express-pouchdb's `/_session` handler uses it rather than re-reading.
 */
async function readSignInBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: Record<string, unknown> = {};
  if (/^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
    body = Object.fromEntries(new URLSearchParams(text));
  } else if (text.trim().length > 0) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      body = parsed as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const withBody = req as IncomingMessage & { body?: unknown; _body?: boolean };
  withBody.body = body;
  withBody._body = true;
  return body;
}
