import { basicAuthHeader } from './http-util';

/**
 * Minimal CouchDB admin client over fetch, used by provisioning and user management. It
 * speaks only the public CouchDB API, so the same code works against pouchdb-server and
 * Apache CouchDB 3.x.
 */

export interface AdminCredentials {
  username: string;
  password: string;
}

export interface CouchResponse<T = unknown> {
  status: number;
  ok: boolean;
  body: T;
}

export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    what: string,
  ) {
    super(`${what}: ${reason || error} (HTTP ${status})`);
  }
}

export class CouchClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(url: string, admin: AdminCredentials) {
    this.base = url.replace(/\/+$/, '');
    this.auth = basicAuthHeader(admin.username, admin.password);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<CouchResponse<T>> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: {
          authorization: this.auth,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new Error(
        `Cannot reach the sync server at ${this.base} (${String((e as Error).cause ?? e)}).`,
        { cause: e },
      );
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text; // not JSON (e.g. a proxy's HTML error page): keep it for the message
    }
    return { status: res.status, ok: res.ok, body: parsed as T };
  }

  /** Like request(), but an unexpected status becomes a readable error. */
  async expect<T = unknown>(
    what: string,
    method: string,
    path: string,
    body: unknown,
    okStatuses: number[],
  ): Promise<CouchResponse<T>> {
    const r = await this.request<T>(method, path, body);
    if (!okStatuses.includes(r.status)) {
      const b = (r.body ?? {}) as { error?: string; reason?: string };
      if (r.status === 401) {
        throw new CouchError(401, 'unauthorized', 'the admin user name or password is wrong', what);
      }
      throw new CouchError(r.status, b.error ?? 'error', b.reason ?? '', what);
    }
    return r;
  }
}

export function dbPath(db: string): string {
  return '/' + encodeURIComponent(db);
}

export function docPath(db: string, id: string): string {
  // Design document ids keep their slash (`_design/outpost`); others are fully encoded.
  const encId = id.startsWith('_design/')
    ? '_design/' + encodeURIComponent(id.slice(8))
    : encodeURIComponent(id);
  return `${dbPath(db)}/${encId}`;
}
