/** Pure import/export of the Accounts module: text in, typed data or a problem report out. */
export { parseCamt053 } from './camt053';
export { CHART_CSV_COLUMNS, parseChartCsv, type AccountFieldsInput } from './chart-csv';
export {
  accountPath,
  toHledgerJournal,
  type HledgerEntry,
  type HledgerOptions,
  type HledgerPosting,
} from './hledger';
export {
  JOURNAL_CSV_COLUMNS,
  journalCsvTemplate,
  alreadyImported,
  parseJournalCsv,
  type PriorImport,
  type ImportedEntry,
  type ImportedLine,
  type JournalCsvColumn,
  type JournalCsvContext,
} from './journal-csv';
export { parseOfx } from './ofx';
export type { ImportProblem, ImportResult } from './report';
export {
  detectStatementFormat,
  type StatementFormat,
  type StatementImportResult,
  type StatementLine,
  type StatementMeta,
} from './statement';
export {
  guessStatementMapping,
  parseStatementCsv,
  type StatementCsvMapping,
} from './statement-csv';
export type { DateFormat } from './values';
