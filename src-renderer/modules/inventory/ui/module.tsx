import { IconBuildingWarehouse } from '@tabler/icons-react';
import { lazyPage, type ModuleUi } from '../../../ui/module-ui';

const page = lazyPage(async () => (await import('./InventoryPage')).InventoryPage);
const transfers = lazyPage(async () => (await import('./transfers/TransfersPage')).TransfersPage);

/** Inventory's UI part (ui/module-ui.ts): a page saying it comes later. */
export const inventoryUi: ModuleUi = {
  nav: { path: '/inventory', label: 'Inventory', icon: IconBuildingWarehouse },
  routes: [
    { path: 'inventory', element: <page.Page /> },
    // Before 'inventory/*' by specificity: transfers are pages of their own.
    { path: 'inventory/transfers/*', element: <transfers.Page /> },
  ],
  preload: () => Promise.all([page.preload(), transfers.preload()]),
};
