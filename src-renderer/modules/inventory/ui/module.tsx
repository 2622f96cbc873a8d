import { IconBuildingWarehouse } from '@tabler/icons-react';
import { lazyPage, type ModuleUi } from '../../../ui/module-ui';

// Each page is a bundle of its own, fetched on first visit or ahead once the window is up.
const page = lazyPage(async () => (await import('./InventoryPage')).InventoryPage);
const transfers = lazyPage(async () => (await import('./transfers/TransfersPage')).TransfersPage);
const orders = lazyPage(async () => (await import('./orders/OrdersPage')).OrdersPage);
const cards = lazyPage(
  async () => (await import('./InventoryDashboardCards')).InventoryDashboardCards,
);

/** Inventory's UI part (ui/module-ui.ts): items, warehouses, stock moves and stock reports. */
export const inventoryUi: ModuleUi = {
  nav: { path: '/inventory', label: 'Inventory', icon: IconBuildingWarehouse },
  // A ledger line of a stock move or a transfer opens it (ui/record-links.ts).
  recordPaths: {
    stockMove: (id) => `/inventory/moves/${encodeURIComponent(id)}`,
    transferDispatch: (id) => `/inventory/transfers/${encodeURIComponent(id)}`,
    // A receipt's id does not say its transfer: the page looks it up and goes there.
    transferReceipt: (id) => `/inventory/transfers/receipt/${encodeURIComponent(id)}`,
  },
  routes: [
    { path: 'inventory/*', element: <page.Page /> },
    // Before 'inventory/*' by specificity: transfers are pages of their own.
    { path: 'inventory/transfers/*', element: <transfers.Page /> },
    { path: 'inventory/orders/*', element: <orders.Page /> },
  ],
  dashboardCards: cards.Page,
  preload: () =>
    Promise.all([page.preload(), cards.preload(), transfers.preload(), orders.preload()]),
};
