import type { IncomingMessage } from 'node:http';
import type { UserCtx } from './design/validate';
import { INTERNAL_HEADER } from './sign-in';
import { SERVER_ADMIN_ROLE } from '../src-renderer/core/roles';

/**
 * Who is making a request. We do not re-implement CouchDB authentication: we ask
 * express-pouchdb's own `/_session` on this same server, forwarding the request's
 * Authorization header and AuthSession cookie, so the password check (against `_users`
 * and the configured admins) is exactly the one pouchdb-server applies.
 *
 * Answers are cached for a few seconds, because a replication sends many requests with
 * the same Basic credentials. The cost: a disabled user or changed password takes up to
 * CACHE_MS to take effect on this server.
 */

const CACHE_MS = 5_000;
const CACHE_MAX = 1_000;

export type SessionResult =
  { ok: true; userCtx: UserCtx } | { ok: false; status: number; error: string; reason: string };

export class SessionResolver {
  private readonly cache = new Map<string, { at: number; userCtx: UserCtx }>();

  /** `internalToken` marks our look-ups so the sign-in guard does not count them again. */
  constructor(
    private readonly baseUrl: () => string,
    private readonly internalToken?: string,
  ) {}

  async resolve(req: IncomingMessage): Promise<SessionResult> {
    const authorization = req.headers.authorization ?? '';
    const cookie = sessionCookie(req.headers.cookie);
    if (!authorization && !cookie) return { ok: true, userCtx: { name: null, roles: [] } };

    const key = `${authorization}\n${cookie}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return { ok: true, userCtx: copy(hit.userCtx) };

    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.internalToken) headers[INTERNAL_HEADER] = this.internalToken;
    if (authorization) headers.authorization = authorization;
    if (cookie) headers.cookie = `AuthSession=${cookie}`;
    const res = await fetch(`${this.baseUrl()}/_session`, { headers });
    const body = (await res.json().catch(() => ({}))) as {
      userCtx?: { name?: string | null; roles?: string[] };
      error?: string;
      reason?: string;
    };
    if (!res.ok) {
      return {
        ok: false,
        status: res.status,
        error: body.error ?? 'unauthorized',
        reason: body.reason ?? 'Name or password is incorrect.',
      };
    }
    const userCtx: UserCtx = { name: body.userCtx?.name ?? null, roles: body.userCtx?.roles ?? [] };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, { at: Date.now(), userCtx });
    return { ok: true, userCtx: copy(userCtx) };
  }
}

function copy(ctx: UserCtx): UserCtx {
  return { name: ctx.name, roles: [...ctx.roles] };
}

function sessionCookie(header: string | undefined): string {
  if (!header) return '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'AuthSession') return v.join('=');
  }
  return '';
}

export function isServerAdmin(ctx: UserCtx): boolean {
  return ctx.roles.includes(SERVER_ADMIN_ROLE);
}
