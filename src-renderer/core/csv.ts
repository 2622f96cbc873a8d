/**
 * The one CSV writer of the app. Every CSV file Outpost writes goes through toCsv, so every
 * cell is defused against spreadsheet formula injection the same way (OWASP "CSV Injection"):
 * a memo or party name such as =HYPERLINK(…), +cmd|…, -2+3 or @SUM(…) would otherwise run
 * as a formula when the file is opened in Excel, LibreOffice or Google Sheets.
 *
 * Lives in core/ (pure, no I/O) so domain code, the worker and the UI can all import it.
 * src-renderer/modules/accounts/csv-exports.test.ts fails if CSV is built anywhere else.
 */

export type CsvCell = string | number;

/**
 * A plain decimal number ("-12.50", "1234", "0.07") is left as it is, so money columns stay
 * numbers a spreadsheet can add up; its leading minus cannot start a formula because nothing
 * but digits follows. Anything else that could start one is defused.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Characters a spreadsheet may skip before reading "=": ASCII and Unicode spaces (JS \s takes
 * in U+00A0, U+2007, U+202F, U+3000, U+FEFF…) and the zero-width ones \s does not.
 */
const LEADING_BLANKS = /^[\s\u200b-\u200d\u2060\u180e]+/;

/**
 * = + - @ start a formula (OWASP); tab, carriage return and NUL (OWASP ASVS 1.2.10) can make a
 * spreadsheet skip ahead to one; the fullwidth forms ＝＋－＠ are turned into the ASCII ones by
 * some spreadsheet input methods.
 */
const TRIGGER = /^[=+\-@\t\r\0\uff1d\uff0b\uff0d\uff20]/;

/** True when a spreadsheet could read this text as a formula. */
export function isFormulaRisk(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return false;
  if (/^[\t\r\0]/.test(text)) return true;
  return TRIGGER.test(text.replace(LEADING_BLANKS, ''));
}

/**
 * One cell as written: a risky value gets a leading apostrophe (spreadsheets show the text
 * and hide the apostrophe) and is always quoted; other values are quoted only when they hold
 * the separator, a quote, a line break or edge spaces (RFC 4180, quotes doubled).
 */
export function csvCell(value: CsvCell, separator = ','): string {
  const raw = typeof value === 'number' ? String(value) : value;
  const risky = isFormulaRisk(raw);
  const text = risky ? `'${raw}` : raw;
  const needsQuotes =
    risky || text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV file: CRLF ends every record (RFC 4180), including the last. */
export function toCsv(rows: readonly (readonly CsvCell[])[], separator = ','): string {
  return rows.map((r) => r.map((c) => csvCell(c, separator)).join(separator) + '\r\n').join('');
}
