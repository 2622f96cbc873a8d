import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutpostPreloadApi } from './preload-api';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    exposed: {} as Record<string, unknown>,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => 'result'),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

let api: OutpostPreloadApi;

beforeEach(async () => {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.invoke.mockClear();
  electron.listeners.clear();
  process.argv.push('--outpost-version=1.2.3');
  await import('./preload');
  process.argv.pop();
  const call = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
    string,
    OutpostPreloadApi,
  ];
  expect(call[0]).toBe('outpost');
  api = call[1];
});

function emit(channel: string, value: unknown): void {
  for (const listener of electron.listeners.get(channel) ?? [])
    listener({ sender: 'secret' }, value);
}

describe('preload', () => {
  it('exposes exactly the OutpostPreloadApi shape', () => {
    expect(Object.keys(api).sort()).toEqual([
      'backups',
      'dialogs',
      'onMenuCommand',
      'os',
      'updates',
      'vault',
      'version',
    ]);
    expect(api.version).toBe('1.2.3');
    expect(api.os).toBe(process.platform);
  });

  it('maps every call onto its invoke channel', async () => {
    await api.vault.set('a', 'b');
    await api.vault.get('a');
    await api.vault.delete('a');
    await api.vault.isAvailable();
    await api.dialogs.saveFile({ suggestedName: 'x', data: 'y' });
    await api.dialogs.openFile({});
    await api.backups.list();
    await api.backups.export('outpost-acme-NYC-A-2026-04-04-093000-before-upgrade.outpost-backup');
    await api.updates.check();
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['vault:set', 'a', 'b'],
      ['vault:get', 'a'],
      ['vault:delete', 'a'],
      ['vault:isAvailable'],
      ['dialog:saveFile', { suggestedName: 'x', data: 'y' }],
      ['dialog:openFile', {}],
      ['backups:list'],
      ['backups:export', 'outpost-acme-NYC-A-2026-04-04-093000-before-upgrade.outpost-backup'],
      ['updates:check'],
    ]);
  });

  it('delivers pushes without the IPC event and unsubscribes', () => {
    const commands: unknown[] = [];
    const statuses: unknown[] = [];
    const offMenu = api.onMenuCommand((c) => commands.push(c));
    const offStatus = api.updates.onStatus((s) => statuses.push(s));
    emit('menu:command', 'save');
    emit('updates:status', { state: 'checking' });
    expect(commands).toEqual(['save']);
    expect(statuses).toEqual([{ state: 'checking' }]);
    offMenu();
    offStatus();
    emit('menu:command', 'new');
    expect(commands).toEqual(['save']);
    expect(electron.listeners.get('menu:command')?.size).toBe(0);
  });
});
