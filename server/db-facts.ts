import { docPath } from './couch-client';
import { compileValidateFunction } from './design/validate';
import type { SecurityObject, UserCtx, ValidateFn } from './design/validate';
import { SERVER_ADMIN_ROLE } from '../src-renderer/core/roles';

/**
 * What the guards need to know about a database — its `_security` object and the
 * validate_doc_update functions of its design documents — read over HTTP from this same
 * server as the server admin (the public CouchDB API, no pouchdb-server internals).
 *
 * Cached briefly: a replication batch would otherwise re-read them for every request.
 * Writes to `_security` or design documents go through our guard, which calls forget().
 */

const CACHE_MS = 3_000;

export interface DbFacts {
  exists: boolean;
  security: SecurityObject;
  validators: { ddocId: string; fn: ValidateFn }[];
}

export type Doc = Record<string, unknown> & { _id: string; _rev?: string };

export interface Stored {
  exists: boolean;
  winnerRev: string | null;
  /** Body of the winning revision; null when the document is deleted or missing. */
  winner: Doc | null;
}

export class DbFactsStore {
  private readonly cache = new Map<string, { at: number; facts: DbFacts }>();
  private readonly compiled = new Map<string, ValidateFn>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly adminAuth: string,
  ) {}

  forget(db: string): void {
    this.cache.delete(db);
  }

  async facts(db: string): Promise<DbFacts> {
    const hit = this.cache.get(db);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.facts;

    const secRes = await this.get(`/${encodeURIComponent(db)}/_security`);
    if (secRes.status === 404) return { exists: false, security: {}, validators: [] };
    if (!secRes.ok)
      throw new Error(`Could not read the security settings of ${db} (HTTP ${secRes.status}).`);
    const security = ((await secRes.json()) ?? {}) as SecurityObject;

    const range = `startkey=${encodeURIComponent('"_design/"')}&endkey=${encodeURIComponent('"_design0"')}&include_docs=true`;
    const ddocRes = await this.get(`/${encodeURIComponent(db)}/_all_docs?${range}`);
    if (!ddocRes.ok)
      throw new Error(`Could not read the design documents of ${db} (HTTP ${ddocRes.status}).`);
    const rows = (
      (await ddocRes.json()) as { rows: { id: string; doc?: { validate_doc_update?: unknown } }[] }
    ).rows;

    const validators: DbFacts['validators'] = [];
    for (const row of rows) {
      const src = row.doc?.validate_doc_update;
      if (typeof src !== 'string' || src.trim() === '') continue;
      validators.push({ ddocId: row.id, fn: this.compile(src) });
    }
    const facts = { exists: true, security, validators };
    this.cache.set(db, { at: Date.now(), facts });
    return facts;
  }

  /**
   * The current state of these documents: whether any revision exists (deleted ones
   * included), the winning revision and, unless deleted, its body.
   */
  async stored(db: string, ids: string[]): Promise<Map<string, Stored>> {
    const result = new Map<string, Stored>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return result;
    const res = await this.post(`/${encodeURIComponent(db)}/_all_docs?include_docs=true`, {
      keys: unique,
    });
    if (!res.ok)
      throw new Error(`Could not read the current documents of ${db} (HTTP ${res.status}).`);
    const rows = (
      (await res.json()) as {
        rows: { key: string; value?: { rev?: string; deleted?: boolean }; doc?: Doc | null }[];
      }
    ).rows;
    for (const row of rows) {
      const rev = row.value?.rev ?? null;
      result.set(row.key, {
        exists: rev !== null,
        winnerRev: rev,
        winner: rev && !row.value?.deleted ? (row.doc ?? null) : null,
      });
    }
    return result;
  }

  /** Of the revisions asked about per document id, those the server's revision tree holds. */
  async knownRevisions(db: string, ask: Map<string, string[]>): Promise<Map<string, Set<string>>> {
    const known = new Map<string, Set<string>>();
    if (ask.size === 0) return known;
    const res = await this.post(`/${encodeURIComponent(db)}/_revs_diff`, Object.fromEntries(ask));
    if (!res.ok) throw new Error(`Could not compare revisions in ${db} (HTTP ${res.status}).`);
    const diff = (await res.json()) as Record<string, { missing?: string[] }>;
    for (const [id, revs] of ask) {
      const missing = new Set(diff[id]?.missing ?? []);
      known.set(id, new Set(revs.filter((r) => !missing.has(r))));
    }
    return known;
  }

  /** One revision's body (deleted ones too), or null when the server no longer has it. */
  async revision(db: string, id: string, rev: string): Promise<Doc | null> {
    const res = await this.get(`${docPath(db, id)}?rev=${encodeURIComponent(rev)}`);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`Could not read a revision in ${db} (HTTP ${res.status}).`);
    return (await res.json()) as Doc;
  }

  /** Every leaf revision of a document (the winner and its conflicts, deleted ones too). */
  async leaves(db: string, id: string): Promise<Doc[]> {
    const res = await this.get(`${docPath(db, id)}?open_revs=all`);
    if (res.status === 404) return [];
    if (!res.ok)
      throw new Error(`Could not read the versions of a document in ${db} (HTTP ${res.status}).`);
    const rows = (await res.json()) as { ok?: Doc }[];
    return rows.flatMap((r) => (r.ok ? [r.ok] : []));
  }

  private compile(src: string): ValidateFn {
    let fn = this.compiled.get(src);
    if (!fn) {
      try {
        fn = compileValidateFunction(src);
      } catch (e) {
        // A broken function refuses everything rather than letting everything through.
        const reason = `The database's validation function is broken: ${String(e)}`;
        fn = () => {
          throw { forbidden: reason };
        };
      }
      this.compiled.set(src, fn);
    }
    return fn;
  }

  private get(path: string): Promise<Response> {
    return fetch(this.baseUrl() + path, {
      headers: { authorization: this.adminAuth, accept: 'application/json' },
    });
  }

  private post(path: string, body: unknown): Promise<Response> {
    return fetch(this.baseUrl() + path, {
      method: 'POST',
      headers: {
        authorization: this.adminAuth,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  }
}

/** Roles or names listed in a `_security` section. */
function listed(
  section: { names?: string[]; roles?: string[] } | undefined,
  ctx: UserCtx,
): boolean {
  if (!section) return false;
  if (ctx.name && (section.names ?? []).includes(ctx.name)) return true;
  return (section.roles ?? []).some((r) => ctx.roles.includes(r));
}

export function isDbAdmin(sec: SecurityObject, ctx: UserCtx): boolean {
  return ctx.roles.includes(SERVER_ADMIN_ROLE) || listed(sec.admins, ctx);
}

/** CouchDB: a database with no member names and no member roles is open to everyone. */
export function isDbMember(sec: SecurityObject, ctx: UserCtx): boolean {
  if (isDbAdmin(sec, ctx)) return true;
  const m = sec.members;
  const open = !m || ((m.names ?? []).length === 0 && (m.roles ?? []).length === 0);
  return open || listed(m, ctx);
}
