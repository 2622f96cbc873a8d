import { compileValidateFunction } from './design/validate';
import type { SecurityObject, UserCtx, ValidateFn } from './design/validate';

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
   * The stored documents the incoming ones would replace (CouchDB's `oldDoc`), by id.
   * For `new_edits:false` (replication) CouchDB validates against the parent revision of
   * the incoming one when the server has it, so we do the same; otherwise the current
   * winning revision. Deleted or missing documents give null.
   */
  async oldDocs(db: string, docs: Doc[], replicated: boolean): Promise<Map<string, Doc | null>> {
    const result = new Map<string, Doc | null>();
    const ids = [...new Set(docs.map((d) => d._id).filter((id) => typeof id === 'string'))];
    if (ids.length === 0) return result;

    const res = await this.post(`/${encodeURIComponent(db)}/_all_docs?include_docs=true`, {
      keys: ids,
    });
    if (!res.ok)
      throw new Error(`Could not read the current documents of ${db} (HTTP ${res.status}).`);
    const rows = (
      (await res.json()) as { rows: { key: string; doc?: Doc | null; error?: string }[] }
    ).rows;
    for (const row of rows) result.set(row.key, row.doc ?? null);

    if (!replicated) return result;
    // Replicated docs: look up the parent revision where it is not the current winner.
    const wanted: { id: string; rev: string }[] = [];
    for (const doc of docs) {
      const parent = parentRev(doc);
      const current = result.get(doc._id);
      if (parent && current?._rev !== parent) wanted.push({ id: doc._id, rev: parent });
      // A first revision (or one without history) has no parent on this branch: CouchDB passes null.
      if (!parent) result.set(doc._id, null);
    }
    if (wanted.length > 0) {
      const bulk = await this.post(`/${encodeURIComponent(db)}/_bulk_get?revs=false`, {
        docs: wanted,
      });
      if (!bulk.ok)
        throw new Error(`Could not read earlier revisions in ${db} (HTTP ${bulk.status}).`);
      const found = (await bulk.json()) as { results: { id: string; docs: { ok?: Doc }[] }[] };
      for (const w of wanted) result.set(w.id, null);
      for (const r of found.results) {
        const ok = r.docs.find((d) => d.ok)?.ok;
        if (ok && !ok._deleted) result.set(r.id, ok);
      }
    }
    return result;
  }

  /**
   * Which of these replicated revisions does the server already have? CouchDB skips those
   * (a replication resending what arrived before), so they are not validated again.
   */
  async existingRevisions(db: string, docs: Doc[]): Promise<Set<string>> {
    const ask: Record<string, string[]> = {};
    for (const d of docs)
      if (typeof d._id === 'string' && typeof d._rev === 'string') (ask[d._id] ??= []).push(d._rev);
    const have = new Set<string>();
    if (Object.keys(ask).length === 0) return have;
    const res = await this.post(`/${encodeURIComponent(db)}/_revs_diff`, ask);
    if (!res.ok) return have;
    const diff = (await res.json()) as Record<string, { missing?: string[] }>;
    for (const [id, revs] of Object.entries(ask)) {
      const missing = diff[id]?.missing ?? [];
      for (const rev of revs) if (!missing.includes(rev)) have.add(`${id}\n${rev}`);
    }
    return have;
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

/** `3-abc` from a replicated doc whose `_revisions` is {start: 4, ids: ['def', 'abc', ...]}. */
function parentRev(doc: Doc): string | null {
  const revs = doc._revisions as { start?: number; ids?: string[] } | undefined;
  if (revs && typeof revs.start === 'number' && Array.isArray(revs.ids) && revs.ids.length > 1) {
    return `${revs.start - 1}-${revs.ids[1]}`;
  }
  return null;
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
  return ctx.roles.includes('_admin') || listed(sec.admins, ctx);
}

/** CouchDB: a database with no member names and no member roles is open to everyone. */
export function isDbMember(sec: SecurityObject, ctx: UserCtx): boolean {
  if (isDbAdmin(sec, ctx)) return true;
  const m = sec.members;
  const open = !m || ((m.names ?? []).length === 0 && (m.roles ?? []).length === 0);
  return open || listed(m, ctx);
}
