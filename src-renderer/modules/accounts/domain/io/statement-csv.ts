import { cell, checkRowWidth, normalizeHeader, readCsv } from './csv';
import { problem, sortProblems, type ImportProblem } from './report';
import { emptyMeta, type StatementImportResult, type StatementLine } from './statement';
import {
  amountMessage,
  makeLineIdFactory,
  parseAmountText,
  parseDateText,
  type DateFormat,
} from './values';

/** Which header column holds what; banks all differ, so the clerk confirms a guessed mapping. */
export interface StatementCsvMapping {
  date: string;
  /** One signed amount column (negative = money out)… */
  amount?: string;
  /** …or separate money-out and money-in columns. */
  debit?: string;
  credit?: string;
  description: string;
  reference?: string;
  counterparty?: string;
  balance?: string;
  dateFormat: DateFormat;
  decimalSeparator: '.' | ',';
  currency: string;
}

type MappedKey =
  'date' | 'amount' | 'debit' | 'credit' | 'description' | 'reference' | 'counterparty' | 'balance';

const CURRENCY_MARKS = /^[€$£¥]|[€$£¥]$/g;

/** Banks export booking times too ("2022-01-07 10:28:09"); the day is what reconciles. */
function withoutTime(raw: string): string {
  return raw
    .trim()
    .replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AP]M)?( ?(Z|[+-]\d{2}:?\d{2}))?$/i, '');
}

/** Where the header row is found among this many first rows of the file. */
const PREAMBLE_ROWS = 30;

/**
 * The header row: banks put the account holder, period and balances above it. With a mapping
 * it is the first row holding the mapped date column; without one, the first row the column
 * guesser recognises a date and an amount in. Row 0 when neither is found.
 */
export function statementHeaderIndex(
  rows: { fields: string[] }[],
  mapping?: Pick<StatementCsvMapping, 'date' | 'amount' | 'debit'>,
): number {
  const limit = Math.min(rows.length, PREAMBLE_ROWS);
  for (let i = 0; i < limit; i++) {
    const names = rows[i]!.fields.map(normalizeHeader);
    if (mapping) {
      const money = mapping.amount ?? mapping.debit ?? '';
      if (names.includes(normalizeHeader(mapping.date)) && names.includes(normalizeHeader(money)))
        return i;
    } else {
      const g = guessStatementMapping(rows[i]!.fields);
      if (g.date && (g.amount || g.debit)) return i;
    }
  }
  return 0;
}

