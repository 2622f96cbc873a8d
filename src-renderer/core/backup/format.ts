/**
 * The backup file format (pure: no database, no file system). A backup is gzip-compressed
 * newline-delimited JSON, one record a line, so it is written and read in one streaming pass:
 *
 *   1. the header: what the file is, when and by which device it was made, the device
 *      configuration needed to open the databases again, and the list of databases;
 *   2. one line per document: every leaf revision (winner, conflicts, deletions) with its
 *      revision history, as `bulkDocs(…, { new_edits: false })` takes it back;
 *   3. one line per kept `_local/` document (see local-docs.ts);
 *   4. the manifest, last: per database the number of documents, revisions and local
 *      documents and a SHA-256 over its lines. Last, like a zip's directory, so the file is
 *      written in one pass and a file cut short can never look complete.
 *
 * Restoring reads the whole file and checks the manifest before it writes anything.
 */
import { z } from 'zod';
import type { DeviceConfig } from '../org/device-config';

export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = 'outpost-backup';

export type BackupReason = 'manual' | 'before-upgrade';

export interface BackupHeader {
  outpost: 'backup';
  format: number;
  createdAt: string;
  reason: BackupReason;
  /** Document schema versions (type → version) of the build that made it. */
  schema: Record<string, number>;
  config: DeviceConfig;
  databases: string[];
}

export interface Revisions {
  start: number;
  ids: string[];
}

/** One leaf revision as PouchDB returns it with `revs: true`. */
export type Leaf = Record<string, unknown> & {
  _id: string;
  _rev: string;
  _revisions: Revisions;
  _deleted?: boolean;
};

export interface DocLine {
  d: string;
  id: string;
  leaves: Leaf[];
}

export interface LocalLine {
  d: string;
  local: string;
  doc: Record<string, unknown>;
}

export interface DbManifest {
  name: string;
  docs: number;
  revisions: number;
  locals: number;
  sha256: string;
}

export interface ManifestLine {
  manifest: DbManifest[];
}

export type BodyLine = DocLine | LocalLine;

/** What a clerk is shown about a backup before restoring it. */
export interface BackupSummary {
  createdAt: string;
  reason: BackupReason;
  orgCode: string;
  branchCode: string;
  deviceLetter: string;
  deviceLabel: string;
  databases: DbManifest[];
}

/** A backup that cannot be used: the message says what is wrong and that nothing was changed. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

const damaged = (what: string) =>
  new BackupFileError(
    `This backup file is damaged (${what}). Nothing was restored. Use another copy of the backup.`,
  );

const revisions = z.object({
  start: z.number().int().positive(),
  ids: z.array(z.string().min(1)).min(1),
});
const leaf = z
  .looseObject({
    _id: z.string().min(1),
    _rev: z.string().regex(/^\d+-[0-9a-z]+$/),
    _revisions: revisions,
    _deleted: z.boolean().optional(),
  })
  .refine(
    (l) => l._rev === `${l._revisions.start}-${l._revisions.ids[0]}`,
    'a revision does not match its history',
  );
const dbName = z.string().regex(/^(master|payroll|(branch|files)-[a-z0-9]+)$/);
const docLine = z.strictObject({ d: dbName, id: z.string().min(1), leaves: z.array(leaf).min(1) });
const localLine = z.strictObject({
  d: dbName,
  local: z.string().min(1).max(200),
  doc: z.record(z.string(), z.unknown()),
});
const manifestLine = z.strictObject({
  manifest: z.array(
    z.strictObject({
      name: dbName,
      docs: z.number().int().nonnegative(),
      revisions: z.number().int().nonnegative(),
      locals: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
const header = z.looseObject({
  outpost: z.literal('backup'),
  format: z.number().int().positive(),
  createdAt: z.string(),
  reason: z.enum(['manual', 'before-upgrade']),
  schema: z.record(z.string(), z.number()),
  config: z.looseObject({
    orgCode: z.string().regex(/^[a-z][a-z0-9]*$/),
    companyId: z.string().min(1),
    branchCode: z.string().min(1),
    deviceId: z.string().min(1),
    letter: z.string().min(1),
    label: z.string(),
    userName: z.string(),
    databases: z.array(dbName).min(1),
  }),
  databases: z.array(dbName).min(1),
});

function parseJson(line: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged(`line ${n.toLocaleString('en')} is not readable`);
  }
}

export function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined)
    throw new BackupFileError(
      'This file is empty. Nothing was restored. Choose an Outpost backup file.',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    raw = null;
  }
  const kind = (raw as { outpost?: unknown } | null)?.outpost;
  if (kind !== 'backup')
    throw new BackupFileError(
      'This is not an Outpost backup file. Nothing was restored. Choose a file that ends in .outpost-backup.',
    );
  const format = (raw as { format?: unknown }).format;
  if (typeof format === 'number' && format > BACKUP_FORMAT) {
    throw new BackupFileError(
      'This backup was made by a newer version of Outpost. Nothing was restored. Update Outpost on this computer first.',
    );
  }
  const parsed = header.safeParse(raw);
  if (!parsed.success) throw damaged('its first line is incomplete');
  return parsed.data as unknown as BackupHeader;
}

export type ParsedLine =
  | { kind: 'doc'; line: DocLine }
  | { kind: 'local'; line: LocalLine }
  | { kind: 'manifest'; line: ManifestLine };

export function parseBodyLine(text: string, n: number): ParsedLine {
  const raw = parseJson(text, n) as Record<string, unknown>;
  if (raw && typeof raw === 'object' && 'manifest' in raw) {
    const m = manifestLine.safeParse(raw);
    if (!m.success) throw damaged('its list of contents is unreadable');
    return { kind: 'manifest', line: m.data };
  }
  if (raw && typeof raw === 'object' && 'local' in raw) {
    const l = localLine.safeParse(raw);
    if (!l.success) throw damaged(`line ${n.toLocaleString('en')} is not a valid record`);
    return { kind: 'local', line: l.data };
  }
  const d = docLine.safeParse(raw);
  if (
    !d.success ||
    d.data.leaves.some((x) => x._id !== d.data.id) ||
    d.data.id.startsWith('_local/')
  ) {
    throw damaged(`line ${n.toLocaleString('en')} is not a valid record`);
  }
  return { kind: 'doc', line: d.data as DocLine };
}

const encoder = new TextEncoder();
/** Lines are hashed in runs of about this many bytes (SubtleCrypto cannot hash incrementally). */
const HASH_RUN = 1 << 20;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 over a database's lines in file order, chained over runs of about 1 MiB:
 * h = SHA-256(h ‖ run). Writer and reader cut runs by the same rule, so the same lines give
 * the same hash without either holding the whole database in memory.
 */
