import type { CsvRow } from './csv';

/**
 * Messages for the journal import's commonest mistakes that a plain "not found" or "wrong
 * format" would mislead about: the value exists but cannot be used, or the file was split by
 * an unquoted comma. Each says what is really wrong and what to do, so the clerk fixes the
 * cause instead of hunting for a missing code.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** For a value that is not a valid YYYY-MM-DD date: the right reason, not always "format". */
export function dateMessage(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12)
      return `"${raw}" is not a real date: there is no month ${m[2]}. The format is YYYY-MM-DD (year, month, day), e.g. 2026-03-31.`;
    return `"${raw}" is not a real date: ${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days. Check the day and the month.`;
  }
  return `"${raw}" is not a date in the format YYYY-MM-DD (e.g. 2026-03-31). Other formats such as 31/03/2026 are not accepted; change the column format in your spreadsheet.`;
}

export function groupAccountMessage(code: string, subAccounts: readonly string[]): string {
  const some = subAccounts.slice(0, 3).join(', ');
  const more = subAccounts.length > 3 ? ' …' : '';
  return (
    `${code} is a group account: it only adds up its sub-accounts and cannot be booked to. ` +
    (some ? `Use one of its sub-accounts (${some}${more}).` : 'Use one of its sub-accounts.')
  );
}

export function archivedAccountMessage(code: string): string {
  return `Account ${code} is archived, so nothing new can be booked to it. Use another account, or ask an administrator to restore it.`;
}

export function foreignBranchMessage(branch: string, writable: readonly string[]): string {
  return (
    `Branch ${branch} exists, but you cannot book into it from here (you can book into ${writable.join(', ')}). ` +
    `Import these lines on a device of branch ${branch}, or ask an administrator for access to ${branch}'s books; or leave the branch empty to book them here.`
  );
}

export interface ThousandsSplit {
  row: CsvRow;
  /** The amounts as they were meant, e.g. "1,234.50". */
  amounts: string[];
}

const LEAD = /^[-+]?\d{1,3}$/;
const GROUP = /^\d{3}(?:\.\d+)?$/;

/**
 * An unquoted "1,234.50" in a comma file arrives as "1" and "234.50" in two columns, shifting
 * every later column. When joining such pieces back in the amount columns explains every extra
 * value, the row is rebuilt as meant (the amounts marked quoted so they read as grouped), so the
 * clerk gets one message for the real cause instead of a column count and a currency error.
 */
export function repairThousandsSplit(
  row: CsvRow,
  width: number,
  amountColumns: readonly (number | undefined)[],
): ThousandsSplit | null {
  let spare = row.fields.length - width;
  if (spare <= 0) return null;
  const targets = new Set(amountColumns.filter((c): c is number => c !== undefined));
  const fields: string[] = [];
  const quoted: boolean[] = [];
  const amounts: string[] = [];
  for (let i = 0; i < row.fields.length; i++) {
    const first = row.fields[i]!.trim();
    if (targets.has(fields.length) && !row.quoted[i] && spare > 0 && LEAD.test(first)) {
      let value = first;
      let j = i;
      while (spare > 0 && j + 1 < row.fields.length && !row.quoted[j + 1] && !value.includes('.')) {
        const next = row.fields[j + 1]!.trim();
        if (!GROUP.test(next)) break;
        value += `,${next}`;
        j++;
        spare--;
      }
      if (j > i) {
        fields.push(value);
        quoted.push(true);
        amounts.push(value);
        i = j;
        continue;
      }
    }
    fields.push(row.fields[i]!);
    quoted.push(row.quoted[i] ?? false);
  }
  if (amounts.length === 0) return null;
  // Anything still left over is another split (a memo with a comma): the generic message fits.
  if (fields.slice(width).some((f) => f.trim() !== '')) return null;
  return { row: { line: row.line, fields, quoted }, amounts };
}

export function thousandsSplitMessage(amounts: readonly string[]): string {
  const shown = amounts.join(' and ');
  const plain = amounts.map((a) => a.replace(/,/g, '')).join(' and ');
  return `The amount ${shown} is not in quotes, so its comma split it into two columns. Put amounts with a comma in double quotes ("${amounts[0]}"), or write ${plain}.`;
}

export interface PartyRef {
  id: string;
  code: string;
}

/** Party names are matched loosely (case, repeated spaces), as a clerk types them. */
export function partyNameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The party column takes a code or, since a spreadsheet from elsewhere rarely has our codes, a
 * name. A name two parties share is refused rather than guessed: the line would land on the
 * wrong customer's account.
 */
export function resolveParty(
  raw: string,
  codes: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, readonly PartyRef[]> | undefined,
): { id: string } | { message: string } {
  const byCode = codes.get(raw) ?? codes.get(raw.toUpperCase());
  if (byCode !== undefined) return { id: byCode };
  const named = names?.get(partyNameKey(raw)) ?? [];
  if (named.length === 1) return { id: named[0]!.id };
  if (named.length > 1)
    return {
      message: `${named.length} customers or suppliers are named "${raw}". Use the code instead (${named
        .map((p) => p.code)
        .sort()
        .join(', ')}).`,
    };
  return {
    message: `There is no customer or supplier with code or name "${raw}". Check the spelling, or add the party first.`,
  };
}
