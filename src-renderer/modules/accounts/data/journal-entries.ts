import { z } from 'zod';
import { OutpostError } from '../../../core/errors';
import { typeOfId } from '../../../core/ids';
import { takeNextNumber } from '../../../core/db/series';
import { parseOrThrow } from '../../../core/db/validation';
import type { ModuleContext } from '../../../core/module-context';
import { withBaseAmounts } from '../domain/fx';
import { checkLockDate, reversalLines } from '../domain/journal';
import { currencyCodeSchema, type DocBase } from '../../../core/org/schemas';
import {
  decimalRateSchema,
  isoDateSchema,
  type JournalEntry,
  type LedgerLine,
} from '../domain/schemas';
import type { JournalInput, JournalView } from '../rpc-contract';
import { ledgerTables } from './ledger-projection';
import { repos, requireSettings } from './ledger-repos';
import { resolveRate } from './rates-service';

/**
 * Journal entries: draft → posted, reversal, discard, read. Every rule is checked before
 * anything is written, and a posting is one document write, so it replicates whole or not at all.
 */

const journalInputSchema = z.object({
  id: z.string().optional(),
  date: isoDateSchema,
  memo: z.string().trim().max(500).default(''),
  reference: z.string().trim().max(80).default(''),
  currency: currencyCodeSchema,
  rate: decimalRateSchema.optional(),
  lines: z
    .array(
      z.object({
        account: z.string().trim().min(1, 'Choose an account.'),
        debit: z.number().int().min(0),
        credit: z.number().int().min(0),
        party: z.string().nullable().optional(),
        memo: z.string().trim().max(200).optional(),
        branch: z.string().nullable().optional(),
      }),
    )
    .min(2, 'A journal entry needs at least two lines.'),
});

interface Prepared {
  fields: Omit<JournalEntry, keyof DocBase>;
}

/** Checks accounts, parties, lock date and balance; returns the entry's fields ready to save. */
async function prepareJournal(
  s: ModuleContext,
  input: JournalInput,
  status: 'draft' | 'posted',
): Promise<Prepared> {
  const data = parseOrThrow(
    journalInputSchema,
    input,
    status === 'posted' ? 'The entry was not posted.' : 'The entry was not saved.',
  );
  const company = await s.cachedMaster('company', () => s.company());
  const settings = await s.cachedMaster('ledgerSettings', () => requireSettings(s));
  const rate =
    status === 'posted'
      ? await resolveRate(s, {
          currency: data.currency,
          baseCurrency: company.baseCurrency,
          date: data.date,
          typed: data.rate,
        })
      : data.currency === company.baseCurrency
        ? '1'
        : (data.rate ?? '1');
  const lines = data.lines.filter((l) => l.debit > 0 || l.credit > 0 || l.account);
  const accounts = new Map(
    (await s.cachedMaster('accounts', () => repos(s).accounts.list())).map((a) => [a.code, a]),
  );
  const fields: Record<string, string> = {};
  lines.forEach((l, i) => {
    const a = accounts.get(l.account);
    if (!a) fields[`lines.${i}.account`] = `There is no account ${l.account || '(empty)'}.`;
    else if (a.isGroup)
      fields[`lines.${i}.account`] =
        `${a.code} ${a.name} is a group account; post to one of its accounts.`;
    else if (a.archived) fields[`lines.${i}.account`] = `${a.code} ${a.name} is archived.`;
    if (l.debit > 0 && l.credit > 0)
      fields[`lines.${i}.debit`] = 'A line has either a debit or a credit, not both.';
    if (status === 'posted' && l.debit === 0 && l.credit === 0)
      fields[`lines.${i}.debit`] = 'Enter a debit or a credit, or remove the line.';
  });
  if (Object.keys(fields).length > 0) {
    const first = Object.values(fields)[0]!;
    throw new OutpostError(
      'validation',
      `${status === 'posted' ? 'The entry was not posted' : 'The entry was not saved'}: ${first}`,
      fields,
    );
  }
  if (status === 'posted') {
    const locked = checkLockDate(data.date, settings.lockDate);
    if (locked) throw new OutpostError('validation', locked, { date: locked });
  }
  let ledgerLines: LedgerLine[];
  if (status === 'posted') {
    try {
      ledgerLines = withBaseAmounts(
        lines,
        data.currency,
        company.baseCurrency,
        rate,
        settings.roundingAccount,
      );
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new OutpostError('validation', message, { lines: message });
    }
  } else {
    // Drafts may be unbalanced; base amounts are filled in when posted.
    ledgerLines = lines.map((l) => ({
      account: l.account,
      debit: l.debit,
      credit: l.credit,
      baseDebit: 0,
      baseCredit: 0,
      party: l.party ?? null,
      memo: l.memo ?? '',
      branch: l.branch ?? null,
    }));
  }
  return {
    fields: {
      number: null,
      date: data.date,
      memo: data.memo,
      reference: data.reference,
      status,
      kind: 'manual',
      currency: data.currency,
      rate,
      lines: ledgerLines,
      reverses: null,
      postedAt: null,
      postedBy: null,
    },
  };
}

