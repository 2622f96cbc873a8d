import { IconUsers } from '@tabler/icons-react';
import { lazyPage, type ModuleUi } from '../../../ui/module-ui';

const page = lazyPage(async () => (await import('./PayrollPage')).PayrollPage);

/** Payroll's UI part (ui/module-ui.ts): a page saying it comes later. */
export const payrollUi: ModuleUi = {
  nav: { path: '/payroll', label: 'Payroll', icon: IconUsers },
  routes: [{ path: 'payroll', element: <page.Page /> }],
  preload: page.preload,
};
