/**
 * Database naming (DESIGN §2). One local PouchDB per remote CouchDB database; the split is
 * the security model, so every name is derived here and nowhere else.
 */

export type DbKind = 'master' | 'branch' | 'payroll' | 'files';

/** Local logical name of a branch's transaction database: 'branch-nyc'. */
export function branchDbName(branchCode: string): string {
  return `branch-${branchCode.toLowerCase()}`;
}

/** Local logical name of a branch's document-files database: 'files-nyc'. */
export function filesDbName(branchCode: string): string {
  return `files-${branchCode.toLowerCase()}`;
}

export const MASTER_DB = 'master';
export const PAYROLL_DB = 'payroll';

/** Remote CouchDB database for a local logical name: 'acme-branch-nyc'. */
export function remoteDbName(orgCode: string, localName: string): string {
  return `${orgCode}-${localName}`;
}

/** Name of the PouchDB (IndexedDB) database on this device: 'outpost-acme-branch-nyc'. */
export function localPouchName(orgCode: string, localName: string): string {
  return `outpost-${orgCode}-${localName}`;
}

/** Name of the Dexie index database of a company on this device. */
export function indexDbName(orgCode: string): string {
  return `outpost-index-${orgCode}`;
}

/** Device-level PouchDB holding only `_local/` documents (which company, branch and device this is). */
export const DEVICE_DB = 'outpost-device';

export function dbKind(localName: string): DbKind {
  if (localName === MASTER_DB) return 'master';
  if (localName === PAYROLL_DB) return 'payroll';
  if (localName.startsWith('branch-')) return 'branch';
  if (localName.startsWith('files-')) return 'files';
  throw new Error(`Unknown database name "${localName}"`);
}

/** Branch code of a branch or files database ('branch-nyc' → 'NYC'), or null. */
export function branchCodeOfDb(localName: string): string | null {
  const m = /^(?:branch|files)-([a-z0-9]+)$/.exec(localName);
  return m?.[1] ? m[1].toUpperCase() : null;
}
