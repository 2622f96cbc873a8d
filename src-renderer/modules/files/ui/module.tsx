import { IconFiles } from '@tabler/icons-react';
import { lazy } from 'react';
import type { ModuleUi } from '../../../ui/module-ui';

const FilesPage = lazy(async () => ({ default: (await import('./FilesPage')).FilesPage }));

/** Files' UI part (ui/module-ui.ts): a page saying it comes later. */
export const filesUi: ModuleUi = {
  nav: { path: '/files', label: 'Files', icon: IconFiles },
  routes: [{ path: 'files', element: <FilesPage /> }],
};
