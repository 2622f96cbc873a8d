import { problem, type ImportProblem } from './report';
import type { StatementImportResult, StatementLine, StatementMeta } from './statement';

/** One statement read out of a file that may hold several (camt.053 Stmt, OFX STMTRS). */
export interface StatementPart {
  line: number;
  items: StatementLine[];
  warnings: ImportProblem[];
  meta: StatementMeta;
}

/** The statements of one bank account in a file, days joined into one. */
export interface AccountStatement {
  line: number;
  items: StatementLine[];
  warnings: ImportProblem[];
  meta: StatementMeta;
}

export type SplitStatementsResult =
  { ok: true; statements: AccountStatement[] } | { ok: false; problems: ImportProblem[] };

const startOf = (p: StatementPart) =>
  p.meta.periodStart ?? p.items[0]?.date ?? p.meta.closingDate ?? '';

export const accountLabel = (meta: StatementMeta) => meta.accountId || 'no account number';

// A credit card gives no bank id beside its number, so the number alone says which account.
const keyOf = (meta: StatementMeta) => meta.accountId;

/**
 * Banks send one statement per day and per account in a single file. Days of one account are
 * read as one statement: opening balance of the first, closing balance of the last; each
 * account keeps its own, in the order the file first names them.
 */
export function splitStatements(parts: StatementPart[]): SplitStatementsResult {
  const groups = new Map<string, StatementPart[]>();
  for (const p of parts) groups.set(keyOf(p.meta), [...(groups.get(keyOf(p.meta)) ?? []), p]);
  const statements: AccountStatement[] = [];
  const problems: ImportProblem[] = [];
  for (const group of groups.values()) {
    const currencies = [...new Set(group.map((p) => p.meta.currency))];
    if (currencies.length > 1) {
      problems.push(
        problem(
          group.find((p) => p.meta.currency !== group[0]!.meta.currency)!.line,
          `The file holds statements in ${currencies.join(' and ')} for the same account (${accountLabel(group[0]!.meta)}). Export each currency separately.`,
        ),
      );
      continue;
    }
    const ordered = [...group].sort((a, b) => startOf(a).localeCompare(startOf(b)));
    const first = ordered[0]!;
    const last = ordered[ordered.length - 1]!;
    statements.push({
      line: group[0]!.line,
      items: ordered.flatMap((p) => p.items),
      warnings: ordered.flatMap((p) => p.warnings),
      meta: {
        ...first.meta,
        ...(group.find((p) => p.meta.bankId) && {
          bankId: group.find((p) => p.meta.bankId)!.meta.bankId,
        }),
        closingBalance: last.meta.closingBalance,
        closingDate: last.meta.closingDate,
        periodEnd: last.meta.periodEnd,
      },
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, statements };
}

/**
 * One account's statement from a file. A file for several accounts is refused here, naming
 * them; the bank import routes such a file by account number instead (splitStatements).
 */
export function mergeStatements(parts: StatementPart[]): StatementImportResult {
  const split = splitStatements(parts);
  if (!split.ok) return split;
  const [only, second] = split.statements;
  if (second) {
    const names = split.statements.map((s) => accountLabel(s.meta));
    return {
      ok: false,
      problems: [
        problem(
          second.line,
          `The file holds statements for ${names.length} bank accounts (${names.join(', ')}). Enter each account's IBAN or account number in the chart of accounts, then import the file again; each statement goes to its own bank account.`,
        ),
      ],
    };
  }
  return { ok: true, items: only!.items, warnings: only!.warnings, meta: only!.meta };
}
