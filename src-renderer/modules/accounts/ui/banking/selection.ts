import { decodeTextFile, type DecodedText } from '../../../../core/text-file';
import type { DateFormat } from '../../domain/io/values';
import type { StatementCsvMapping } from '../../domain/io/statement-csv';
import type { CsvMapping } from '../../banking-contract';

/** What "Match selected" may do with the current ticks; mirrors the core's validateMatch. */
export interface SelectionState {
  bankTotal: number;
  bookTotal: number;
  difference: number;
  canMatch: boolean;
  /** Why the button is disabled, for the clerk; null when it is enabled. */
  hint: string | null;
}

export function selectionState(bank: number[], book: number[]): SelectionState {
  const bankTotal = bank.reduce((n, a) => n + a, 0);
  const bookTotal = book.reduce((n, a) => n + a, 0);
  const difference = bankTotal - bookTotal;
  let hint: string | null = null;
  if (bank.length === 0 || book.length === 0)
    hint = 'Tick at least one bank line and one entry in the books.';
  else if (bank.length > 1 && book.length > 1)
    hint = 'Match one bank line with several entries, or several bank lines with one entry.';
  else if (difference !== 0) hint = 'The two sides must add up to the same amount.';
  return { bankTotal, bookTotal, difference, canMatch: hint === null, hint };
}

export const DATE_FORMAT_OPTIONS: DateFormat[] = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
];

/** Guesses the date layout from the first data cells, so the clerk rarely has to change it. */
export function guessDateFormat(samples: string[]): DateFormat {
  const s = samples.map((x) => x.trim()).filter(Boolean);
  if (s.length && s.every((x) => /^\d{4}-\d{1,2}-\d{1,2}$/.test(x))) return 'YYYY-MM-DD';
  if (s.length && s.every((x) => /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(x))) return 'DD.MM.YYYY';
  // A first part above 12 can only be a day; a second part above 12 only a day in US order.
  if (s.some((x) => Number(x.split('/')[1]) > 12)) return 'MM/DD/YYYY';
  return 'DD/MM/YYYY';
}

/** "1.234,56" and "-4,50" say comma; "1,234.56" and "4.50" say point. */
export function guessDecimalSeparator(samples: string[]): '.' | ',' {
  const comma = samples.filter((x) => /,\d{1,2}\s*$/.test(x.trim())).length;
  const point = samples.filter((x) => /\.\d{1,2}\s*$/.test(x.trim())).length;
  return comma > point ? ',' : '.';
}

/** The dialog's starting point: the core's guess of columns plus guessed number and date layouts. */
export function initialMapping(
  guess: Partial<StatementCsvMapping>,
  dateSamples: string[],
  amountSamples: string[],
): CsvMapping {
  return {
    date: guess.date ?? '',
    amount: guess.amount,
    debit: guess.debit,
    credit: guess.credit,
    description: guess.description ?? '',
    reference: guess.reference,
    counterparty: guess.counterparty,
    balance: guess.balance,
    dateFormat: guess.dateFormat ?? guessDateFormat(dateSamples),
    decimalSeparator: guess.decimalSeparator ?? guessDecimalSeparator(amountSamples),
  };
}

/** Bank files are UTF-8 or, from older systems, Windows-1252; the clerk is told which was used. */
export function decodeStatement(data: Uint8Array): DecodedText {
  return decodeTextFile(data, { allowWindows1252: true });
}
