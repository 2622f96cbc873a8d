import { z } from 'zod';
import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import { todayLocal } from '../../../core/dates';
import type { ModuleContext } from '../../../core/module-context';
import type {
  BankLineView,
  BookLineView,
  ImportStatementResult,
  MatchView,
  ReconciliationView,
  StatementPreview,
  StatementSummary,
} from '../banking-contract';
import { reconciliationSummary, suggestMatches, validateMatch } from '../domain/banking';
import {
  csvMappingSchema,
  type BankImportProfile,
  type BankMatch,
  type BankStatement,
  type BankStatementLine,
} from '../domain/banking-schemas';
import { parseCamt053 } from '../domain/io/camt053';
import { cell, readCsv } from '../domain/io/csv';
import { parseOfx } from '../domain/io/ofx';
import { readSafely, type ImportProblem } from '../domain/io/report';
import {
  detectStatementFormat,
  type StatementImportResult,
  type StatementLine,
  type StatementMeta,
} from '../domain/io/statement';
import { guessStatementMapping, parseStatementCsv } from '../domain/io/statement-csv';
import { accountCodeSchema, isoDateSchema, type Account } from '../domain/schemas';
import { bankingTables, type BankLineRow } from './banking-projection';
import { ledgerTables, rowsOfDocs, type LedgerRow } from './ledger-projection';
import { postJournal, repos } from './ledger-service';

/**
 * Bank statements in, reconciliation out. A statement is written whole or not at all; lines
 * the bank sent before (overlapping exports) are skipped by their external id. Matching never
 * touches the ledger: it only records which bank lines and which ledger lines are the same money.
 */

function bankingRepos(s: ModuleContext) {
  return {
    statements: s.repository<BankStatement>(s.homeBranchDbName, 'bankStatement'),
    matches: s.repository<BankMatch>(s.homeBranchDbName, 'bankMatch'),
    profiles: s.repository<BankImportProfile>(s.homeBranchDbName, 'bankImportProfile'),
  };
}

type Fields<T> = Omit<
  T,
  | '_id'
  | '_rev'
  | 'type'
  | 'v'
  | 'branch'
  | 'createdAt'
  | 'createdBy'
  | 'device'
  | 'updatedAt'
  | 'updatedBy'
>;

interface BankAccount {
  account: Account;
  currency: string;
}

async function bankAccount(s: ModuleContext, code: string): Promise<BankAccount> {
  const [accounts, company] = await Promise.all([
    s.cachedMaster('accounts', () => repos(s).accounts.list()),
    s.cachedMaster('company', () => s.company()),
  ]);
  const account = accounts.find((a) => a.code === code);
  if (!account || account.isGroup || (account.subtype !== 'bank' && account.subtype !== 'cash')) {
    throw new OutpostError(
      'validation',
      `${account ? `${account.code} ${account.name}` : `Account ${code}`} is not a bank or cash account. Choose a bank or cash account.`,
      {
        account: 'Choose a bank or cash account.',
      },
    );
  }
  const currency = account.currency ?? company.baseCurrency;
  if (currency !== company.baseCurrency) {
    throw new OutpostError(
      'validation',
      `${account.code} ${account.name} is kept in ${currency}. Reconciling bank accounts in a currency other than ${company.baseCurrency} is not possible yet.`,
    );
  }
  return { account, currency };
}

// ── Import ───────────────────────────────────────────────────────────────────

const importInputSchema = z.object({
  account: accountCodeSchema,
  fileName: z.string().max(260).default(''),
  text: z.string(),
  mapping: csvMappingSchema.optional(),
});

async function findProfile(s: ModuleContext, account: string): Promise<BankImportProfile | null> {
  return (await bankingRepos(s).profiles.list()).find((p) => p.account === account) ?? null;
}

