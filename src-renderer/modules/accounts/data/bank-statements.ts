import { z } from 'zod';
import { parseOrThrow } from '../../../core/db/validation';
import type { ModuleContext } from '../../../core/module-context';
import type {
  ImportedStatement,
  ImportStatementResult,
  StatementPreview,
  StatementSummary,
} from '../banking-contract';
import {
  csvMappingSchema,
  type BankImportProfile,
  type BankStatement,
  type BankStatementLine,
} from '../domain/banking-schemas';
import { parseCamt053Accounts } from '../domain/io/camt053';
import { cell, readCsv } from '../domain/io/csv';
import { referenceLineId } from '../domain/io/line-id';
import { parseOfxAccounts } from '../domain/io/ofx';
import { readSafely, type ImportProblem } from '../domain/io/report';
import {
  detectStatementFormat,
  type StatementLine,
  type StatementMeta,
} from '../domain/io/statement';
import { accountLabel, type AccountStatement } from '../domain/io/statement-merge';
import {
  guessStatementMapping,
  parseStatementCsv,
  statementHeaderIndex,
} from '../domain/io/statement-csv';
import { accountCodeSchema } from '../domain/schemas';
import { bankAccount, bankingRepos } from './banking-repos';
import { routeStatements, type RoutedStatement } from './bank-routing';
import { bankingTables } from './banking-projection';

/**
 * Bank statements in: a statement is written whole or not at all; lines the bank sent before
 * (overlapping exports) are skipped by their external id.
 */

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
  const at = statementHeaderIndex(all);
  const header = all[at]?.fields.map((f) => f.trim()) ?? [];
  const limit = Math.min(Math.max(Math.trunc(input.rows ?? 20), 1), 100);
  return {
    header,
    rows: all.slice(at + 1, at + 1 + limit).map((r) => header.map((_, i) => cell(r, i))),
  };
}

function needsMapping(text: string, problems: ImportProblem[]): ImportStatementResult {
  const rows = readCsv(text).rows;
  const header = rows[statementHeaderIndex(rows)]?.fields.map((f) => f.trim()) ?? [];
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

type Parsed =
  { ok: true; statements: AccountStatement[] } | { ok: false; problems: ImportProblem[] };

export async function importStatement(
  s: ModuleContext,
  input: unknown,
): Promise<ImportStatementResult> {
  const data = parseOrThrow(importInputSchema, input, 'The statement was not imported.');
  const { account, currency } = await bankAccount(s, data.account);
  const format = detectStatementFormat(data.text);
  let parsed: Parsed;
  if (format === 'csv') {
    const profile = data.mapping ? null : await findProfile(s, account.code);
    const mapping = data.mapping ?? profile?.mapping;
    if (!mapping) return needsMapping(data.text, []);
    const read = readSafely(() => parseStatementCsv(data.text, { ...mapping, currency }));
    if (!read.ok) return { kind: 'refused', problems: read.problems };
    const result = read.value;
    const rows = readCsv(data.text).rows;
    const headerLine = rows[statementHeaderIndex(rows, mapping)]?.line ?? 1;
    // The bank changed its export: ask for the columns again instead of refusing outright.
    if (!result.ok && profile && result.problems.some((p) => p.line === headerLine))
      return needsMapping(data.text, result.problems);
    parsed = result.ok ? { ok: true, statements: [{ line: 1, ...result }] } : result;
  } else {
    const read = readSafely(() =>
      format === 'ofx'
        ? parseOfxAccounts(data.text, { currency })
        : parseCamt053Accounts(data.text, { currency }),
    );
    if (!read.ok) return { kind: 'refused', problems: read.problems };
    parsed = read.value;
  }
  if (!parsed.ok) return { kind: 'refused', problems: parsed.problems };
  const routing = await routeStatements(s, account, parsed.statements);
  if (!routing.ok) return { kind: 'refused', problems: routing.problems };
  const several = routing.routed.length > 1;
  for (const { account: target, currency: kept, statement } of routing.routed) {
    const where = several ? ` (bank account ${accountLabel(statement.meta)})` : '';
    if (statement.meta.currency && statement.meta.currency !== kept)
      return refused(
        `This statement${where} is in ${statement.meta.currency} but ${target.code} ${target.name} is kept in ${kept}. Choose the account this statement belongs to.`,
      );
    // Say why when every line was skipped (zero amounts, entries not yet booked).
    if (statement.items.length === 0)
      return {
        kind: 'refused',
        problems: [
          { line: 1, message: `The statement${where} has no transactions to import.` },
          ...statement.warnings,
        ],
      };
  }

  if (data.mapping) {
    const r = bankingRepos(s).profiles;
    const existing = await findProfile(s, account.code);
    if (existing) await r.update(existing._id, { mapping: data.mapping });
    else await r.create({ account: account.code, mapping: data.mapping }, s.config.branchCode);
  }

  await s.settle();
  const written: ImportedStatement[] = [];
  for (const r of routing.routed) written.push(await writeStatement(s, r, format, data.fileName));
  const warnings = routing.routed.flatMap((r) => r.statement.warnings);
  const first = written.find((w) => w.statementId !== null);
  return {
    kind: 'imported',
    statementId: first?.statementId ?? null,
    imported: written.reduce((n, w) => n + w.imported, 0),
    skipped: written.reduce((n, w) => n + w.skipped, 0),
    warnings,
    ...(several ? { accounts: written } : {}),
  };
}

function refused(message: string): ImportStatementResult {
  return { kind: 'refused', problems: [{ line: 1, message }] };
}

/** One account's statement; lines the bank sent before (overlapping exports) are skipped. */
async function writeStatement(
  s: ModuleContext,
  { account, currency, statement }: RoutedStatement,
  format: BankStatement['format'],
  fileName: string,
): Promise<ImportedStatement> {
  const result = statement;
  // Lines imported before ids carried date and amount hold the bare bank reference.
  const dates = result.items.map((i) => i.date).sort();
  const known = new Set(
    (
      await bankingTables(s.index)
        .lines.where('[account+date]')
        .between([account.code, dates[0]!], [account.code, dates[dates.length - 1]!], true, true)
        .toArray()
    ).flatMap((r) => [r.externalId, referenceLineId(r.externalId, r.date, r.amount, 0)]),
  );
  const fresh = result.items.filter((i) => !known.has(i.externalId));
  const skipped = result.items.length - fresh.length;
  const done = { account: account.code, name: account.name };
  if (fresh.length === 0) return { ...done, statementId: null, imported: 0, skipped };

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
    fileName: fileName.slice(0, 260),
    currency,
    statementDate: date,
    openingBalance: opening,
    closingBalance: closing,
    status: 'posted',
    lines,
  };
  const doc = await bankingRepos(s).statements.create(fields, s.config.branchCode);
  return { ...done, statementId: doc._id, imported: lines.length, skipped };
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
