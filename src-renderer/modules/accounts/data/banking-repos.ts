import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import type { BankImportProfile, BankMatch, BankStatement } from '../domain/banking-schemas';
import type { Account } from '../domain/schemas';
import { repos } from './ledger-repos';

/**
 * Banking's documents on this branch, and the bank account a statement or a match is for:
 * every banking command checks it first.
 */

export function bankingRepos(s: ModuleContext) {
  return {
    statements: s.repository<BankStatement>(s.homeBranchDbName, 'bankStatement'),
    matches: s.repository<BankMatch>(s.homeBranchDbName, 'bankMatch'),
    profiles: s.repository<BankImportProfile>(s.homeBranchDbName, 'bankImportProfile'),
  };
}

interface BankAccount {
  account: Account;
  currency: string;
}

export async function bankAccount(s: ModuleContext, code: string): Promise<BankAccount> {
  const [accounts, company] = await Promise.all([
    s.cachedMaster('accounts', () => repos(s).accounts.list()),
    s.cachedMaster('company', () => s.company()),
  ]);
  const account = accounts.find((a) => a.code === code);
  if (!account || account.isGroup || (account.subtype !== 'bank' && account.subtype !== 'cash')) {
    throw new OutpostError(
      'validation',
      `${account ? `${account.code} ${account.name}` : `Account ${code}`} is not a bank or cash account. Choose a bank or cash account.`,
      {
        account: 'Choose a bank or cash account.',
      },
    );
  }
  const currency = account.currency ?? company.baseCurrency;
  if (currency !== company.baseCurrency) {
    throw new OutpostError(
      'validation',
      `${account.code} ${account.name} is kept in ${currency}. Reconciling bank accounts in a currency other than ${company.baseCurrency} is not possible yet.`,
    );
  }
  return { account, currency };
}
