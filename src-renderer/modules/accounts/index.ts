import type { CoreModule } from '../../core/module';
import { registerAccountsTypes } from './data/doc-types';
import { registerBankingTypes } from './domain/banking-schemas';

import { accountsContract } from './rpc-contract';

export { accountsContract, type AccountsContract, type AccountsMethods } from './rpc-contract';

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
