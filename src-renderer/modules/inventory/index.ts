import type { CoreModule } from '../../core/module';

/** Inventory is not built yet (issue 12): a page saying so. */
export const inventoryModule: CoreModule = {
  name: 'inventory',
  registerTypes() {},
  worker: async () => ({ projections: [], handlers: () => ({}) }),
  ui: async () => (await import('./ui/module')).inventoryUi,
};
