import type { z } from 'zod';
import {
  ACCOUNT_KINDS,
  ACCOUNT_SUBTYPES,
  accountFieldsSchema,
  type AccountKind,
  type AccountSubtype,
} from '../schemas';
import { cell, checkRowWidth, mapHeader, readCsv, type ColumnSpec } from './csv';
import { problem, refuse, type ImportProblem, type ImportResult } from './report';
import { GROUP_SUBTYPE, guessSubtype } from './subtype-guess';

export type AccountFieldsInput = z.input<typeof accountFieldsSchema>;

/** A chart that can be saved, with the codes whose sub-type was guessed (for the clerk to check). */
export type ChartReadResult =
  | Extract<ImportResult<AccountFieldsInput>, { ok: false }>
  | (Extract<ImportResult<AccountFieldsInput>, { ok: true }> & { guessed: string[] });

const refused = (problems: ImportProblem[]) =>
  refuse(problems) as Extract<ChartReadResult, { ok: false }>;

type ChartKey = 'code' | 'name' | 'kind' | 'subtype' | 'parentCode' | 'currency' | 'description';

export const CHART_CSV_COLUMNS: readonly (ColumnSpec<ChartKey> & { description: string })[] = [
  {
    key: 'code',
    names: ['code', 'account code'],
    required: true,
    description: 'Up to 16 digits or capital letters, e.g. 1200. Must be new.',
  },
  { key: 'name', names: ['name', 'account name'], required: true, description: 'Account name.' },
  {
    key: 'kind',
    names: ['kind', 'type'],
    required: true,
    description: `One of ${ACCOUNT_KINDS.join(', ')}. May be empty when the sub-type or the name says it (e.g. "Debtors").`,
  },
  {
    key: 'subtype',
    names: ['subtype', 'sub type'],
    required: false,
    description: `One of ${Object.keys(ACCOUNT_SUBTYPES).join(', ')}. May be empty: it is then guessed from the kind and the name, and shown for checking before anything is saved.`,
  },
  {
    key: 'parentCode',
    names: ['parent code', 'parent'],
    required: false,
    description: 'Code of the group account above this one, in this file or already in the chart.',
  },
  {
    key: 'currency',
    names: ['currency'],
    required: false,
    description: 'For foreign-currency bank and cash accounts; empty = base currency.',
  },
  {
    key: 'description',
    names: ['description'],
    required: false,
    description: 'Free text, up to 500 characters.',
  },
];

const COLUMN_NAMES: Record<string, string> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  subtype: 'subtype',
  parentCode: 'parent code',
  currency: 'currency',
  description: 'description',
};

/**
 * Reads a chart of accounts. Accounts that other rows name as parent become group accounts
 * (nothing is posted to a parent); the result is ordered parents-first so it can be saved
 * in order without dangling references. An empty sub-type is guessed (subtype-guess.ts);
 * `subtypes` holds the clerk's choices from the preview, by account code, and wins over the file.
 */
