import { problem, type ImportProblem } from './report';
import { unreadableTextProblem } from './unreadable';

/**
 * A small CSV reader of our own rather than papaparse: importers need the physical line where
 * each record starts (quoted fields may span lines) and whether each field was quoted
 * (thousands separators are only trusted inside quotes), and neither survives papaparse.
 */
export interface CsvRow {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
  quoted: boolean[];
}

export interface CsvReadResult {
  separator: string;
  rows: CsvRow[];
  problems: ImportProblem[];
}

const COMMA = 44;
const SEMI = 59;
const TAB = 9;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Picks the separator the first line uses most, outside quotes; ties go to the comma. A title
 * line above the table ("Account statement") has none, so the first line that has one counts.
 */
export function detectSeparator(text: string): string {
  const counts = new Map<number, number>([
    [COMMA, 0],
    [SEMI, 0],
    [TAB, 0],
  ]);
  let inQuotes = false;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) {
      if (found) break;
    } else if (!inQuotes && counts.has(c)) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
      found = true;
    }
  }
  let best = COMMA;
  for (const sep of [SEMI, TAB]) if ((counts.get(sep) ?? 0) > (counts.get(best) ?? 0)) best = sep;
  return String.fromCharCode(best);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readCsv(input: string, separator?: string): CsvReadResult {
  const text = stripBom(input);
  const sep = separator ?? detectSeparator(text);
  const sepCode = sep.charCodeAt(0);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  const unreadable = unreadableTextProblem(text);
  if (unreadable) problems.push(unreadable);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    const quoted: boolean[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let c = i < n ? text.charCodeAt(i) : -1;
      if (c === QUOTE) {
        const startLine = line;
        i++;
        let value = '';
        let chunk = i;
        let closed = false;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(chunk, i + 1);
              i += 2;
              chunk = i;
              continue;
            }
            value += text.slice(chunk, i);
            i++;
            closed = true;
            break;
          }
          if (c === LF) line++;
          else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
          i++;
        }
        if (!closed) {
          value += text.slice(chunk, i);
          problems.push(
            problem(
              startLine,
              'A quoted value is never closed: a " is missing, so the rest of the file ran into one cell. Check the quotes on this line.',
            ),
          );
        }
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        const tail = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === sepCode || c === LF || c === CR) break;
          i++;
        }
        if (i > tail) value += text.slice(tail, i);
        fields.push(value);
        quoted.push(true);
      } else {
        const start = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === sepCode || c === LF || c === CR) break;
          i++;
        }
        fields.push(text.slice(start, i));
        quoted.push(false);
      }
      c = i < n ? text.charCodeAt(i) : -1;
      if (c === sepCode) {
        i++;
      } else {
        if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        else if (c === LF) i++;
        if (c === CR || c === LF) line++;
        endOfRecord = true;
      }
    }
    if (fields.length === 1 && fields[0] === '' && !quoted[0]) continue;
    rows.push({ line: rowLine, fields, quoted });
  }
  return { separator: sep, rows, problems };
}

/** Header names are matched loosely: case, spaces, underscores and dashes don't matter. */
export function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** Accepted header spellings; the first is the documented one. */
  names: readonly string[];
  required: boolean;
}

export interface HeaderMap<K extends string> {
  index: Partial<Record<K, number>>;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

export function mapHeader<K extends string>(
  header: CsvRow,
  specs: readonly ColumnSpec<K>[],
): HeaderMap<K> {
  const index: Partial<Record<K, number>> = {};
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const byName = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) for (const name of spec.names) byName.set(normalizeHeader(name), spec);
  header.fields.forEach((raw, col) => {
    const name = normalizeHeader(raw);
    if (name === '') return;
    const spec = byName.get(name);
    if (!spec) {
      warnings.push(
        problem(
          header.line,
          `The column "${raw.trim()}" is not one we know; it was ignored.`,
          raw.trim(),
        ),
      );
      return;
    }
    if (index[spec.key] !== undefined) {
      problems.push(
        problem(
          header.line,
          `The column "${spec.names[0]}" appears twice in the header. Keep only one.`,
          spec.names[0],
        ),
      );
      return;
    }
    index[spec.key] = col;
  });
  for (const spec of specs) {
    if (spec.required && index[spec.key] === undefined) {
      problems.push(
        problem(
          header.line,
          `The header has no "${spec.names[0]}" column. Add it (column names are not case-sensitive).`,
          spec.names[0],
        ),
      );
    }
  }
  return { index, problems, warnings };
}

/** Rows with more values than the header usually mean an unquoted comma inside a value. */
export function checkRowWidth(row: CsvRow, width: number): ImportProblem | null {
  if (row.fields.length <= width) return null;
  const extra = row.fields.slice(width).some((f) => f.trim() !== '');
  if (!extra) return null;
  return problem(
    row.line,
    `This line has ${row.fields.length} values but the header has ${width} columns. A value probably contains the separator; put that value in double quotes.`,
  );
}

export function cell(row: CsvRow, index: number | undefined): string {
  if (index === undefined) return '';
  return (row.fields[index] ?? '').trim();
}

export function wasQuoted(row: CsvRow, index: number | undefined): boolean {
  return index !== undefined && (row.quoted[index] ?? false);
}