export function parseStatementCsv(
  text: string,
  mapping: StatementCsvMapping,
): StatementImportResult {
  const csv = readCsv(text);
  const problems: ImportProblem[] = [...csv.problems];
  const warnings: ImportProblem[] = [];
  const headerAt = statementHeaderIndex(csv.rows, mapping);
  const header = csv.rows[headerAt];
  if (!header)
    return {
      ok: false,
      problems: [
        problem(1, 'The file is empty. Export the statement from your bank again as CSV.'),
      ],
    };
  const headerIndex = new Map<string, number>();
  header.fields.forEach((f, i) => {
    const key = normalizeHeader(f);
    if (key !== '' && !headerIndex.has(key)) headerIndex.set(key, i);
  });
  const col: Partial<Record<MappedKey, number>> = {};
  const keys: MappedKey[] = [
    'date',
    'amount',
    'debit',
    'credit',
    'description',
    'reference',
    'counterparty',
    'balance',
  ];
  for (const key of keys) {
    const name = mapping[key];
    if (name === undefined || name === '') continue;
    const i = headerIndex.get(normalizeHeader(name));
    if (i === undefined)
      problems.push(
        problem(
          header.line,
          `The file has no column "${name}" (chosen for ${key}). Check the column mapping or the file.`,
          name,
        ),
      );
    else col[key] = i;
  }
  if (!/^[A-Z]{3}$/.test(mapping.currency))
    problems.push(
      problem(
        header.line,
        `"${mapping.currency}" is not a currency code. Choose the statement's currency, e.g. USD.`,
      ),
    );
  if (!mapping.amount && !(mapping.debit && mapping.credit)) {
    problems.push(
      problem(
        header.line,
        'Choose either one amount column, or both a money-out (debit) and a money-in (credit) column.',
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  const currency = mapping.currency;
  const dec = mapping.decimalSeparator;
  const readAmount = (raw: string, column: string, line: number): number | null => {
    const cleaned = raw.replace(CURRENCY_MARKS, '').replace(new RegExp(`\\s*${currency}$`), '');
    const parsed = parseAmountText(cleaned, currency, {
      decimalSeparator: dec,
      allowGrouping: true,
      allowParentheses: true,
    });
    if (parsed.ok) return parsed.value;
    problems.push(problem(line, amountMessage(raw, currency, parsed.reason, dec), column));
    return null;
  };
  const nextId = makeLineIdFactory();
  const items: StatementLine[] = [];
  for (let r = headerAt + 1; r < csv.rows.length; r++) {
    const row = csv.rows[r]!;
    const line = row.line;
    const before = problems.length;
    const widthProblem = checkRowWidth(row, header.fields.length);
    if (widthProblem) problems.push(widthProblem);
    const rawDate = cell(row, col.date);
    if (rawDate === '' && !widthProblem) {
      // Banks list pending card payments with no booking date yet.
      warnings.push(
        problem(
          line,
          'This line has no date (a pending transaction?) and was skipped; it will come in a later statement once the bank books it.',
          mapping.date,
        ),
      );
      continue;
    }
    const date = parseDateText(withoutTime(rawDate), mapping.dateFormat);
    if (date === null) {
      problems.push(
        problem(
          line,
          rawDate === ''
            ? 'The date is empty.'
            : `"${rawDate}" is not a date in the format ${mapping.dateFormat}. Check the date format chosen for this bank.`,
          mapping.date,
        ),
      );
    }
    let amount: number | null = null;
    if (col.amount !== undefined) {
      const raw = cell(row, col.amount);
      if (raw === '') problems.push(problem(line, 'The amount is empty.', mapping.amount));
      else amount = readAmount(raw, mapping.amount ?? 'amount', line);
    } else {
      const rawOut = cell(row, col.debit);
      const rawIn = cell(row, col.credit);
      // Some banks sign the money-out column, others don't; the column says the direction.
      const out = rawOut === '' ? 0 : readAmount(rawOut, mapping.debit ?? 'debit', line);
      const inn = rawIn === '' ? 0 : readAmount(rawIn, mapping.credit ?? 'credit', line);
      if (out !== null && inn !== null) {
        if (out !== 0 && inn !== 0)
          problems.push(
            problem(
              line,
              'This line has both money out and money in. Each statement line should have one.',
              mapping.debit,
            ),
          );
        else amount = inn !== 0 ? Math.abs(inn) : -Math.abs(out);
      }
    }
    let balanceAfter: number | null = null;
    if (col.balance !== undefined) {
      const raw = cell(row, col.balance);
      if (raw !== '') balanceAfter = readAmount(raw, mapping.balance ?? 'balance', line);
    }
    if (problems.length > before || date === null || amount === null) continue;
    if (amount === 0) {
      warnings.push(problem(line, 'This line has no amount and was skipped.'));
      continue;
    }
    const description = cell(row, col.description);
    items.push({
      date,
      amount,
      description,
      reference: cell(row, col.reference),
      counterparty: cell(row, col.counterparty),
      balanceAfter,
      externalId: nextId(date, amount, description),
    });
  }
  if (csv.rows.length < headerAt + 2)
    problems.push(problem(1, 'The file has a header but no statement lines.'));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const dates = items.map((i) => i.date).sort();
  return {
    ok: true,
    items,
    warnings,
    meta: {
      ...emptyMeta(currency),
      periodStart: dates[0] ?? null,
      periodEnd: dates[dates.length - 1] ?? null,
    },
  };
}

const GUESSES: [MappedKey, RegExp][] = [
  [
    'date',
    /^(booking |posting |transaction |value |completed )?date$|^(posted|booked|completed)( on)?$|^datum$|^buchungstag$|^date op/,
  ],
  ['amount', /^(transaction )?amount( \(.*\))?$|^betrag|^montant|^importe|^value$/],
  ['debit', /^(debit|debits|withdrawals?|money out|paid out|out|outflow|soll)( amount)?$/],
  ['credit', /^(credit|credits|deposits?|money in|paid in|in|inflow|haben)( amount)?$/],
  [
    'description',
    /^(transaction )?(description|details|narrative|payment details|memo|text|verwendungszweck|libell[eé]|concepto|particulars)$/,
  ],
  [
    'reference',
    /^(reference|ref|ref no|reference number|transaction id|check number|cheque number)$/,
  ],
  ['counterparty', /^(payee|payer|counterparty|name|beneficiary|auftraggeber|empf[aä]nger)/],
  ['balance', /^(running )?balance$|^saldo|^solde/],
];

/** Best-effort mapping from a bank's header row; the clerk confirms or corrects it. */
export function guessStatementMapping(headerRow: string[]): Partial<StatementCsvMapping> {
  const out: Partial<StatementCsvMapping> = {};
  const taken = new Set<number>();
  for (const [key, re] of GUESSES) {
    const i = headerRow.findIndex((h, idx) => !taken.has(idx) && re.test(normalizeHeader(h)));
    if (i < 0) continue;
    taken.add(i);
    out[key] = headerRow[i]!.trim();
  }
  // A separate in/out pair wins over an ambiguous "amount"; a lone half of the pair is useless.
  if (out.debit && out.credit) delete out.amount;
  else if (out.amount) {
    delete out.debit;
    delete out.credit;
  }
  return out;
}
