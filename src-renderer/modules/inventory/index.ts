import type { CoreModule } from '../../core/module';
import { registerInventoryTypes } from './data/doc-types';
import { inventoryContract } from './rpc-contract';
import { registerTransferTypes, TRANSFERS_KIND } from './transfers-kind';

export {
  inventoryContract,
  type InventoryContract,
  type InventoryMethods,
  type StockOnHandRow,
  type ValuationResult,
  type ItemLedgerRow,
} from './rpc-contract';

/**
 * The Inventory module (core/module.ts): items, warehouses, reorder rules and price lists on
 * master; stock moves (facts) on each branch's database; stock on hand and valuation as a
 * projection. The worker and UI parts load on demand.
 */
export const inventoryModule = {
  name: 'inventory',
  contract: inventoryContract,
  databases: [TRANSFERS_KIND],
  registerTypes(registry) {
    registerInventoryTypes(registry);
    registerTransferTypes(registry);
  },
  worker: async () => (await import('./worker')).inventoryWorker,
  ui: async () => (await import('./ui/module')).inventoryUi,
} satisfies CoreModule;
