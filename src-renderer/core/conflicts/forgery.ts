import { z } from 'zod';
import { branchCodeOfDb } from '../db/names';
import type { SchemaRegistry } from '../db/schema-registry';
import { idRange, newId } from '../ids';
import { docBaseSchema } from '../org/schemas';
import type { ConflictRecord, ConflictVersion, ForgeryEntry } from '../rpc/contract';
import type { Session } from '../session';
import { diffVersions } from './conflict-diff';

/**
 * Forged changes of posted records (DESIGN §10, issue 9). A posted record is a fact; a version
 * beside it can only come from a replicated write with an invented history, which a server
 * may accept. Every device shows the posted version; a device whose user may write the
 * database corrects it at once (deletes the forged versions) and keeps a `forgeryReport`.
 *
 * Where the report lives: a synced document in the same database, posted (immutable, so the
 * server's rule against changing posted records protects it), written in the same bulkDocs as
 * the correction. Synced, because the correction replicates only a deletion: without the
 * report, head office would never learn what the forged version said or who it claimed to be.
 * Two devices correcting the same forgery at once write two reports; readers show one per
 * forged revision. A device that may not write the database writes nothing: it shows the
 * posted version and lists the forgery as waiting.
 */

export const FORGERY_REPORT = 'forgeryReport';

export const forgeryReportSchema = docBaseSchema.extend({
  type: z.literal(FORGERY_REPORT),
  v: z.literal(1),
  status: z.literal('posted'),
  /** The posted record that was forged. */
  docId: z.string().min(3),
  docType: z.string(),
  title: z.string(),
  postedRev: z.string().min(3),
  forgedRev: z.string().min(3),
  /** What the forged version says about itself (not proof). */
  claimedBy: z.string(),
  claimedDevice: z.string(),
  claimedAt: z.string(),
  /** The forged version's content, as found (revision bookkeeping left out). */
  forged: z.record(z.string(), z.unknown()),
});
export type ForgeryReport = z.infer<typeof forgeryReportSchema>;

export function registerForgeryTypes(registry: SchemaRegistry): void {
  registry.register<ForgeryReport>({
    type: FORGERY_REPORT,
    words: 'report of a forged change',
    version: 1,
    schema: forgeryReportSchema,
    // Posted records live in branch databases; the report sits beside the record it concerns.
    home: 'branch',
    title: (r) => `Forged change of ${r.title}`,
    searchText: (r) => `${r.title} ${r.claimedBy}`,
  });
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Who, where and when a forged version says it was made: its own claims, unchecked. */
function claimOf(doc: Record<string, unknown>): ForgeryEntry['claimed'] {
  return {
    by: str(doc.updatedBy) || str(doc.postedBy) || str(doc.createdBy),
    device: str(doc.device),
    at: str(doc.updatedAt) || str(doc.createdAt),
  };
}

function contentOf(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) out[k] = v;
  return out;
}

/** The reports that a correction of `rec` writes: one per forged version not already reported. */
export function reportsFor(
  session: Session,
  rec: ConflictRecord,
  kept: ConflictVersion,
  known: ReadonlySet<string>,
): ForgeryReport[] {
  const c = session.writeContext();
  const now = c.now().toISOString();
  return rec.versions
    .filter((v) => v.forged && !known.has(`${rec.id}|${v.rev}`))
    .map((v) => {
      const claim = claimOf(v.doc);
      return {
        _id: newId(FORGERY_REPORT),
        type: FORGERY_REPORT,
        v: 1 as const,
        branch: str(kept.doc.branch) || branchCodeOfDb(rec.db) || '*',
        createdAt: now,
        createdBy: c.userName,
        device: c.deviceId,
        status: 'posted' as const,
        docId: rec.id,
        docType: rec.type,
        title: rec.title,
        postedRev: kept.rev,
        forgedRev: v.rev,
        claimedBy: claim.by,
        claimedDevice: claim.device,
        claimedAt: claim.at,
        forged: contentOf(v.doc),
      };
    });
}

/** The forgery reports kept in a database. */
export async function readReports(session: Session, dbName: string): Promise<ForgeryReport[]> {
  const db = session.dbs.get(dbName);
  if (!db) return [];
  const res = await db.allDocs({ ...idRange(FORGERY_REPORT), include_docs: true });
  const out: ForgeryReport[] = [];
  for (const row of res.rows) {
    const parsed = forgeryReportSchema.safeParse(row.doc);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Reports by `<docId>|<forgedRev>`, so a forged version is reported once. */
export function reportKeys(reports: readonly ForgeryReport[]): Set<string> {
  return new Set(reports.map((r) => `${r.docId}|${r.forgedRev}`));
}

/** What the forged version changed, field by field, as the Conflicts page compares versions. */
function changesBetween(
  posted: Record<string, unknown>,
  forged: Record<string, unknown>,
): ForgeryEntry['changes'] {
  return diffVersions([posted, forged])
    .filter((f) => f.differs && !f.audit && !f.field.startsWith('_'))
    .map((f) => ({ field: f.field, posted: f.values[0], forged: f.values[1] }));
}

/** A stored report as the Conflicts page lists it; `posted` is the posted content when still readable. */
export function entryOfReport(
  dbName: string,
  r: ForgeryReport,
  posted: Record<string, unknown> | null,
): ForgeryEntry {
  return {
    db: dbName,
    id: r.docId,
    type: r.docType,
    title: r.title,
    postedRev: r.postedRev,
    forgedRev: r.forgedRev,
    claimed: { by: r.claimedBy, device: r.claimedDevice, at: r.claimedAt },
    changes: changesBetween(posted ?? {}, r.forged),
    state: 'corrected',
    detectedAt: r.createdAt,
    correctedBy: r.createdBy,
    correctedOn: r.device,
  };
}

/** A forgery seen in a conflict that this device may not correct. */
export function entryOfWaiting(
  rec: ConflictRecord,
  kept: ConflictVersion,
  v: ConflictVersion,
): ForgeryEntry {
  return {
    db: rec.db,
    id: rec.id,
    type: rec.type,
    title: rec.title,
    postedRev: kept.rev,
    forgedRev: v.rev,
    claimed: claimOf(v.doc),
    changes: changesBetween(kept.doc, v.doc),
    state: 'waiting',
    detectedAt: null,
    correctedBy: null,
    correctedOn: null,
  };
}
