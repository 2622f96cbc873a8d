import type { Db } from '../db/pouch';
import { chooseAsSeen } from '../db/posted-leaf';
import { validationError } from '../db/validation';
import { OutpostError } from '../errors';
import type {
  ConflictRecord,
  ConflictVersion,
  ResolveConflictInput,
  ResolveConflictResult,
} from '../rpc/contract';
import type { Session } from '../session';
import { referenceLabels } from './reference-labels';
import { diffVersions, isAuditField } from './conflict-diff';
import { readReports, reportKeys, reportsFor } from './forgery';

/**
 * Conflicts (issue 4 §3). Two offices that edit the same draft or master-data document while
 * apart both keep their edit; PouchDB picks one version to show (the "winner") and keeps the
 * others as `_conflicts`. Posted facts never change, so only drafts and master data get here,
 * except through a forged replicated write (DESIGN §10): then the posted version is the one
 * shown, and keeping it (automatic where this user may write, see forgery-service.ts) deletes
 * the forged versions and keeps a report of them.
 * The catalog row of the index counts each document's `_conflicts`, so listing reads only the
 * conflicted documents; a resolution is one bulkDocs that writes the result on top of the
 * winner and deletes every other version, which then syncs like any edit.
 */

type Raw = Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[] };

function dbOf(session: Session, name: string): Db {
  const db = session.dbs.get(name);
  if (!db) throw new OutpostError('not-found', `This device does not hold the ${name} database.`);
  return db;
}

