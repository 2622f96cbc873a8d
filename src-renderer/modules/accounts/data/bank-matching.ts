import { z } from 'zod';
import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import type { ModuleContext } from '../../../core/module-context';
import { validateMatch } from '../domain/banking';
import { accountCodeSchema } from '../domain/schemas';
import { bankAccount, bankingRepos } from './banking-repos';
import { bankingTables } from './banking-projection';
import { ledgerTables } from './ledger-projection';
import { postJournal } from './journal-entries';

/**
 * Matching never touches the ledger: it only records which bank lines and which ledger lines
 * are the same money. The one exception posts first (an entry for a line the books lack) and
 * then matches it.
 */

const matchInputSchema = z.object({
  account: accountCodeSchema,
  statementLines: z.array(z.string().min(1)).min(1, 'Choose at least one bank line.'),
  ledgerLines: z.array(z.string().min(1)).min(1, 'Choose at least one entry in the books.'),
  note: z.string().trim().max(500).default(''),
});

export async function matchLines(s: ModuleContext, input: unknown): Promise<{ matchId: string }> {
  const data = parseOrThrow(matchInputSchema, input, 'The lines were not matched.');
  const { account, currency } = await bankAccount(s, data.account);
  await s.settle();
  const statementIds = [...new Set(data.statementLines)];
  const ledgerIds = [...new Set(data.ledgerLines)];
  const t = bankingTables(s.index);
  const bank = await t.lines.bulkGet(statementIds);
  bank.forEach((r, i) => {
    if (!r || r.account !== account.code)
      throw new OutpostError(
        'validation',
        `A chosen bank line (${statementIds[i]}) is not on ${account.code} ${account.name}. Reload and choose again.`,
      );
    if (r.matchId)
      throw new OutpostError(
        'validation',
        `The bank line of ${r.date} "${r.description}" is already matched. Unmatch it first.`,
      );
  });
  const book = await ledgerTables(s.index).lines.bulkGet(ledgerIds);
  book.forEach((r, i) => {
    if (!r || r.account !== account.code)
      throw new OutpostError(
        'validation',
        `A chosen book entry (${ledgerIds[i]}) is not on ${account.code} ${account.name}. Reload and choose again.`,
      );
  });
  const taken = await t.matches.where('ledgerLines').anyOf(ledgerIds).first();
  if (taken)
    throw new OutpostError(
      'validation',
      'One of the chosen book entries is already matched to another bank line. Unmatch it first.',
    );
  const check = validateMatch(
    bank.map((r) => r!.amount),
    book.map((r) => r!.debit - r!.credit),
    currency,
  );
  if (!check.ok)
    throw new OutpostError('validation', check.message, { difference: String(check.difference) });
  const doc = await bankingRepos(s).matches.create(
    {
      account: account.code,
      statementLines: statementIds,
      ledgerLines: ledgerIds,
      note: data.note,
    },
    s.config.branchCode,
  );
  return { matchId: doc._id };
}

export async function unmatch(s: ModuleContext, input: { matchId: string }): Promise<void> {
  await s.settle();
  const row = await bankingTables(s.index).matches.get(input.matchId);
  const dbName = row && s.heldDbs('branch').includes(row.db) ? row.db : s.homeBranchDbName;
  const db = s.pouch(dbName);
  const raw = db
    ? ((await db.get(input.matchId).catch(() => null)) as
        (Record<string, unknown> & { _id: string; _rev: string }) | null)
    : null;
  if (!db || !raw || raw.type !== 'bankMatch')
    throw new OutpostError(
      'not-found',
      'That match no longer exists on this device. Reload the reconciliation.',
    );
  // On the local write path, like every write: counted pending, indexed, heard by a first copy.
  await s.writes.run(
    dbName,
    () => db.remove(raw),
    (res) => [{ id: res.id, rev: res.rev, type: 'bankMatch' }],
  );
}

const createEntrySchema = z.object({
  account: accountCodeSchema,
  statementLine: z.string().min(1),
  contraAccount: accountCodeSchema,
  memo: z.string().trim().max(500).optional(),
});

/** For bank lines the books do not have yet (fees, interest): post and match in one step. */
export async function createEntryForLine(
  s: ModuleContext,
  input: unknown,
): Promise<{ entryId: string; number: string; matchId: string }> {
  const data = parseOrThrow(createEntrySchema, input, 'The entry was not created.');
  const { account, currency } = await bankAccount(s, data.account);
  if (data.contraAccount === account.code) {
    throw new OutpostError(
      'validation',
      'Choose the other side of the entry, e.g. 6700 Bank charges — not the bank account itself.',
      { contraAccount: 'Choose another account.' },
    );
  }
  await s.settle();
  const line = await bankingTables(s.index).lines.get(data.statementLine);
  if (!line || line.account !== account.code)
    throw new OutpostError(
      'not-found',
      'That bank line is not on this account any more. Reload the reconciliation.',
    );
  if (line.matchId)
    throw new OutpostError(
      'validation',
      `The bank line of ${line.date} is already matched. Unmatch it first.`,
    );
  const amount = Math.abs(line.amount);
  const moneyIn = line.amount > 0;
  const entry = await postJournal(s, {
    date: line.date,
    memo: (data.memo || line.description || line.counterparty || 'Bank statement line').slice(
      0,
      500,
    ),
    reference: line.reference.slice(0, 80),
    currency,
    lines: [
      { account: account.code, debit: moneyIn ? amount : 0, credit: moneyIn ? 0 : amount },
      { account: data.contraAccount, debit: moneyIn ? 0 : amount, credit: moneyIn ? amount : 0 },
    ],
  });
  // prepareJournal keeps line order, so the bank line is row 0 of the entry.
  const match = await bankingRepos(s).matches.create(
    { account: account.code, statementLines: [line.id], ledgerLines: [`${entry._id}#0`], note: '' },
    s.config.branchCode,
  );
  return { entryId: entry._id, number: entry.number ?? '', matchId: match._id };
}