/** The first `rows` lines of a CSV statement, cell by cell under its header (at most 100). */
export function previewStatement(input: { text: string; rows?: number }): StatementPreview {
  const all = readCsv(input.text).rows;
  const header = all[0]?.fields.map((f) => f.trim()) ?? [];
  const limit = Math.min(Math.max(Math.trunc(input.rows ?? 20), 1), 100);
  return { header, rows: all.slice(1, 1 + limit).map((r) => header.map((_, i) => cell(r, i))) };
}

function needsMapping(text: string, problems: ImportProblem[]): ImportStatementResult {
  const header = readCsv(text).rows[0]?.fields.map((f) => f.trim()) ?? [];
  return {
    kind: 'needs-mapping',
    needsMapping: true,
    header,
    guess: guessStatementMapping(header),
    problems,
  };
}

/** Opening and closing balance: the bank's own figures, else read off the running balance column. */
function balancesOf(
  items: StatementLine[],
  meta: StatementMeta,
): { opening: number | null; closing: number | null; date: string } {
  const dates = items.map((i) => i.date).sort();
  const date = meta.closingDate ?? meta.periodEnd ?? dates[dates.length - 1]!;
  if (meta.closingBalance !== null || meta.openingBalance !== null)
    return { opening: meta.openingBalance, closing: meta.closingBalance, date };
  // Many banks list newest first; the running balance follows the file's own order.
  const chronological =
    items.length > 1 && items[0]!.date > items[items.length - 1]!.date
      ? [...items].reverse()
      : items;
  const first = chronological[0];
  const last = chronological[chronological.length - 1];
  return {
    opening: first && first.balanceAfter !== null ? first.balanceAfter - first.amount : null,
    closing: last?.balanceAfter ?? null,
    date,
  };
}

export async function importStatement(
  s: ModuleContext,
  input: unknown,
): Promise<ImportStatementResult> {
  const data = parseOrThrow(importInputSchema, input, 'The statement was not imported.');
  const { account, currency } = await bankAccount(s, data.account);
  const format = detectStatementFormat(data.text);
  let result: StatementImportResult;
  if (format === 'csv') {
    const profile = data.mapping ? null : await findProfile(s, account.code);
    const mapping = data.mapping ?? profile?.mapping;
    if (!mapping) return needsMapping(data.text, []);
    const read = readSafely(() => parseStatementCsv(data.text, { ...mapping, currency }));
    if (!read.ok) return { kind: 'refused', problems: read.problems };
    result = read.value;
    const headerLine = readCsv(data.text).rows[0]?.line ?? 1;
    // The bank changed its export: ask for the columns again instead of refusing outright.
    if (!result.ok && profile && result.problems.some((p) => p.line === headerLine))
      return needsMapping(data.text, result.problems);
  } else {
    const read = readSafely(() =>
      format === 'ofx' ? parseOfx(data.text) : parseCamt053(data.text),
    );
    if (!read.ok) return { kind: 'refused', problems: read.problems };
    result = read.value;
  }
  if (!result.ok) return { kind: 'refused', problems: result.problems };
  if (result.meta.currency && result.meta.currency !== currency) {
    return {
      kind: 'refused',
      problems: [
        {
          line: 1,
          message: `This statement is in ${result.meta.currency} but ${account.code} ${account.name} is kept in ${currency}. Choose the account this statement belongs to.`,
        },
      ],
    };
  }
  // Say why when every line was skipped (zero amounts, entries not yet booked).
  if (result.items.length === 0)
    return {
      kind: 'refused',
      problems: [
        { line: 1, message: 'The statement has no transactions to import.' },
        ...result.warnings,
      ],
    };

  if (data.mapping) {
    const r = bankingRepos(s).profiles;
    const existing = await findProfile(s, account.code);
    if (existing) await r.update(existing._id, { mapping: data.mapping });
    else await r.create({ account: account.code, mapping: data.mapping }, s.config.branchCode);
  }

  await s.settle();
  const dates = result.items.map((i) => i.date).sort();
  const known = new Set(
    (
      await bankingTables(s.index)
        .lines.where('[account+date]')
        .between([account.code, dates[0]!], [account.code, dates[dates.length - 1]!], true, true)
        .toArray()
    ).map((r) => r.externalId),
  );
  const fresh = result.items.filter((i) => !known.has(i.externalId));
  const skipped = result.items.length - fresh.length;
  if (fresh.length === 0)
    return { kind: 'imported', statementId: null, imported: 0, skipped, warnings: result.warnings };

  const { opening, closing, date } = balancesOf(result.items, result.meta);
  const lines: BankStatementLine[] = fresh.map((i) => ({
    externalId: i.externalId,
    date: i.date,
    amount: i.amount,
    description: i.description.slice(0, 1000),
    reference: i.reference.slice(0, 200),
    counterparty: i.counterparty.slice(0, 300),
    balanceAfter: i.balanceAfter,
  }));
  const fields: Fields<BankStatement> = {
    account: account.code,
    format,
    fileName: data.fileName.slice(0, 260),
    currency,
    statementDate: date,
    openingBalance: opening,
    closingBalance: closing,
    status: 'posted',
    lines,
  };
  const doc = await bankingRepos(s).statements.create(fields, s.config.branchCode);
  return {
    kind: 'imported',
    statementId: doc._id,
    imported: lines.length,
    skipped,
    warnings: result.warnings,
  };
}

