import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuDeps } from './menu';
import type { MenuCommand } from './preload-api';

function deps(
  overrides: Partial<MenuDeps> = {},
): MenuDeps & { sendCommand: ReturnType<typeof vi.fn> } {
  return {
    appName: 'Outpost',
    platform: 'linux',
    isPackaged: true,
    sendCommand: vi.fn(),
    showAbout: vi.fn(),
    checkForUpdates: vi.fn(),
    ...overrides,
  } as MenuDeps & { sendCommand: ReturnType<typeof vi.fn> };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

function submenu(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu;
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const template = buildMenuTemplate(deps());
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(submenu(template, '&File').map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'New',
      'Save',
      'separator',
      'Import…',
      'Export…',
      'separator',
      'quit',
    ]);
    expect(
      submenu(template, '&Edit')
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('sends each MenuCommand exactly once from its item', () => {
    const d = deps();
    const all = items(buildMenuTemplate(d)).filter((i) => i.id?.startsWith('command:'));
    for (const item of all) click(item);
    const sent = d.sendCommand.mock.calls.map(([c]) => c as MenuCommand);
    const expected: MenuCommand[] = [
      'new',
      'save',
      'import',
      'export',
      'search',
      'go-dashboard',
      'go-sync',
      'go-settings',
      'rebuild-index',
    ];
    expect(sent.sort()).toEqual(expected.sort());
  });

  it('wires About and Check for updates', () => {
    const d = deps();
    const help = submenu(buildMenuTemplate(d), '&Help');
    expect(help.map((i) => i.id)).toEqual(['about', 'check-for-updates']);
    help.forEach(click);
    expect(d.showAbout).toHaveBeenCalledOnce();
    expect(d.checkForUpdates).toHaveBeenCalledOnce();
  });

  it('offers reload and devtools only when not packaged', () => {
    const roles = (packaged: boolean) =>
      submenu(buildMenuTemplate(deps({ isPackaged: packaged })), '&View').map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
    const view = submenu(buildMenuTemplate(deps()), '&View')
      .map((i) => i.label)
      .filter(Boolean);
    expect(view).toEqual(['Dashboard', 'Sync', 'Settings', 'Rebuild Index']);
  });

  it('follows macOS conventions: app menu holds About and Quit', () => {
    const template = buildMenuTemplate(deps({ platform: 'darwin' }));
    expect(template[0]?.label).toBe('Outpost');
    const appMenu = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((i) => i.id ?? i.role ?? i.type)).toEqual(
      expect.arrayContaining(['about', 'check-for-updates', 'quit']),
    );
    expect(submenu(template, '&File').some((i) => i.role === 'quit')).toBe(false);
  });

  it('uses unique accelerators', () => {
    const accelerators = items(buildMenuTemplate(deps())).flatMap((i) =>
      i.accelerator ? [String(i.accelerator)] : [],
    );
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
