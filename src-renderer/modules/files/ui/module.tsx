import { IconFiles } from '@tabler/icons-react';
import { lazyPage, type ModuleUi } from '../../../ui/module-ui';

const page = lazyPage(async () => (await import('./FilesPage')).FilesPage);

/** Files's UI part (ui/module-ui.ts): a page saying it comes later. */
export const filesUi: ModuleUi = {
  nav: { path: '/files', label: 'Files', icon: IconFiles },
  routes: [{ path: 'files', element: <page.Page /> }],
  preload: page.preload,
};
