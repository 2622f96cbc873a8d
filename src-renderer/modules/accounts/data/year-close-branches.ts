import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { parseOrThrow } from '../../../core/db/validation';
import { isoDateSchema, type JournalEntry } from '../domain/schemas';
import type { BranchYearClose, YearCloseResult } from '../rpc-contract';
import { nextNumber, stampPosted } from './journal-entries';
import { ledgerTables } from './ledger-projection';
import { buildClosingEntry, closeDate, type ClosingFields } from './period-close';

/**
 * Year-end close for every branch this device holds (head office): one closing entry per
 * branch, written into that branch's own database so each branch's books close there.
 */

/** The branches this device holds, with the database each one's entries go to. */
async function heldBranches(
  s: ModuleContext,
): Promise<{ code: string; name: string; db: string }[]> {
  const held = new Set(s.heldDbs('branch'));
  const out: { code: string; name: string; db: string }[] = [];
  for (const b of await s.branchList()) {
    const db = s.dbFor('branch', b.code);
    if (db && held.has(db)) out.push({ code: b.code, name: b.name, db });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Each held branch, and the closing entry (not reversed) it has on `yearEnd`, if any. */
export async function yearCloseStatus(
  s: ModuleContext,
  yearEnd: string,
): Promise<BranchYearClose[]> {
  const date = parseOrThrow(isoDateSchema, yearEnd, 'Enter the last day of the year.');
  await s.settle();
  const { docs } = ledgerTables(s.index);
  const closing = await docs
    .where('[type+status+date]')
    .equals(['journalEntry', 'posted', date])
    .filter((d) => d.kind === 'closing')
    .toArray();
  const reversed = new Set(
    (
      await docs
        .where('reverses')
        .anyOf(closing.map((d) => d.id))
        .toArray()
    ).map((d) => d.reverses),
  );
  return (await heldBranches(s)).map((b) => {
    const entry = closing.find((d) => d.branch === b.code && !reversed.has(d.id));
    return { branch: b.code, name: b.name, closed: !!entry, number: entry?.number ?? null };
  });
}

/**
 * All or nothing: every branch's entry is built and checked before the first is written, so
 * a branch that cannot close stops the whole close with nothing posted. Branches already at
 * zero (closed before, or nothing posted) are reported, not refused.
 */
export async function closeYearAllBranches(
  s: ModuleContext,
  yearEnd: string,
): Promise<YearCloseResult> {
  const date = await closeDate(s, yearEnd);
  await s.settle();
  const branches = await heldBranches(s);
  const planned: { code: string; db: string; entry: ClosingFields }[] = [];
  const nothingToClose: string[] = [];
  for (const b of branches) {
    const entry = await buildClosingEntry(s, date, b.code);
    if (entry) planned.push({ code: b.code, db: b.db, entry });
    else nothingToClose.push(b.code);
  }
  if (planned.length === 0)
    throw new OutpostError(
      'validation',
      `There is nothing to close: every branch's income and expense accounts are already at zero on ${date}.`,
    );
  const closed: { branch: string; number: string }[] = [];
  for (const p of planned) {
    try {
      const number = await nextNumber(s, 'JE');
      const fields = stampPosted(s, p.entry, number);
      const created = await s
        .repository<JournalEntry>(p.db, 'journalEntry')
        .create(fields as never, p.code);
      closed.push({ branch: p.code, number: created.number ?? number });
    } catch (e) {
      const done = closed.map((c) => c.branch).join(', ');
      const rest = planned
        .slice(closed.length)
        .map((x) => x.code)
        .join(', ');
      throw new OutpostError(
        'state',
        `${done ? `The year was closed for ${done}, but not` : 'The year was not closed'} for ${rest}: ${
          e instanceof Error ? e.message : String(e)
        } Close the year again to finish the remaining branches.`,
      );
    }
  }
  await s.settle();
  return { yearEnd: date, closed, nothingToClose };
}
