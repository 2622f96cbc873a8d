import { IconCash } from '@tabler/icons-react';
import { lazyPage, type ModuleUi } from '../../../ui/module-ui';

// Each page is a bundle of its own: Accounts' code loads when it is first opened, or ahead
// once the window is up (ui/module-ui.ts preloadModulePages), so it opens offline too.
const accounts = lazyPage(async () => (await import('./AccountsPage')).AccountsPage);
const cards = lazyPage(
  async () => (await import('./AccountsDashboardCards')).AccountsDashboardCards,
);

/** Accounts' UI part (ui/module-ui.ts): its navigation entry, its pages and its dashboard figures. */
export const accountsUi: ModuleUi = {
  nav: { path: '/accounts', label: 'Accounts', icon: IconCash },
  routes: [{ path: 'accounts/*', element: <accounts.Page /> }],
  dashboardCards: cards.Page,
  preload: () => Promise.all([accounts.preload(), cards.preload()]),
};
