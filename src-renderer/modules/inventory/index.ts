import type { CoreModule } from '../../core/module';
import { registerTransferTypes, TRANSFERS_KIND } from './transfers-kind';

/** Inventory is not built yet (issue 12): a page saying so, and where transfers live. */
export const inventoryModule: CoreModule = {
  name: 'inventory',
  databases: [TRANSFERS_KIND],
  registerTypes(registry) {
    registerTransferTypes(registry);
  },
  worker: async () => ({ projections: [], handlers: () => ({}) }),
  ui: async () => (await import('./ui/module')).inventoryUi,
};