export class LineHash {
  private state: Uint8Array = new Uint8Array(32);
  private run: string[] = [];
  private runBytes = 0;

  async add(line: string): Promise<void> {
    this.run.push(line, '\n');
    this.runBytes += line.length + 1;
    if (this.runBytes >= HASH_RUN) await this.flush();
  }

  private async flush(): Promise<void> {
    const body = encoder.encode(this.run.join(''));
    const input = new Uint8Array(32 + body.byteLength);
    input.set(this.state, 0);
    input.set(body, 32);
    this.state = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
    this.run = [];
    this.runBytes = 0;
  }

  async digest(): Promise<string> {
    if (this.run.length) await this.flush();
    return hex(this.state.buffer as ArrayBuffer);
  }
}

/** Counts and hashes the lines of each database, as the writer and the checker both do. */
export class ManifestBuilder {
  private readonly dbs = new Map<
    string,
    { docs: number; revisions: number; locals: number; hash: LineHash }
  >();

  constructor(databases: readonly string[]) {
    for (const name of databases)
      this.dbs.set(name, { docs: 0, revisions: 0, locals: 0, hash: new LineHash() });
  }

  has(db: string): boolean {
    return this.dbs.has(db);
  }

  async add(text: string, line: BodyLine): Promise<void> {
    const entry = this.dbs.get(line.d);
    if (!entry) throw damaged(`it holds records of a database its first line does not list`);
    if ('local' in line) entry.locals++;
    else {
      entry.docs++;
      entry.revisions += line.leaves.length;
    }
    await entry.hash.add(text);
  }

  async build(): Promise<DbManifest[]> {
    const out: DbManifest[] = [];
    for (const [name, e] of this.dbs)
      out.push({
        name,
        docs: e.docs,
        revisions: e.revisions,
        locals: e.locals,
        sha256: await e.hash.digest(),
      });
    return out;
  }
}

/** Compares what the file says it holds with what was read; the first difference, in words. */
export function manifestProblem(expected: DbManifest[], actual: DbManifest[]): string | null {
  const got = new Map(actual.map((m) => [m.name, m]));
  if (expected.length !== actual.length) return 'its list of contents does not match its databases';
  for (const e of expected) {
    const a = got.get(e.name);
    if (!a) return `its list of contents names a database it does not hold (${e.name})`;
    if (a.docs !== e.docs)
      return `${e.name} should hold ${e.docs.toLocaleString('en')} records but holds ${a.docs.toLocaleString('en')}`;
    if (a.revisions !== e.revisions || a.locals !== e.locals)
      return `the versions held for ${e.name} do not match its list of contents`;
    if (a.sha256 !== e.sha256)
      return `the contents of ${e.name} were changed after the backup was made`;
  }
  return null;
}

export function summaryOf(h: BackupHeader, manifest: DbManifest[]): BackupSummary {
  return {
    createdAt: h.createdAt,
    reason: h.reason,
    orgCode: h.config.orgCode,
    branchCode: h.config.branchCode,
    deviceLetter: h.config.letter,
    deviceLabel: h.config.label,
    databases: manifest,
  };
}

/** `outpost-acme-NYC-A-2026-03-14-0930.outpost-backup` */
export function backupFileName(
  config: Pick<DeviceConfig, 'orgCode' | 'branchCode' | 'letter'>,
  at: Date,
  reason: BackupReason,
): string {
  const stamp = at.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  const why = reason === 'before-upgrade' ? '-before-upgrade' : '';
  return `outpost-${config.orgCode}-${config.branchCode}-${config.letter}-${stamp}${why}.${BACKUP_EXTENSION}`;
}

export { damaged as damagedFile };
