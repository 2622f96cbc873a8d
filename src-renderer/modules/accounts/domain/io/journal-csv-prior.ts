import { problem, sortProblems, type ImportProblem } from './report';
import type { ImportedEntry } from './journal-csv';

/** An entry already posted by an earlier import, as the index lists it. */
export interface PriorImport {
  reference: string;
  date: string;
  branch: string;
  number: string;
}

/**
 * Entries of the file that an earlier import already posted (same branch, date and entry
 * reference, not reversed since): importing the same file twice would post it twice, and a
 * clerk who is not sure whether the first attempt went through is exactly who tries again.
 * To import such an entry again on purpose, the earlier one is reversed first.
 */
export function alreadyImported(
  items: readonly ImportedEntry[],
  prior: readonly PriorImport[],
): ImportProblem[] {
  const key = (branch: string, date: string, reference: string) =>
    `${branch}\u0000${date}\u0000${reference}`;
  const earlier = new Map(prior.map((p) => [key(p.branch, p.date, p.reference), p.number]));
  const problems: ImportProblem[] = [];
  for (const e of items) {
    const number = earlier.get(key(e.branch, e.date, e.reference));
    if (number === undefined) continue;
    problems.push(
      problem(
        e.sourceLines[0] ?? 1,
        `Entry ${e.reference} of ${e.date} was imported before, as ${number}. Remove it from the file, or reverse ${number} first to import it again.`,
        'entry reference',
      ),
    );
  }
  if (problems.length > 1 && problems.length === items.length) {
    problems.unshift(
      problem(
        1,
        `Every entry in this file was imported before (${items.length.toLocaleString('en')} entries): this file has already been imported. Nothing was imported now.`,
      ),
    );
  }
  return sortProblems(problems);
}
