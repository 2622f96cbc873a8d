import { cell, checkRowWidth, mapHeader, readCsv, wasQuoted } from './csv';
import { SPECS } from './journal-csv-columns';
import { problem, refuse, type ImportProblem, type ImportResult } from './report';

// The layout (columns, template) and the re-import check live beside this file; importers keep one address.
export {
  JOURNAL_CSV_COLUMNS,
  journalCsvTemplate,
  type JournalCsvColumn,
} from './journal-csv-columns';
export { alreadyImported, type PriorImport } from './journal-csv-prior';
import {
  archivedAccountMessage,
  dateMessage,
  foreignBranchMessage,
  groupAccountMessage,
  repairThousandsSplit,
  resolveParty,
  type PartyRef,
  thousandsSplitMessage,
} from './journal-hints';
import { decimalRateSchema } from '../schemas';
import { amountMessage, formatMinor, isStrictIsoDate, parseAmountText } from './values';

export interface ImportedLine {
  account: string;
  /** Minor units of the entry's currency; exactly one of debit/credit is non-zero. */
  debit: number;
  credit: number;
  /** Party id (resolved from the code in the file), or null. */
  party: string | null;
  memo: string;
}

export interface ImportedEntry {
  reference: string;
  date: string;
  currency: string;
  /** Base currency per unit of `currency` from the file's rate column; null: use the rate table. */
  rate: string | null;
  /** The first non-empty memo among the entry's lines: the file has no separate entry memo. */
  memo: string;
  branch: string;
  lines: ImportedLine[];
  /** File lines the entry came from, so later errors (e.g. on posting) can point back. */
  sourceLines: number[];
}

export interface JournalCsvContext {
  baseCurrency: string;
  accountCodes: Set<string>;
  /** Party code → party id. */
  partyCodes: Map<string, string>;
  /** Party name (partyNameKey) → the parties of that name, for files that name rather than code them. */
  partyNames?: ReadonlyMap<string, readonly PartyRef[]>;
  branches: Set<string>;
  /** Group accounts (not postable) → their postable sub-accounts, to say why and what instead. */
  groupAccounts?: ReadonlyMap<string, readonly string[]>;
  archivedAccounts?: ReadonlySet<string>;
  /** Every branch of the company, so one this user may not book into is not called missing. */
  knownBranches?: ReadonlySet<string>;
  defaultBranch: string;
  /** Nothing may be dated on or before this day. */
  lockDate: string | null;
}

const CURRENCY = /^[A-Z]{3}$/;

interface PendingEntry {
  entry: ImportedEntry;
  firstLine: number;
  /** Line that set each shared field (null while only malformed values were seen). */
  validAt: Record<'date' | 'currency' | 'branch', number | null>;
  debits: number;
  credits: number;
  /** An entry with a bad line is still grouped (to report balance problems) but not trusted. */
  broken: boolean;
}