export function parseChartCsv(
  text: string,
  existingCodes: Set<string>,
  subtypes: Readonly<Record<string, string>> = {},
): ChartReadResult {
  const csv = readCsv(text);
  const problems: ImportProblem[] = [...csv.problems];
  const header = csv.rows[0];
  if (!header)
    return refused([
      problem(
        1,
        'The file is empty. It needs a header line (code, name, kind, subtype, …) and one line per account.',
      ),
    ]);
  const head = mapHeader(header, CHART_CSV_COLUMNS);
  if (head.problems.length > 0) return refused([...problems, ...head.problems]);
  const col = head.index;
  const rows: { line: number; data: AccountFieldsInput }[] = [];
  const lineOfCode = new Map<string, number>();
  const guessed: string[] = [];

  for (let r = 1; r < csv.rows.length; r++) {
    const row = csv.rows[r]!;
    const widthProblem = checkRowWidth(row, header.fields.length);
    if (widthProblem) problems.push(widthProblem);
    const rowCode = cell(row, col.code).toUpperCase();
    let kind = cell(row, col.kind).toLowerCase();
    let subtype = (subtypes[rowCode] ?? cell(row, col.subtype)).toLowerCase() as AccountSubtype;
    if ((subtype as string) === '') {
      const known = (ACCOUNT_KINDS as readonly string[]).includes(kind);
      const guess = guessSubtype(known ? (kind as AccountKind) : null, cell(row, col.name));
      if (guess && (known || kind === '')) {
        subtype = guess;
        guessed.push(rowCode);
      }
    }
    if (kind === '' && subtype in ACCOUNT_SUBTYPES) kind = ACCOUNT_SUBTYPES[subtype];
    const parent = cell(row, col.parentCode).toUpperCase();
    const currency = cell(row, col.currency).toUpperCase();
    const input = {
      code: rowCode,
      name: cell(row, col.name),
      kind: kind as AccountKind,
      subtype,
      parentCode: parent === '' ? null : parent,
      currency: currency === '' ? null : currency,
      description: cell(row, col.description),
    };
    const parsed = accountFieldsSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const column = COLUMN_NAMES[key];
        let message = issue.message;
        // Nothing said what the account is: one message on the kind, not two.
        if (key === 'subtype' && (input.subtype as string) === '') continue;
        // zod's enum messages list options in code syntax; say it the way a clerk reads it.
        if (key === 'kind' && issue.code === 'invalid_value')
          message =
            (input.kind as string) === ''
              ? `Fill in the kind (${ACCOUNT_KINDS.join(', ')}): the name "${input.name}" does not say what this account is.`
              : `"${input.kind}" is not a kind of account. Use one of: ${ACCOUNT_KINDS.join(', ')}.`;
        if (key === 'subtype' && issue.code === 'invalid_value')
          message = `"${input.subtype}" is not a sub-type. Use one of: ${Object.keys(ACCOUNT_SUBTYPES).join(', ')}.`;
        if (key === 'subtype' && issue.code === 'custom')
          message = `The sub-type "${input.subtype}" belongs to ${ACCOUNT_SUBTYPES[subtype]} accounts, not ${input.kind}. Change the kind or the sub-type.`;
        problems.push(problem(row.line, message, column));
      }
    }
    const code = input.code;
    if (code !== '') {
      const seen = lineOfCode.get(code);
      if (seen !== undefined)
        problems.push(
          problem(
            row.line,
            `The code ${code} is already used on line ${seen}. Each account needs its own code.`,
            'code',
          ),
        );
      else if (existingCodes.has(code))
        problems.push(
          problem(
            row.line,
            `The code ${code} is already in the chart. Use a new code, or edit the existing account instead.`,
            'code',
          ),
        );
      else lineOfCode.set(code, row.line);
    }
    if (parsed.success) rows.push({ line: row.line, data: parsed.data });
  }
  if (csv.rows.length < 2) problems.push(problem(1, 'The file has a header but no accounts.'));
  for (const code of Object.keys(subtypes))
    if (!lineOfCode.has(code))
      problems.push(
        problem(
          1,
          `A sub-type was chosen for account ${code}, which is not in this file. Open the file again and check the accounts.`,
        ),
      );

  const parents = new Set<string>();
  for (const { line, data } of rows) {
    const p = data.parentCode;
    if (p === null || p === undefined) continue;
    if (p === data.code)
      problems.push(
        problem(
          line,
          `Account ${data.code} names itself as its parent. Leave the parent code empty or use the group above it.`,
          'parent code',
        ),
      );
    else if (!lineOfCode.has(p) && !existingCodes.has(p)) {
      problems.push(
        problem(
          line,
          `The parent code ${p} is neither in this file nor in the chart. Add the parent account first, or correct the code.`,
          'parent code',
        ),
      );
    }
    parents.add(p);
  }

  // Parents first; a loop among the file's own rows (A under B under A) can never be saved.
  const byCode = new Map(rows.map((r) => [r.data.code, r]));
  const ordered: AccountFieldsInput[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, chain: string[]): void => {
    const node = byCode.get(code);
    if (!node || state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      problems.push(
        problem(
          node.line,
          `Accounts ${[...chain.slice(chain.indexOf(code)), code].join(' → ')} are each other's parents. Break the loop.`,
          'parent code',
        ),
      );
      return;
    }
    state.set(code, 'visiting');
    const p = node.data.parentCode;
    if (p && p !== code) visit(p, [...chain, code]);
    state.set(code, 'done');
    const isGroup = parents.has(code) || (node.data.isGroup ?? false);
    // A group named "Bank accounts" must not itself become a bank account (see GROUP_SUBTYPE).
    const subtype =
      isGroup && guessed.includes(code) ? GROUP_SUBTYPE[node.data.kind] : node.data.subtype;
    ordered.push({ ...node.data, isGroup, subtype });
  };
  for (const r of rows) visit(r.data.code, []);

  if (problems.length > 0) return refused(problems);
  return { ok: true, items: ordered, warnings: head.warnings, guessed };
}
