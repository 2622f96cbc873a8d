import { IconBuildingWarehouse } from '@tabler/icons-react';
import { lazyPage, type ModuleUi } from '../../../ui/module-ui';

const page = lazyPage(async () => (await import('./InventoryPage')).InventoryPage);

/** Inventory's UI part (ui/module-ui.ts): a page saying it comes later. */
export const inventoryUi: ModuleUi = {
  nav: { path: '/inventory', label: 'Inventory', icon: IconBuildingWarehouse },
  routes: [{ path: 'inventory', element: <page.Page /> }],
  preload: page.preload,
};