export async function listStatements(
  s: ModuleContext,
  q: { account?: string },
): Promise<StatementSummary[]> {
  const all = await bankingRepos(s).statements.list();
  return all
    .filter((st) => !q.account || st.account === q.account)
    .map((st) => {
      const dates = st.lines.map((l) => l.date).sort();
      return {
        id: st._id,
        account: st.account,
        format: st.format,
        fileName: st.fileName,
        currency: st.currency,
        statementDate: st.statementDate,
        openingBalance: st.openingBalance,
        closingBalance: st.closingBalance,
        lines: st.lines.length,
        from: dates[0] ?? st.statementDate,
        to: dates[dates.length - 1] ?? st.statementDate,
        createdAt: st.createdAt,
        createdBy: st.createdBy,
      };
    })
    .sort((a, b) =>
      a.statementDate === b.statementDate
        ? b.id.localeCompare(a.id)
        : b.statementDate.localeCompare(a.statementDate),
    );
}

// ── Reconciliation ───────────────────────────────────────────────────────────

function bankLineView(r: BankLineRow): BankLineView {
  return {
    id: r.id,
    statementId: r.statementId,
    date: r.date,
    amount: r.amount,
    description: r.description,
    reference: r.reference,
    counterparty: r.counterparty,
    matchId: r.matchId || null,
  };
}

/** Ledger rows with their document's reference, and the numbers of what a payment settled. */
async function bookLines(
  s: ModuleContext,
  bankAccountCode: string,
  rows: LedgerRow[],
): Promise<(BookLineView & { related: string[] })[]> {
  const l = ledgerTables(s.index);
  const docIds = [...new Set(rows.map((r) => r.docId))];
  const docs = new Map(
    (await l.docs.bulkGet(docIds)).filter((d) => d !== undefined).map((d) => [d.id, d]),
  );
  // A receipt's other lines carry the invoice numbers it settled, which banks quote.
  const siblings = await rowsOfDocs(
    l.lines,
    docIds.filter((id) => docs.get(id)?.type === 'payment'),
  ).toArray();
  const related = new Map<string, string[]>();
  for (const r of siblings)
    if (r.memo && r.account !== bankAccountCode)
      related.set(r.docId, [...(related.get(r.docId) ?? []), r.memo]);
  return rows.map((r) => ({
    id: r.id,
    docId: r.docId,
    docType: r.docType,
    number: r.number,
    date: r.date,
    amount: r.debit - r.credit,
    memo: r.memo,
    reference: docs.get(r.docId)?.reference ?? '',
    related: related.get(r.docId) ?? [],
  }));
}

