/**
 * The native menu. Most items only tell the renderer what the user picked (menu:command); the
 * renderer owns the actions, so the same commands work from keyboard shortcuts in web mode.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './preload-api';

export interface MenuDeps {
  appName: string;
  platform: NodeJS.Platform;
  /** Reload and devtools are for development only: a packaged app has nothing to debug. */
  isPackaged: boolean;
  sendCommand(command: MenuCommand): void;
  showAbout(): void;
  checkForUpdates(): void;
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const isMac = deps.platform === 'darwin';
  const command = (
    label: string,
    cmd: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    id: `command:${cmd}`,
    ...(accelerator ? { accelerator } : {}),
    click: () => deps.sendCommand(cmd),
  });
  const about: MenuItemConstructorOptions = {
    label: `About ${deps.appName}`,
    id: 'about',
    click: () => deps.showAbout(),
  };
  const checkUpdates: MenuItemConstructorOptions = {
    label: 'Check for Updates…',
    id: 'check-for-updates',
    click: () => deps.checkForUpdates(),
  };

  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    // macOS convention: About, updates and Quit live in the application menu.
    template.push({
      label: deps.appName,
      submenu: [
        about,
        checkUpdates,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: '&File',
    submenu: [
      command('New', 'new', 'CmdOrCtrl+N'),
      command('Save', 'save', 'CmdOrCtrl+S'),
      { type: 'separator' },
      command('Import…', 'import', 'CmdOrCtrl+I'),
      command('Export…', 'export', 'CmdOrCtrl+E'),
      ...(isMac
        ? []
        : ([{ type: 'separator' }, { role: 'quit' }] satisfies MenuItemConstructorOptions[])),
    ],
  });

  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? ([{ role: 'pasteAndMatchStyle' }] satisfies MenuItemConstructorOptions[]) : []),
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'search', 'CmdOrCtrl+K'),
    ],
  });

  template.push({
    label: '&View',
    submenu: [
      command('Dashboard', 'go-dashboard', 'CmdOrCtrl+1'),
      command('Sync', 'go-sync', 'CmdOrCtrl+2'),
      command('Settings', 'go-settings', 'CmdOrCtrl+,'),
      { type: 'separator' },
      command('Rebuild Index', 'rebuild-index'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      ...(deps.isPackaged
        ? []
        : ([
            { type: 'separator' },
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  });

  if (isMac) template.push({ role: 'windowMenu' });

  template.push({
    label: '&Help',
    role: 'help',
    submenu: isMac ? [checkUpdates] : [about, checkUpdates],
  });

  return template;
}