export function parseJournalCsv(text: string, ctx: JournalCsvContext): ImportResult<ImportedEntry> {
  const csv = readCsv(text);
  const problems: ImportProblem[] = [...csv.problems];
  const header = csv.rows[0];
  if (!header)
    return refuse([
      problem(
        1,
        'The file is empty. Start from the template: a header line, then one line per debit or credit.',
      ),
    ]);
  const head = mapHeader(header, SPECS);
  problems.push(...head.problems);
  if (head.problems.length > 0) return refuse(problems);
  const col = head.index;
  const width = header.fields.length;
  const base = ctx.baseCurrency;
  const entries = new Map<string, PendingEntry>();

  for (let r = 1; r < csv.rows.length; r++) {
    let row = csv.rows[r]!;
    const line = row.line;
    const before = problems.length;
    const split = repairThousandsSplit(row, width, [col.debit, col.credit]);
    if (split) {
      row = split.row;
      problems.push(problem(line, thousandsSplitMessage(split.amounts), 'debit'));
    } else {
      const widthProblem = checkRowWidth(row, width);
      if (widthProblem) problems.push(widthProblem);
    }

    const reference = cell(row, col.reference);
    const date = cell(row, col.date);
    const accountRaw = cell(row, col.account);
    const debitRaw = cell(row, col.debit);
    const creditRaw = cell(row, col.credit);
    const currencyRaw = cell(row, col.currency).toUpperCase();
    const rateRaw = cell(row, col.rate);
    const memo = cell(row, col.memo);
    const partyRaw = cell(row, col.party);
    const branchRaw = cell(row, col.branch);

    if (reference === '')
      problems.push(
        problem(
          line,
          'The entry reference is empty. Give every line the reference of the entry it belongs to.',
          'entry reference',
        ),
      );
    else if (reference.length > 80)
      problems.push(
        problem(
          line,
          'The entry reference is longer than 80 characters. Shorten it.',
          'entry reference',
        ),
      );

    const dateOk = isStrictIsoDate(date);
    if (date === '')
      problems.push(
        problem(line, 'The date is empty. Write it as YYYY-MM-DD, e.g. 2026-03-31.', 'date'),
      );
    else if (!dateOk) problems.push(problem(line, dateMessage(date), 'date'));
    else if (ctx.lockDate !== null && date <= ctx.lockDate) {
      problems.push(
        problem(
          line,
          `${date} is on or before the lock date ${ctx.lockDate}; the books are closed up to then. Use a later date or ask an administrator to move the lock date.`,
          'date',
        ),
      );
    }

    const currency = currencyRaw === '' ? base : currencyRaw;
    const currencyOk = CURRENCY.test(currency);
    if (!currencyOk)
      problems.push(
        problem(
          line,
          `"${currencyRaw}" is not a currency code. Use a three-letter ISO code such as USD, or leave it empty for ${base}.`,
          'currency',
        ),
      );

    let account = accountRaw;
    if (accountRaw === '')
      problems.push(
        problem(
          line,
          'The account code is empty. Enter the code of an account in the chart, e.g. 1200.',
          'account code',
        ),
      );
    else if (!ctx.accountCodes.has(accountRaw)) {
      const upper = accountRaw.toUpperCase();
      const group = ctx.groupAccounts?.get(accountRaw) ?? ctx.groupAccounts?.get(upper);
      if (ctx.accountCodes.has(upper)) account = upper;
      else if (group)
        problems.push(problem(line, groupAccountMessage(accountRaw, group), 'account code'));
      else if (ctx.archivedAccounts?.has(accountRaw) || ctx.archivedAccounts?.has(upper))
        problems.push(problem(line, archivedAccountMessage(accountRaw), 'account code'));
      else
        problems.push(
          problem(
            line,
            `There is no account with code "${accountRaw}" in the chart. Check the code, or add the account first.`,
            'account code',
          ),
        );
    }

    let party: string | null = null;
    if (partyRaw !== '') {
      const found = resolveParty(partyRaw, ctx.partyCodes, ctx.partyNames);
      if ('id' in found) party = found.id;
      else problems.push(problem(line, found.message, 'party'));
    }

    let rate: string | null = null;
    if (rateRaw !== '') {
      const parsed = decimalRateSchema.safeParse(rateRaw);
      if (!parsed.success)
        problems.push(
          problem(
            line,
            `"${rateRaw}" is not a rate. Write it as a decimal number with a point, e.g. 1.0825, or leave it empty to use the exchange rate table.`,
            'rate',
          ),
        );
      else if (currencyOk && currency === base && Number(parsed.data) !== 1)
        problems.push(
          problem(
            line,
            `This line is in ${base}, the base currency, whose rate is always 1. Leave the rate empty, or set the currency the amounts are in.`,
            'rate',
          ),
        );
      else if (currency !== base) rate = parsed.data;
    }

    const branch = branchRaw === '' ? ctx.defaultBranch : branchRaw.toUpperCase();
    const branchOk = ctx.branches.has(branch);
    if (!branchOk && ctx.knownBranches?.has(branch))
      problems.push(
        problem(line, foreignBranchMessage(branch, [...ctx.branches].sort()), 'branch'),
      );
    else if (!branchOk)
      problems.push(
        problem(
          line,
          `There is no branch "${branchRaw}". Use one of: ${[...ctx.branches].sort().join(', ')}, or leave it empty.`,
          'branch',
        ),
      );

    if (memo.length > 200)
      problems.push(problem(line, 'The memo is longer than 200 characters. Shorten it.', 'memo'));

    let debit = 0;
    let credit = 0;
    if (currencyOk) {
      const amounts: [string, string, boolean, 'debit' | 'credit'][] = [
        [debitRaw, 'debit', wasQuoted(row, col.debit), 'debit'],
        [creditRaw, 'credit', wasQuoted(row, col.credit), 'credit'],
      ];
      let amountProblem = false;
      for (const [raw, name, quoted, which] of amounts) {
        if (raw === '') continue;
        const parsed = parseAmountText(raw, currency, { allowGrouping: quoted });
        if (!parsed.ok || parsed.value < 0) amountProblem = true;
        if (!parsed.ok)
          problems.push(problem(line, amountMessage(raw, currency, parsed.reason), name));
        else if (parsed.value < 0)
          problems.push(
            problem(
              line,
              `The ${name} "${raw}" is negative. Write it as a positive amount in the ${which === 'debit' ? 'credit' : 'debit'} column instead.`,
              name,
            ),
          );
        else if (which === 'debit') debit = parsed.value;
        else credit = parsed.value;
      }
      if (!amountProblem && debit > 0 === credit > 0) {
        problems.push(
          problem(
            line,
            debit > 0
              ? 'This line has both a debit and a credit. Put each amount on its own line.'
              : 'This line has neither a debit nor a credit. Enter one amount, or delete the line.',
            'debit',
          ),
        );
      }
    }

    const lineOk = problems.length === before;
    if (reference === '') continue;
    let pending = entries.get(reference);
    if (!pending) {
      pending = {
        entry: { reference, date, currency, rate, memo, branch, lines: [], sourceLines: [] },
        firstLine: line,
        validAt: {
          date: dateOk ? line : null,
          currency: currencyOk ? line : null,
          branch: branchOk ? line : null,
        },
        debits: 0,
        credits: 0,
        broken: false,
      };
      entries.set(reference, pending);
    } else {
      const e = pending.entry;
      // Compare only values already judged valid: a bad date on the first line is reported
      // once, not again as a mismatch on every following line.
      const shared = [
        ['date', date, dateOk, 'has date', 'date'],
        ['currency', currency, currencyOk, 'is in', 'currency'],
        ['branch', branch, branchOk, 'is for branch', 'branch'],
      ] as const;
      for (const [key, value, ok, verb, noun] of shared) {
        if (!ok) continue;
        const seenAt = pending.validAt[key];
        if (seenAt === null) {
          e[key] = value;
          pending.validAt[key] = line;
        } else if (value !== e[key]) {
          problems.push(
            problem(
              line,
              `Entry "${reference}" ${verb} ${e[key]} on line ${seenAt} but ${value} here. All lines of an entry share one ${noun}.`,
              noun,
            ),
          );
        }
      }
      if (e.memo === '' && memo !== '') e.memo = memo;
      if (e.rate === null) e.rate = rate;
      else if (rate !== null && rate !== e.rate)
        problems.push(
          problem(
            line,
            `Entry "${reference}" has rate ${e.rate} on an earlier line but ${rate} here. All lines of an entry share one rate; give it once or the same on every line.`,
            'rate',
          ),
        );
    }
    if (!lineOk || problems.length > before) pending.broken = true;
    pending.entry.lines.push({ account, debit, credit, party, memo });
    pending.entry.sourceLines.push(line);
    pending.debits += debit;
    pending.credits += credit;
  }

  const items: ImportedEntry[] = [];
  for (const p of entries.values()) {
    const e = p.entry;
    if (e.lines.length < 2) {
      problems.push(
        problem(
          p.firstLine,
          `Entry "${e.reference}" has only one line. An entry needs at least a debit line and a credit line with the same reference.`,
          'entry reference',
        ),
      );
    } else if (!p.broken && p.debits !== p.credits) {
      const diff = p.debits - p.credits;
      problems.push(
        problem(
          p.firstLine,
          `Entry "${e.reference}" does not balance: debits ${formatMinor(p.debits, e.currency)}, credits ${formatMinor(p.credits, e.currency)}, ` +
            `${diff > 0 ? 'debits exceed credits' : 'credits exceed debits'} by ${formatMinor(Math.abs(diff), e.currency)} (lines ${e.sourceLines.join(', ')}).`,
          'entry reference',
        ),
      );
    }
    items.push(e);
  }
  if (csv.rows.length < 2)
    problems.push(
      problem(1, 'The file has a header but no lines. Add one line per debit or credit.'),
    );
  if (problems.length > 0) return refuse(problems);
  return { ok: true, items, warnings: head.warnings };
}