const viewInputSchema = z.object({
  account: accountCodeSchema,
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export async function reconciliationView(
  s: ModuleContext,
  input: unknown,
): Promise<ReconciliationView> {
  const q = parseOrThrow(viewInputSchema, input, 'The reconciliation could not be shown.');
  await s.settle();
  const { account, currency } = await bankAccount(s, q.account);
  const code = account.code;
  const from = q.from ?? '';
  const to = q.to ?? '\uffff';
  const t = bankingTables(s.index);
  const l = ledgerTables(s.index);

  const bankRows = await t.lines
    .where('[account+date]')
    .between([code, from], [code, to], true, true)
    .toArray();
  bankRows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const matchRows = await t.matches.where('account').equals(code).toArray();
  const matchedLedger = new Set(matchRows.flatMap((m) => m.ledgerLines));
  const ledgerRows = (
    await l.lines.where('[account+date]').between([code, from], [code, to], true, true).toArray()
  ).filter((r) => !matchedLedger.has(r.id) && r.debit !== r.credit);
  ledgerRows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const unmatchedBook = await bookLines(s, code, ledgerRows);
  const unmatchedBank = bankRows.filter((r) => !r.matchId);

  const suggestions = suggestMatches(
    unmatchedBank.map((r) => ({
      id: r.id,
      date: r.date,
      amount: r.amount,
      description: r.description,
      reference: r.reference,
      counterparty: r.counterparty,
    })),
    unmatchedBook,
  );

  const inPeriod = new Set(bankRows.map((r) => r.id));
  const shownMatches = matchRows.filter((m) => m.statementLines.some((id) => inPeriod.has(id)));
  const matchedBankRows = new Map(
    (await t.lines.bulkGet(shownMatches.flatMap((m) => m.statementLines)))
      .filter((r): r is BankLineRow => r !== undefined)
      .map((r) => [r.id, r]),
  );
  const matchedBook = new Map(
    (
      await bookLines(
        s,
        code,
        (await l.lines.bulkGet(shownMatches.flatMap((m) => m.ledgerLines))).filter(
          (r): r is LedgerRow => r !== undefined,
        ),
      )
    ).map((r) => [r.id, r]),
  );
  const matches: MatchView[] = shownMatches
    .map((m) => ({
      id: m.id,
      note: m.note,
      createdAt: m.createdAt,
      createdBy: m.createdBy,
      statementLines: m.statementLines.flatMap((id) => {
        const r = matchedBankRows.get(id);
        return r ? [bankLineView(r)] : [];
      }),
      ledgerLines: m.ledgerLines.flatMap((id) => {
        const r = matchedBook.get(id);
        return r ? [stripRelated(r)] : [];
      }),
    }))
    .sort(
      (a, b) =>
        (a.statementLines[0]?.date ?? '').localeCompare(b.statementLines[0]?.date ?? '') ||
        a.id.localeCompare(b.id),
    );

  const statements = (await listStatements(s, { account: code })).filter(
    (st) => !q.to || st.statementDate <= q.to,
  );
  const latest = statements[0] ?? null;
  const asOf = q.to ?? latest?.statementDate ?? todayLocal();
  const upTo = await l.lines
    .where('[account+date]')
    .between([code, ''], [code, asOf], true, true)
    .toArray();
  const bookBalance = upTo.reduce((n, r) => n + r.debit - r.credit, 0);
  const matched = bankRows.filter((r) => r.matchId).reduce((n, r) => n + r.amount, 0);
  const unmatched = unmatchedBank.reduce((n, r) => n + r.amount, 0);

  return {
    account: { code, name: account.name, currency },
    statementLines: bankRows.map(bankLineView),
    unmatchedBook: unmatchedBook.map(stripRelated),
    suggestions,
    matches,
    asOf,
    summary: reconciliationSummary({
      statementClosing: latest?.closingBalance ?? null,
      matched,
      unmatchedStatement: unmatched,
      bookBalance,
    }),
  };
}

function stripRelated(r: BookLineView & { related: string[] }): BookLineView {
  const { related: _related, ...rest } = r;
  return rest;
}

// ── Matching ─────────────────────────────────────────────────────────────────

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
