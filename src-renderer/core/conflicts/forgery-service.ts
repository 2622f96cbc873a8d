import type { ForgeryEntry } from '../rpc/contract';
import type { Session } from '../session';
import { readConflict, resolveConflict } from './conflict-service';
import { mayWriteDb } from '../org/device-config';
import { entryOfReport, entryOfWaiting, readReports } from './forgery';

/**
 * Corrects forged changes of posted records as soon as the index finds them (the projector's
 * `forged` event): keeps the posted version, deletes the forged ones and writes a report, in
 * one bulkDocs. Only where the signed-in user may write the database; elsewhere the posted
 * version is still what the index counts and the screens show, and the Conflicts page lists
 * the forgery as waiting for someone who may correct it. Never throws: a failure (another
 * office corrected it first, the device closing) leaves the forgery listed, and the next
 * change or a visit to the Conflicts page tries again.
 */
export async function correctForgeries(
  session: Session,
  dbName: string,
  ids: readonly string[],
): Promise<number> {
  if (!mayWriteDb(session.config.user, dbName, session.kinds)) return 0;
  let corrected = 0;
  for (const id of ids) {
    try {
      const rec = await readConflict(session, dbName, id);
      const shown = rec?.versions[0];
      if (!rec || !shown?.posted || !rec.versions.some((v) => v.forged)) continue;
      await resolveConflict(session, { db: dbName, id, revs: rec.revs, keepRev: shown.rev });
      corrected++;
    } catch {
      // Listed on the Conflicts page until corrected; see above.
    }
  }
  return corrected;
}

/**
 * Corrects every forgery still waiting that this user may correct: the index found it while
 * someone without the right was signed in, or an earlier attempt failed. Run when the
 * Conflicts page is read, so opening it is enough to settle the record.
 */
export async function correctWaiting(session: Session): Promise<void> {
  await session.projector.settle();
  const byDb = new Map<string, string[]>();
  for (const row of await session.index.catalog.where('conflicts').above(0).toArray())
    byDb.set(row.db, [...(byDb.get(row.db) ?? []), row.id]);
  let corrected = 0;
  for (const [db, ids] of byDb) corrected += await correctForgeries(session, db, ids);
  if (corrected > 0) await session.projector.settle();
}

/**
 * Every forged change this device knows of: the reports kept in its databases (one per forged
 * revision, the earliest when two devices corrected it at once), then those still waiting.
 * Newest first.
 */
export async function listForgeries(session: Session): Promise<ForgeryEntry[]> {
  await correctWaiting(session);
  const out: ForgeryEntry[] = [];
  const seen = new Set<string>();
  for (const dbName of session.dbs.keys()) {
    const reports = (await readReports(session, dbName)).sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id),
    );
    const posted = new Map<string, Record<string, unknown> | null>();
    for (const r of reports) {
      const key = `${dbName}|${r.docId}|${r.forgedRev}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!posted.has(r.postedRev))
        posted.set(r.postedRev, await readRev(session, dbName, r.docId, r.postedRev));
      out.push(entryOfReport(dbName, r, posted.get(r.postedRev) ?? null));
    }
  }
  const rows = await session.index.catalog.where('conflicts').above(0).toArray();
  for (const row of rows) {
    const rec = await readConflict(session, row.db, row.id).catch(() => null);
    const shown = rec?.versions[0];
    if (!rec || !shown?.posted) continue;
    for (const v of rec.versions) {
      if (!v.forged || seen.has(`${rec.db}|${rec.id}|${v.rev}`)) continue;
      out.push(entryOfWaiting(rec, shown, v));
    }
  }
  return out.sort(
    (a, b) =>
      Number(a.state === 'corrected') - Number(b.state === 'corrected') ||
      (b.detectedAt ?? '').localeCompare(a.detectedAt ?? ''),
  );
}

async function readRev(
  session: Session,
  dbName: string,
  id: string,
  rev: string,
): Promise<Record<string, unknown> | null> {
  try {
    return (await session.dbs.get(dbName)!.get(id, { rev })) as unknown as Record<string, unknown>;
  } catch {
    return null;
  }
}