async function getRaw(
  db: Db,
  id: string,
  opts: { rev?: string; conflicts?: boolean },
): Promise<Raw | null> {
  try {
    return (await db.get(id, opts)) as unknown as Raw;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

/** The leaf revisions now: the one shown first, then the others sorted. */
function leafRevs(shown: string, all: readonly string[]): string[] {
  return [shown, ...all.filter((r) => r !== shown).sort()];
}

function sameRevSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.every((r, i) => r === sb[i]);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function toVersion(session: Session, raw: Raw, winner: boolean, forged: boolean): ConflictVersion {
  const decoded = session.registry.decode(raw);
  const doc = { ...(decoded.doc as Record<string, unknown>) };
  delete doc._conflicts;
  return {
    rev: raw._rev,
    winner,
    doc,
    readable: decoded.kind,
    posted: raw.status === 'posted',
    ...(forged ? { forged: true } : {}),
    editedBy: str(raw.updatedBy) || str(raw.createdBy),
    editedAt: str(raw.updatedAt) || str(raw.createdAt),
    // Documents edited before updatedOn was recorded name only the device that created them.
    editedOn: str(raw.updatedOn) || (str(raw.updatedAt) ? '' : str(raw.device)),
    device: str(raw.device),
  };
}

/**
 * Reads one document's versions as they are now (the one every office shows first: a posted
 * version if there is one), or null when it is no longer in conflict. `couchRev` is CouchDB's
 * winner, on top of which a merge is written.
 */
async function readVersions(
  session: Session,
  dbName: string,
  id: string,
): Promise<{ rec: ConflictRecord; couchRev: string } | null> {
  const db = dbOf(session, dbName);
  const winner = await getRaw(db, id, { conflicts: true });
  if (!winner || !winner._conflicts?.length) return null;
  const others = await Promise.all([...winner._conflicts].map((rev) => getRaw(db, id, { rev })));
  const leaves = [winner, ...others.filter((l): l is Raw => l !== null)];
  const seen = chooseAsSeen(leaves)!;
  const forged = new Set(seen.forged.map((l) => l._rev));
  const revs = leafRevs(seen.doc._rev, [winner._rev, ...winner._conflicts]);
  const byRev = new Map(leaves.map((l) => [l._rev, l]));
  const versions: ConflictVersion[] = [];
  for (const rev of revs) {
    const l = byRev.get(rev);
    if (l)
      versions.push(
        toVersion(session, l, rev === seen.doc._rev, seen.postedWins && forged.has(rev)),
      );
  }
  const type = str(seen.doc.type) || str(winner.type) || id.split(':')[0] || 'unknown';
  const def = session.registry.get(type);
  const first = versions[0]!;
  let title = id;
  if (def && first.readable === 'current') title = def.title(first.doc as never);
  else if (typeof first.doc.name === 'string') title = first.doc.name;
  return {
    rec: {
      db: dbName,
      id,
      type,
      title,
      revs,
      versions,
      fields: diffVersions(versions.map((v) => v.doc)),
      labels: await referenceLabels(session.index, [
        ...versions.map((v) => v.doc),
        ...versions.map((v) => ({ device: v.device, editedOn: v.editedOn })),
      ]),
    },
    couchRev: winner._rev,
  };
}

export async function readConflict(
  session: Session,
  dbName: string,
  id: string,
): Promise<ConflictRecord | null> {
  return (await readVersions(session, dbName, id))?.rec ?? null;
}

/** Every conflicted document of this device, oldest edit first. */
export async function listConflicts(session: Session): Promise<ConflictRecord[]> {
  await session.projector.settle();
  const rows = await session.index.catalog.where('conflicts').above(0).toArray();
  const out: ConflictRecord[] = [];
  for (const row of rows) {
    const rec = await readConflict(session, row.db, row.id);
    if (rec) out.push(rec);
  }
  return out.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** How many documents are in conflict, as the index knows it (cheap: an indexed count). */
export function countConflicts(session: Session): Promise<number> {
  return session.index.catalog.where('conflicts').above(0).count();
}

const STALE =
  'This record changed since the list was shown (another office may already have resolved it). The list has been reloaded: check the versions and choose again.';

/**
 * Keeps one version (`keepRev`) or saves a field-by-field merge (`merged`), in one bulkDocs:
 * the result written on top of the winning revision and every other version deleted.
 */
export async function resolveConflict(
  session: Session,
  input: ResolveConflictInput,
): Promise<ResolveConflictResult> {
  const { db: dbName, id, keepRev, merged } = input;
  if ((keepRev === undefined) === (merged === undefined)) {
    throw new OutpostError(
      'validation',
      'Choose one version to keep, or pick the fields of a merged version.',
    );
  }
  const db = dbOf(session, dbName);
  // The versions as they are now; a different set than the user decided on means someone else
  // (usually another office, through sync) changed or resolved the record meanwhile.
  const read = await readVersions(session, dbName, id);
  if (!read || !sameRevSet(read.rec.revs, input.revs)) throw new OutpostError('conflict', STALE);
  const { rec, couchRev: winnerRev } = read;
  if (keepRev !== undefined && !rec.revs.includes(keepRev))
    throw new OutpostError('conflict', STALE);
  if (rec.versions.some((v) => v.readable === 'newer')) {
    throw new OutpostError(
      'read-only',
      'One version of this record was saved by a newer version of Outpost. Update Outpost on this computer, then resolve the conflict.',
    );
  }
  const def = session.registry.get(rec.type);
  if (!def)
    throw new OutpostError(
      'read-only',
      `This build of Outpost does not know "${rec.type}" records, so it cannot resolve this conflict.`,
    );

  // The version every office shows: the posted one when there is one (DESIGN §10).
  const shown = rec.versions[0]!;
  const losers = rec.revs.slice(1);
  const c = session.writeContext();
  const docs: Record<string, unknown>[] = [];

  if (shown.posted) {
    // A posted fact cannot be changed or deleted: only keeping it (deleting every other
    // version, which then leaves it as the winner everywhere) is possible. The versions beside
    // it were forged; each is kept as a report in the same bulkDocs.
    if (keepRev !== shown.rev) {
      throw new OutpostError(
        'read-only',
        'This record is posted in one of its versions, and posted records cannot be changed or merged. Keep the posted version, or ask your administrator.',
      );
    }
  } else {
    let content: Record<string, unknown>;
    if (keepRev !== undefined) {
      const kept = rec.versions.find((v) => v.rev === keepRev);
      if (!kept) throw new OutpostError('conflict', STALE);
      if (kept.readable !== 'current') {
        throw new OutpostError(
          'read-only',
          'That version cannot be read by this build of Outpost, so it cannot be kept. Keep another version.',
        );
      }
      content = { ...kept.doc };
    } else {
      const base = rec.versions.find((v) => v.readable === 'current');
      if (!base)
        throw new OutpostError(
          'read-only',
          'No version of this record can be read by this build of Outpost.',
        );
      content = { ...base.doc };
      for (const [k, v] of Object.entries(merged ?? {})) {
        if (k.startsWith('_') || isAuditField(k)) continue;
        if (v === undefined) delete content[k];
        else content[k] = v;
      }
    }
    const next = {
      ...content,
      _id: id,
      _rev: winnerRev,
      updatedAt: c.now().toISOString(),
      updatedBy: c.userName,
      updatedOn: c.deviceId,
    };
    const parsed = def.schema.safeParse(next);
    if (!parsed.success) throw validationError(parsed.error, 'The merged version was not saved.');
    if ((parsed.data as { status?: string }).status === 'posted') {
      throw new OutpostError(
        'read-only',
        'A merge cannot post a record. Keep a version, then post it from its page.',
      );
    }
    docs.push({ ...(parsed.data as Record<string, unknown>), _id: id, _rev: winnerRev });
  }
  for (const rev of losers) docs.push({ _id: id, _rev: rev, _deleted: true });
  if (shown.posted)
    docs.push(...reportsFor(session, rec, shown, reportKeys(await readReports(session, dbName))));

  const outcome = (results: (PouchDB.Core.Response | PouchDB.Core.Error)[]) => {
    const written: { id: string; rev: string; type: string }[] = [];
    let failed = false;
    results.forEach((r, i) => {
      const doc = docs[i]!;
      if ('error' in r && r.error) failed = true;
      else if ('rev' in r && r.rev)
        written.push({
          id: String(doc._id),
          rev: r.rev,
          type: doc._id === id ? rec.type : String(doc.type),
        });
    });
    // The revision that now stands: the one written on top of the winner, or the kept posted version.
    const first = results[0];
    const standing = shown.posted
      ? shown.rev
      : first && 'rev' in first && !('error' in first && first.error)
        ? first.rev
        : undefined;
    // The sync engine keeps one pending revision per document; the standing one goes last.
    written.sort((a, b) => Number(a.rev === standing) - Number(b.rev === standing));
    return { written, failed, standing };
  };
  // One bulkDocs on the local write path: the sync engine counts what it saved pending, the
  // index catches up, and a first copy under way hears of it before PouchDB does.
  const results = await session.writes.run(
    dbName,
    () => db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[]),
    (r) => outcome(r).written,
  );
  const { failed, standing } = outcome(results);
  await session.projector.settle();
  if (failed) throw new OutpostError('conflict', STALE);
  return { id, rev: standing ?? winnerRev };
}
