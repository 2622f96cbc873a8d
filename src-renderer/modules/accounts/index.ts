import type { CoreModule } from '../../core/module';
import type { ModuleContext } from '../../core/module-context';
import type { Account, TradeDoc } from './domain/schemas';
import type { TradeInput } from './domain/trade-inputs';
import { registerAccountsTypes } from './data/doc-types';
import { registerBankingTypes } from './domain/banking-schemas';

import { accountsContract } from './rpc-contract';

export { accountsContract, type AccountsContract, type AccountsMethods } from './rpc-contract';
export type { Account, TradeDoc, TradeInput };

/**
 * For another module's worker services (Inventory's "bill from receipt"): saves a draft invoice
 * or bill with the same checks as the Accounts page. Accounts' data layer loads only when called,
 * so the server and the UI, which read this file, never load it.
 */
export async function saveTradeDraft(s: ModuleContext, input: TradeInput): Promise<TradeDoc> {
  return (await import('./data/trade-documents')).saveTradeDraft(s, input);
}

/**
 * The books' lock date (null: none), for another module that must refuse dates on or before it
 * (Inventory's stock moves). Read through the ledger settings like Accounts' own checks.
 */
export async function loadLockDate(s: ModuleContext): Promise<string | null> {
  return (await (await import('./data/ledger-repos')).loadSettings(s))?.lockDate ?? null;
}

/** The one ledger settings document, whose `lockDate` and `updatedAt` a projection may follow. */
export const LEDGER_SETTINGS_DOC = 'ledgerSettings:company';

/**
 * The chart of accounts (every account, archived ones too), for another module's worker
 * services that must check an account exists and is the right kind (Inventory's settings).
 */
export async function chartOfAccounts(s: ModuleContext): Promise<Account[]> {
  return (await import('./data/ledger-repos')).repos(s).accounts.list();
}

/**
 * What `codes` together hold at the end of `asOf` (debit − credit, base currency; one branch or
 * all), from Accounts' index: for another module that checks its own figures against the books
 * (Inventory's stock value against its inventory accounts).
 */
export async function accountBalance(
  s: ModuleContext,
  codes: readonly string[],
  asOf: string,
  branch: string | null = null,
): Promise<number> {
  const { accountSpan } = await import('./data/report-sums');
  let total = 0;
  for (const code of new Set(codes)) {
    const span = await accountSpan(s.index, code, asOf, asOf, branch);
    total += span.opening + span.movement;
  }
  return total;
}

/**
 * The Accounts module (core/module.ts): chart, journal, invoices and bills, payments, banking,
 * reports. Its document types are declared here; the worker and UI parts load on demand.
 */
// `satisfies`, not a type annotation: the registry keeps the contract's own type (modules/contracts.ts).
export const accountsModule = {
  name: 'accounts',
  contract: accountsContract,
  registerTypes(registry) {
    registerAccountsTypes(registry);
    registerBankingTypes(registry);
  },
  worker: async () => (await import('./worker')).accountsWorker,
  ui: async () => (await import('./ui/module')).accountsUi,
} satisfies CoreModule;
