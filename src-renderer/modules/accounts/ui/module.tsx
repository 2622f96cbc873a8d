import { IconCash } from '@tabler/icons-react';
import { lazy } from 'react';
import type { ModuleUi } from '../../../ui/module-ui';

// Each lazy page is a bundle of its own: Accounts' code loads when it is first opened.
const AccountsPage = lazy(async () => ({ default: (await import('./AccountsPage')).AccountsPage }));
const AccountsDashboardCards = lazy(async () => ({
  default: (await import('./AccountsDashboardCards')).AccountsDashboardCards,
}));

/** Accounts' UI part (ui/module-ui.ts): its navigation entry, its pages and its dashboard figures. */
export const accountsUi: ModuleUi = {
  nav: { path: '/accounts', label: 'Accounts', icon: IconCash },
  routes: [{ path: 'accounts/*', element: <AccountsPage /> }],
  dashboardCards: AccountsDashboardCards,
};
