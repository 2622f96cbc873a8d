/**
 * Restores a backup into a device that has no company yet. The whole file is read and checked
 * against its manifest first (counts and hashes); only a file that checks out is written, with
 * `new_edits: false` so every revision, conflict and deletion comes back as it was. The device
 * configuration is written last: a restore interrupted half-way leaves the device on the
 * first-run screen, and running it again merges the same revisions (nothing is doubled).
 */
import { openLocalDb, updateLocal, type Db, type PouchEnv } from '../db/pouch';
import type { DeviceConfig, DeviceConfigStore } from '../org/device-config';
import {
  damagedFile,
  ManifestBuilder,
  manifestProblem,
  parseBodyLine,
  parseHeader,
  summaryOf,
  type BackupHeader,
  type BackupSummary,
  type DocLine,
  type LocalLine,
} from './format';
import { readGzipLines } from './stream';

const WRITE_BATCH = 250;

export interface CheckedBackup {
  header: BackupHeader;
  summary: BackupSummary;
}

type Line = { kind: 'doc'; line: DocLine } | { kind: 'local'; line: LocalLine };

/** Reads the file once and checks it against its manifest; throws BackupFileError if anything is off. */
export async function checkBackup(
  file: Blob,
  onLine?: (line: Line) => Promise<void>,
): Promise<CheckedBackup> {
  const lines = readGzipLines(file);
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);
  const built = new ManifestBuilder(header.databases);
  let expected: ReturnType<typeof parseBodyLine> | null = null;
  let n = 1;
  for await (const text of lines) {
    n++;
    if (expected) throw damagedFile('it goes on after its list of contents');
    const parsed = parseBodyLine(text, n);
    if (parsed.kind === 'manifest') {
      expected = parsed;
      continue;
    }
    await built.add(text, parsed.line);
    await onLine?.(parsed);
  }
  if (!expected || expected.kind !== 'manifest') {
    throw damagedFile('it ends before its list of contents, so it was cut short');
  }
  const actual = await built.build();
  const problem = manifestProblem(expected.line.manifest, actual);
  if (problem) throw damagedFile(problem);
  return { header, summary: summaryOf(header, actual) };
}

/** Writes a checked backup into this device's databases and returns the configuration to open. */
export async function restoreBackup(
  file: Blob,
  env: PouchEnv,
  store: DeviceConfigStore,
  progress?: (done: number, total: number) => void,
): Promise<{ config: DeviceConfig; summary: BackupSummary }> {
  const checked = await checkBackup(file);
  const { header, summary } = checked;
  const total = summary.databases.reduce((s, d) => s + d.docs, 0);
  const dbs = new Map<string, Db>();
  const batches = new Map<string, DocLine['leaves']>();
  let done = 0;
  const open = (name: string) => {
    let db = dbs.get(name);
    if (!db) dbs.set(name, (db = openLocalDb(env, header.config.orgCode, name)));
    return db;
  };
  const flush = async (name: string) => {
    const docs = batches.get(name);
    if (!docs?.length) return;
    batches.set(name, []);
    const results = await open(name).bulkDocs(docs, { new_edits: false });
    const failed = results.find((r) => 'error' in r && r.error);
    if (failed) throw new Error(`Could not restore ${name}: ${JSON.stringify(failed)}`);
  };
  try {
    // The same file, read again: it was checked, but is checked once more as it is written.
    await checkBackup(file, async (l) => {
      if (l.kind === 'local') {
        await flush(l.line.d);
        await updateLocal(open(l.line.d), l.line.local, () => l.line.doc);
        return;
      }
      const batch = batches.get(l.line.d) ?? [];
      batches.set(l.line.d, batch);
      batch.push(...l.line.leaves);
      done++;
      if (batch.length >= WRITE_BATCH) {
        await flush(l.line.d);
        progress?.(done, total);
      }
    });
    for (const name of batches.keys()) await flush(name);
  } finally {
    await Promise.all([...dbs.values()].map((db) => db.close().catch(() => undefined)));
  }
  progress?.(total, total);
  const config: DeviceConfig = { ...header.config, databases: header.databases };
  await store.save(config);
  return { config, summary };
}