export async function saveJournalDraft(
  s: ModuleContext,
  input: JournalInput,
): Promise<JournalEntry> {
  const { fields } = await prepareJournal(s, input, 'draft');
  // An existing draft is saved where it lives (head office may finish another branch's draft).
  if (input.id)
    return (await s.repositoryOf<JournalEntry>(input.id, 'journalEntry')).update(input.id, fields);
  return repos(s).journals.create(fields as never, s.config.branchCode);
}

export async function nextNumber(s: ModuleContext, kind: string): Promise<string> {
  return takeNextNumber(s.pouch(s.homeBranchDbName), {
    branchCode: s.config.branchCode,
    deviceLetter: s.config.letter,
    kind,
  });
}

export function stampPosted(
  s: ModuleContext,
  fields: Prepared['fields'],
  number: string,
): Prepared['fields'] {
  return {
    ...fields,
    status: 'posted',
    number,
    postedAt: s.writeContext().now().toISOString(),
    postedBy: s.config.userName,
  };
}

/** Posts a new entry, or a saved draft, in one write. Refused with the difference when it does not balance. */
export async function postJournal(s: ModuleContext, input: JournalInput): Promise<JournalEntry> {
  const { fields } = await prepareJournal(s, input, 'posted');
  const number = await nextNumber(s, 'JE');
  const posted = stampPosted(s, fields, number);
  if (input.id)
    return (await s.repositoryOf<JournalEntry>(input.id, 'journalEntry')).update(input.id, posted);
  return repos(s).journals.create(posted as never, s.config.branchCode);
}

/** Discards a journal entry or sales/purchase draft of this branch; posted documents are refused. */
export async function discardDraft(s: ModuleContext, input: { id: string }): Promise<void> {
  const type = typeOfId(input.id);
  if (type !== 'journalEntry' && type !== 'tradeDoc') {
    throw new OutpostError(
      'validation',
      'Only journal entry, invoice and bill drafts can be discarded.',
    );
  }
  await (await s.repositoryOf(input.id, type)).discard(input.id);
}

export async function reverseJournal(
  s: ModuleContext,
  input: { id: string; date: string; memo?: string },
): Promise<JournalEntry> {
  const date = parseOrThrow(isoDateSchema, input.date, 'The reversal was not posted.');
  // The reversal is booked where the original is, to the original's branch.
  const r = await s.repositoryOf<JournalEntry>(input.id, 'journalEntry');
  const original = await r.get(input.id);
  if (original.status !== 'posted')
    throw new OutpostError(
      'validation',
      'Only a posted entry can be reversed. A draft can simply be edited or discarded.',
    );
  const existing = await ledgerTables(s.index).docs.where('reverses').equals(input.id).count();
  if (existing > 0)
    throw new OutpostError('validation', `${original.number} has already been reversed.`);
  const settings = await requireSettings(s);
  const locked = checkLockDate(date, settings.lockDate);
  if (locked) throw new OutpostError('validation', locked, { date: locked });
  const number = await nextNumber(s, 'JE');
  const fields = stampPosted(
    s,
    {
      number: null,
      date,
      memo:
        input.memo?.trim() ||
        `Reversal of ${original.number}${original.memo ? `: ${original.memo}` : ''}`,
      reference: original.number ?? '',
      status: 'posted',
      kind: 'reversal',
      currency: original.currency,
      rate: original.rate,
      lines: reversalLines(original.lines),
      reverses: original._id,
      postedAt: null,
      postedBy: null,
    },
    number,
  );
  const created = await r.create(fields as never, original.branch);
  await s.settle();
  return created;
}

export async function getJournal(s: ModuleContext, id: string): Promise<JournalView> {
  // As every device sees it: a posted leaf wins over a forged draft beside it (DESIGN §10).
  // Routed by id: on a head-office device another branch's entry opens from its own database.
  const raw = (await s.read(id))?.doc;
  if (!raw) throw new OutpostError('not-found', 'That journal entry is not on this device.');
  const decoded = s.registry.decode<JournalEntry>(raw);
  const reversedBy = (await ledgerTables(s.index).docs.where('reverses').equals(id).toArray()).map(
    (d) => ({ id: d.id, number: d.number, date: d.date }),
  );
  return {
    entry: decoded.doc as JournalEntry,
    readOnly: decoded.readOnly || (decoded.doc as JournalEntry).status === 'posted',
    reversedBy,
  };
}
