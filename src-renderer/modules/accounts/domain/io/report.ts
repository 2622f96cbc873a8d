/**
 * What every importer hands back. Imports are all-or-nothing: one problem anywhere means
 * ok:false with every problem found, so the clerk fixes the file once instead of
 * discovering errors one re-upload at a time, and nothing half-imported reaches the ledger.
 */
export interface ImportProblem {
  /** 1-based line in the file (the header is line 1); for XML, the line of the element. */
  line: number;
  column?: string;
  /** Clerk-readable: what is wrong and what to do about it. */
  message: string;
}

export type ImportResult<T> =
  { ok: true; items: T[]; warnings: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

export function problem(line: number, message: string, column?: string): ImportProblem {
  return column === undefined ? { line, message } : { line, column, message };
}

/** Problems are reported in file order so the clerk can walk down the file fixing them. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map((x) => x.p);
}

export function refuse<T>(problems: ImportProblem[]): ImportResult<T> {
  return { ok: false, problems: sortProblems(problems) };
}
