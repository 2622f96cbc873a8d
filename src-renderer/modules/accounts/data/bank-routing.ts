import type { ModuleContext } from '../../../core/module-context';
import { sameBankAccount } from '../domain/bank-ids';
import { accountLabel, type AccountStatement } from '../domain/io/statement-merge';
import type { ImportProblem } from '../domain/io/report';
import type { Account } from '../domain/schemas';
import { bankAccount } from './banking-repos';
import { repos } from './ledger-repos';

/**
 * A bank file may hold statements for several accounts (camt.053 per IBAN, OFX bank and
 * credit-card statements). Each goes to the bank account whose IBAN or bank id and account
 * number the chart records; a file whose accounts cannot all be placed writes nothing.
 */

export interface RoutedStatement {
  account: Account;
  currency: string;
  statement: AccountStatement;
}

type Routing = { ok: true; routed: RoutedStatement[] } | { ok: false; problems: ImportProblem[] };

const named = (a: Account) => `${a.code} ${a.name}`;
/** `line`: where the file names the account in question, so the clerk can find it. */
const refuse = (message: string, line = 1): Routing => ({
  ok: false,
  problems: [{ line, message }],
});

function listOf(words: string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export async function routeStatements(
  s: ModuleContext,
  chosen: Account,
  statements: AccountStatement[],
): Promise<Routing> {
  const chart = await s.cachedMaster('accounts', () => repos(s).accounts.list());
  const banks = chart.filter(
    (a) => !a.isGroup && !a.archived && (a.subtype === 'bank' || a.subtype === 'cash'),
  );
  const owners = statements.map((st) => banks.filter((a) => sameBankAccount(st.meta, a)));

  if (statements.length === 1) {
    const found = owners[0]!;
    // The clerk's choice stands unless the chart says this account number is another account's.
    if (found.length > 0 && !found.some((a) => a.code === chosen.code))
      return refuse(
        `This statement is for bank account ${accountLabel(statements[0]!.meta)}, which is ${listOf(found.map(named))} in the chart, not ${named(chosen)}. Open ${found[0]!.code} and import it there.`,
        statements[0]!.line,
      );
    return {
      ok: true,
      routed: [{ ...(await bankAccount(s, chosen.code)), statement: statements[0]! }],
    };
  }

  const lost = statements.filter((_, i) => owners[i]!.length === 0);
  const unplaced = lost.map((st) => accountLabel(st.meta));
  if (unplaced.length > 0)
    return refuse(
      `The file holds statements for ${statements.length} bank accounts, and ${listOf(unplaced)} ${unplaced.length === 1 ? 'matches' : 'match'} no bank account in the chart. Enter each bank account's IBAN (or bank id and account number) under Chart of accounts → Edit account, then import the file again. Nothing was imported.`,
      lost[0]!.line,
    );
  const shared = statements.findIndex((_, i) => owners[i]!.length > 1);
  if (shared >= 0)
    return refuse(
      `Bank account ${accountLabel(statements[shared]!.meta)} is recorded on ${listOf(owners[shared]!.map(named))}. Keep it on one account in the chart of accounts, then import the file again. Nothing was imported.`,
      statements[shared]!.line,
    );
  const codes = owners.map((o) => o[0]!.code);
  const twice = codes.find((c, i) => codes.indexOf(c) !== i);
  if (twice)
    return refuse(
      `Two statements in the file (${listOf(statements.filter((_, i) => codes[i] === twice).map((st) => accountLabel(st.meta)))}) both belong to ${named(owners[codes.indexOf(twice)]![0]!)}. Check the IBAN and account numbers in the chart of accounts. Nothing was imported.`,
    );
  const routed: RoutedStatement[] = [];
  for (let i = 0; i < statements.length; i++)
    routed.push({ ...(await bankAccount(s, codes[i]!)), statement: statements[i]! });
  return { ok: true, routed };
}
