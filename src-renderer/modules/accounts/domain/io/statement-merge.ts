import { problem, type ImportProblem } from './report';
import type { StatementImportResult, StatementLine, StatementMeta } from './statement';

/** One statement read out of a file that may hold several (camt.053 Stmt, OFX STMTRS). */
export interface StatementPart {
  line: number;
  items: StatementLine[];
  warnings: ImportProblem[];
  meta: StatementMeta;
}

const startOf = (p: StatementPart) =>
  p.meta.periodStart ?? p.items[0]?.date ?? p.meta.closingDate ?? '';

/**
 * Banks send one statement per day (or per account) in a single file. Days of one account are
 * read as one statement: opening balance of the first, closing balance of the last. Statements
 * for different accounts are refused, naming them, because a file imports into one bank account.
 */
export function mergeStatements(parts: StatementPart[]): StatementImportResult {
  const accounts = [...new Set(parts.map((p) => p.meta.accountId))];
  if (accounts.length > 1) {
    const second = parts.find((p) => p.meta.accountId !== parts[0]!.meta.accountId)!;
    return {
      ok: false,
      problems: [
        problem(
          second.line,
          `The file holds statements for ${accounts.length} bank accounts (${accounts.map((a) => a || 'no account number').join(', ')}). Ask the bank for one file per account, or export each account separately, and import each into its own bank account.`,
        ),
      ],
    };
  }
  const currencies = [...new Set(parts.map((p) => p.meta.currency))];
  if (currencies.length > 1)
    return {
      ok: false,
      problems: [
        problem(
          parts.find((p) => p.meta.currency !== parts[0]!.meta.currency)!.line,
          `The file holds statements in ${currencies.join(' and ')} for the same account. Export each currency separately.`,
        ),
      ],
    };
  const ordered = [...parts].sort((a, b) => startOf(a).localeCompare(startOf(b)));
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  const meta: StatementMeta = {
    ...first.meta,
    closingBalance: last.meta.closingBalance,
    closingDate: last.meta.closingDate,
    periodEnd: last.meta.periodEnd,
  };
  return {
    ok: true,
    items: ordered.flatMap((p) => p.items),
    warnings: ordered.flatMap((p) => p.warnings),
    meta,
  };
}
