import { journalEntrySchema } from '../../modules/accounts/domain/schemas';
import type { Db } from '../db/pouch';

/**
 * A branch's worth of journal work for sync tests, written straight into a device's branch
 * database: posted entries (one revision each, as facts are), drafts edited a few times (a
 * revision history to carry over) and drafts discarded (deleted leaves). Shaped like what the
 * app writes, and checked against the app's own schema.
 */
export interface BranchWork {
  entries: number;
  draftsEdited: number;
  /** Edits after the first save: an edited draft ends at generation 1 + draftEdits. */
  draftEdits: number;
  draftsDiscarded: number;
}

export const POSTED_PREFIX = 'journalEntry:01DEEPKILL';
export const DRAFT_PREFIX = 'journalEntry:01DEEPDRAFT';

const entryBase = (i: number) => ({
  type: 'journalEntry',
  v: 1,
  branch: 'NYC',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'Alice Admin',
  device: 'device:DEEPKILL',
  date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
  reference: `REF-${i}`,
  kind: 'manual',
  currency: 'USD',
  rate: '1',
  reverses: null,
  lines: [
    {
      account: '6100',
      debit: 100 + (i % 900),
      credit: 0,
      baseDebit: 100 + (i % 900),
      baseCredit: 0,
      party: null,
      memo: 'Office supplies',
      branch: null,
    },
    {
      account: '1200',
      debit: 0,
      credit: 100 + (i % 900),
      baseDebit: 0,
      baseCredit: 100 + (i % 900),
      party: null,
      memo: '',
      branch: null,
    },
  ],
});
const posted = (i: number) => ({
  ...entryBase(i),
  _id: `${POSTED_PREFIX}${String(i).padStart(16, '0')}`,
  number: `NYC-A-JE-${String(i).padStart(6, '0')}`,
  memo: `Posted ${i}`,
  status: 'posted',
  postedAt: '2026-01-02T09:00:00.000Z',
  postedBy: 'Alice Admin',
});
const draft = (i: number) => ({
  ...entryBase(i),
  _id: `${DRAFT_PREFIX}${String(i).padStart(15, '0')}`,
  number: null,
  memo: `Draft ${i}`,
  status: 'draft',
  postedAt: null,
  postedBy: null,
});

/** A branch's worth of work written on the pushing device: posted entries, drafts edited a few times, drafts discarded. */
export async function writeBranchWork(db: Db, work: BranchWork): Promise<void> {
  const { entries, draftsEdited, draftEdits, draftsDiscarded } = work;
  for (const doc of [posted(0), draft(0)])
    if (!journalEntrySchema.safeParse(doc).success)
      throw new Error(`Not a valid journal entry: ${doc._id}`);
  for (let i = 0; i < entries; i += 1000)
    await db.bulkDocs(Array.from({ length: Math.min(1000, entries - i) }, (_, k) => posted(i + k)));
  const drafts = Array.from({ length: draftsEdited + draftsDiscarded }, (_, i) => draft(i));
  let revs = await db.bulkDocs(drafts);
  for (let edit = 1; edit <= draftEdits; edit++) {
    const edited = drafts
      .slice(0, draftsEdited)
      .map((d, i) => ({ ...d, _rev: revs[i]!.rev, memo: `${d.memo}, edit ${edit}` }));
    revs = [...(await db.bulkDocs(edited)), ...revs.slice(draftsEdited)];
  }
  await db.bulkDocs(
    drafts
      .slice(draftsEdited)
      .map((d, i) => ({ _id: d._id, _rev: revs[draftsEdited + i]!.rev, _deleted: true })),
  );
}
