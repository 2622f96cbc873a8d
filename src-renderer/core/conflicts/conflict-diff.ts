import type { ConflictField } from '../rpc/contract';

/**
 * Comparing the versions of a conflicted document, field by field (issue 4 §3). Pure: the
 * core lists conflicts with it and the Conflicts page reads its result.
 */

/** Never shown or merged: PouchDB's own bookkeeping. */
const REVISION_FIELDS = new Set([
  '_id',
  '_rev',
  '_conflicts',
  '_revisions',
  '_revs_info',
  '_attachments',
  '_deleted',
]);

/**
 * Who/when/what-type fields every document carries. They are shown in each version's header,
 * not merged: a resolution keeps the winner's identity and stamps who resolved it.
 */
export const AUDIT_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'v',
  'branch',
  'createdAt',
  'createdBy',
  'device',
  'updatedAt',
  'updatedBy',
  'updatedOn',
]);

export function isAuditField(field: string): boolean {
  return AUDIT_FIELDS.has(field);
}

/** Structural equality of JSON-like values (objects compared key by key, in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) {
    // A missing key and an undefined value are the same thing once stored as JSON.
    if (!sameValue(ao[k], bo[k])) return false;
  }
  return true;
}

/**
 * The union of the versions' field names (minus revision bookkeeping), each with every
 * version's value (undefined where a version lacks it) and whether they differ. Ordered as
 * the fields first appear, version by version, with audit fields last.
 */
export function diffVersions(versions: readonly Record<string, unknown>[]): ConflictField[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const v of versions) {
    for (const k of Object.keys(v)) {
      if (REVISION_FIELDS.has(k) || seen.has(k)) continue;
      seen.add(k);
      names.push(k);
    }
  }
  const ordered = [
    ...names.filter((n) => !isAuditField(n)),
    ...names.filter((n) => isAuditField(n)),
  ];
  return ordered.map((field) => {
    const values = versions.map((v) => v[field]);
    const first = values[0];
    return {
      field,
      values,
      differs: values.some((x) => !sameValue(first, x)),
      audit: isAuditField(field),
    };
  });
}

/** The content of a merge: for each field, the value of the version picked (index into versions). */
export function mergeFields(
  fields: readonly ConflictField[],
  picks: Readonly<Record<string, number>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.audit) continue;
    const i = picks[f.field] ?? 0;
    // undefined = the picked version has no such field; the merge leaves it out too.
    out[f.field] = i >= 0 && i < f.values.length ? f.values[i] : f.values[0];
  }
  return out;
}
