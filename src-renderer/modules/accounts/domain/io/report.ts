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

/**
 * Runs a reader so that whatever it throws (a bug, or input nobody foresaw) becomes a refusal
 * like any other bad file: the import path then writes nothing and the clerk gets words, not
 * a crash. The error's own text is kept at the end for whoever looks into it.
 */
export function readSafely<T>(
  read: () => T,
): { ok: true; value: T } | { ok: false; problems: ImportProblem[] } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      problems: [
        problem(
          1,
          `The file could not be read, so nothing was imported. Check that it is the right file and export it again; if this keeps happening, send the file to your administrator (${detail.slice(0, 200)}).`,
        ),
      ],
    };
  }
}
