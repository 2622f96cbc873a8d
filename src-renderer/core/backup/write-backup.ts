/**
 * Makes a backup of this device's databases (I/O side; the format is in format.ts). Each
 * database is read through its changes feed, which lists every document once (deleted ones
 * too) with all its leaves, and the leaves are fetched with their revision history, so
 * conflicts, deletions and changes not yet sent are all kept.
 */
import { branchDbName } from '../db/names';
import type { Db } from '../db/pouch';
import type { DeviceConfig } from '../org/device-config';
import {
  BACKUP_FORMAT,
  backupFileName,
  ManifestBuilder,
  summaryOf,
  type BackupHeader,
  type BackupReason,
  type BackupSummary,
  type DocLine,
  type Leaf,
} from './format';
import { readKeptLocals, SeriesSeen } from './local-docs';
import { GzipLineWriter } from './stream';

const PAGE = 500;

export interface BackupSource {
  config: DeviceConfig;
  dbs: ReadonlyMap<string, Db>;
  /** Document schema versions of this build (type → version). */
  schema: Record<string, number>;
  reason: BackupReason;
  now(): Date;
  /** Documents written so far, for a progress bar. */
  progress?(done: number, total: number): void;
}

export interface MadeBackup {
  file: Blob;
  name: string;
  summary: BackupSummary;
}

async function* docLines(db: Db, name: string): AsyncGenerator<DocLine> {
  let since: string | number = 0;
  for (;;) {
    const feed: PouchDB.Core.ChangesResponse<object> = await db.changes({
      since,
      limit: PAGE,
      style: 'all_docs',
    });
    if (!feed.results.length) return;
    since = feed.last_seq;
    const wanted = feed.results.flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })));
    const got = await db.bulkGet({ docs: wanted, revs: true, attachments: true });
    // bulkGet answers once per requested revision: a conflicted document comes back once per leaf.
    const byId = new Map<string, Leaf[]>();
    for (const result of got.results) {
      const leaves = byId.get(result.id) ?? [];
      byId.set(result.id, leaves);
      for (const d of result.docs) {
        // A leaf that cannot be read would make a backup that restores less than it promises.
        if ('error' in d)
          throw new Error(
            `Could not read ${result.id} in ${name} for the backup: ${JSON.stringify(d.error)}`,
          );
        leaves.push(d.ok as unknown as Leaf);
      }
    }
    for (const [id, leaves] of byId) yield { d: name, id, leaves };
  }
}

export async function makeBackup(src: BackupSource): Promise<MadeBackup> {
  const names = [...src.dbs.keys()];
  const at = src.now();
  const header: BackupHeader = {
    outpost: 'backup',
    format: BACKUP_FORMAT,
    createdAt: at.toISOString(),
    reason: src.reason,
    schema: src.schema,
    config: { ...src.config, databases: names },
    databases: names,
  };
  const out = new GzipLineWriter();
  const manifest = new ManifestBuilder(names);
  const emit = async (line: Parameters<ManifestBuilder['add']>[1]) => {
    const text = JSON.stringify(line);
    await manifest.add(text, line);
    await out.line(text);
  };
  await out.line(JSON.stringify(header));
  let total = 0;
  for (const db of src.dbs.values()) total += (await db.info()).doc_count;
  let done = 0;
  const home = branchDbName(src.config.branchCode);
  for (const [name, db] of src.dbs) {
    // Only the home branch's database holds this device's number series.
    const series = name === home ? new SeriesSeen(src.config.branchCode, src.config.letter) : null;
    for await (const line of docLines(db, name)) {
      if (series) for (const l of line.leaves) series.see(l);
      await emit(line);
      if (++done % PAGE === 0) src.progress?.(done, Math.max(total, done));
    }
    for (const local of await readKeptLocals(db, name, series)) await emit(local);
  }
  const dbs = await manifest.build();
  await out.line(JSON.stringify({ manifest: dbs }));
  src.progress?.(done, done);
  return {
    file: await out.finish(),
    name: backupFileName(src.config, at, src.reason),
    summary: summaryOf(header, dbs),
  };
}
