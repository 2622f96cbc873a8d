import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import {
  IpcValidationError,
  isTrustedSender,
  registerIpcHandlers,
  validateArgs,
  type IpcDeps,
  type IpcMainLike,
} from './ipc';
import { IPC, ipcArgSchemas } from './ipc-schemas';
import type { Vault } from './vault';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain(): IpcMainLike & { handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
}

function eventFrom(url: string | null, parent: unknown = null): IpcMainInvokeEvent {
  return {
    senderFrame: url === null ? null : { url, parent },
    sender: {},
  } as unknown as IpcMainInvokeEvent;
}

const appEvent = eventFrom('app://outpost/index.html');

function setup() {
  const vault: Vault = {
    isAvailable: vi.fn(() => true),
    set: vi.fn(() => Promise.resolve()),
    get: vi.fn(() => Promise.resolve('s3cret')),
    delete: vi.fn(() => Promise.resolve()),
  };
  const window = {} as BrowserWindow;
  const deps: IpcDeps = {
    vault,
    saveFile: vi.fn(() => Promise.resolve({ saved: true, path: '/tmp/x.csv' })),
    openFile: vi.fn(() => Promise.resolve(null)),
    printToPdf: vi.fn(() => Promise.resolve({ saved: true, path: '/tmp/report.pdf' })),
    backups: {
      keep: vi.fn(() => Promise.resolve([])),
      list: vi.fn(() => Promise.resolve([])),
      export: vi.fn(() => Promise.resolve(true)),
      open: vi.fn(() => Promise.resolve(null)),
    },
    checkForUpdates: vi.fn(() => Promise.resolve({ state: 'not-available' as const })),
    appInfo: () => ({
      name: 'Outpost',
      version: '0.1.0',
      os: 'linux',
      packaged: false,
      electron: '45.0.0',
    }),
    windowOf: () => window,
  };
  const ipcMain = fakeIpcMain();
  const unregister = registerIpcHandlers(ipcMain, deps);
  const invoke = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve().then(() => handler(event, ...args));
  };
  return { deps, vault, window, ipcMain, invoke, unregister };
}

describe('isTrustedSender', () => {
  it('accepts only the top frame of the app origin', () => {
    expect(isTrustedSender(appEvent)).toBe(true);
    expect(isTrustedSender(eventFrom('app://outpost/'))).toBe(true);
    expect(isTrustedSender(eventFrom('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(eventFrom('app://outpost.evil/'))).toBe(false);
    expect(isTrustedSender(eventFrom('file:///app/dist/index.html'))).toBe(false);
    expect(isTrustedSender(eventFrom(null))).toBe(false);
    expect(isTrustedSender(eventFrom('app://outpost/frame.html', { url: 'app://outpost/' }))).toBe(
      false,
    );
  });
});

describe('ipc schemas', () => {
  it('has one schema per channel', () => {
    expect(Object.keys(ipcArgSchemas).sort()).toEqual(Object.values(IPC).sort());
  });

  it('accepts well-formed arguments', () => {
    expect(validateArgs(IPC.vaultSet, ['sync:acme', 'pw'])).toEqual(['sync:acme', 'pw']);
    expect(validateArgs(IPC.vaultIsAvailable, [])).toEqual([]);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(
      validateArgs(IPC.dialogSaveFile, [
        {
          suggestedName: 'report.csv',
          filters: [{ name: 'CSV', extensions: ['csv'] }],
          data: bytes,
        },
      ]),
    ).toEqual([
      { suggestedName: 'report.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], data: bytes },
    ]);
    expect(validateArgs(IPC.dialogOpenFile, [{}])).toEqual([{}]);
  });

  it.each([
    [IPC.vaultSet, []],
    [IPC.vaultSet, ['', 'pw']],
    [IPC.vaultSet, ['acct', 42]],
    [IPC.vaultSet, ['acct\nx', 'pw']],
    [IPC.vaultSet, ['a'.repeat(300), 'pw']],
    [IPC.vaultGet, [{ toString: (): string => 'x' }]],
    [IPC.vaultIsAvailable, ['extra']],
    [IPC.dialogSaveFile, [{ suggestedName: 'x', data: { length: 3 } }]],
    [IPC.dialogPrintToPdf, [{ suggestedName: '' }]],
    [IPC.dialogPrintToPdf, [{ suggestedName: 'x', path: '/etc/passwd' }]],
    [IPC.dialogSaveFile, [{ suggestedName: 'x', data: 'ok', path: '/etc/passwd' }]],
    [
      IPC.dialogSaveFile,
      [{ suggestedName: 'x', data: 'ok', filters: [{ name: 'x', extensions: ['.csv'] }] }],
    ],
    [IPC.dialogOpenFile, []],
    [IPC.dialogOpenFile, [{ filters: 'csv' }]],
  ] as const)('rejects %s with %j', (channel, args) => {
    expect(() => validateArgs(channel, [...args])).toThrow(IpcValidationError);
  });

  it('names the channel and the problem in the error', () => {
    expect(() => validateArgs(IPC.vaultSet, ['acct', 42])).toThrow(
      /Invalid arguments for vault:set: .*expected string/,
    );
  });
});

describe('registerIpcHandlers', () => {
  it('routes valid calls from the app to the right dependency', async () => {
    const { invoke, vault, deps, window } = setup();
    await invoke(IPC.vaultSet, appEvent, 'sync:acme', 'pw');
    expect(vault.set).toHaveBeenCalledWith('sync:acme', 'pw');
    expect(await invoke(IPC.vaultGet, appEvent, 'sync:acme')).toBe('s3cret');
    await invoke(IPC.vaultDelete, appEvent, 'sync:acme');
    expect(vault.delete).toHaveBeenCalledWith('sync:acme');
    expect(await invoke(IPC.vaultIsAvailable, appEvent)).toBe(true);
    const request = { suggestedName: 'a.csv', data: 'x,y' };
    expect(await invoke(IPC.dialogSaveFile, appEvent, request)).toEqual({
      saved: true,
      path: '/tmp/x.csv',
    });
    expect(deps.saveFile).toHaveBeenCalledWith(window, request);
    expect(await invoke(IPC.dialogOpenFile, appEvent, {})).toBeNull();
    expect(await invoke(IPC.updatesCheck, appEvent)).toEqual({ state: 'not-available' });
    expect(await invoke(IPC.appInfo, appEvent)).toMatchObject({
      name: 'Outpost',
      version: '0.1.0',
    });
  });

  it('refuses calls from any other frame before looking at the arguments', async () => {
    const { invoke, vault } = setup();
    await expect(
      invoke(IPC.vaultGet, eventFrom('https://evil.example/'), 'sync:acme'),
    ).rejects.toThrow(/Refused vault:get/);
    await expect(invoke(IPC.vaultSet, eventFrom(null), 'a', 'b')).rejects.toThrow(
      /did not come from the Outpost app page/,
    );
    expect(vault.get).not.toHaveBeenCalled();
    expect(vault.set).not.toHaveBeenCalled();
  });

  it('rejects invalid arguments with a clear error and does nothing', async () => {
    const { invoke, vault } = setup();
    await expect(invoke(IPC.vaultSet, appEvent, 'acct')).rejects.toThrow(
      /Invalid arguments for vault:set/,
    );
    expect(vault.set).not.toHaveBeenCalled();
  });

  it('backups: main takes the bytes and a date, never a path', async () => {
    const { invoke, deps, window } = setup();
    const request = {
      createdAt: '2026-04-04T09:30:00.000Z',
      orgCode: 'acme',
      branchCode: 'NYC',
      letter: 'A',
      data: new Uint8Array([31, 139]),
    };
    await invoke(IPC.backupsKeep, appEvent, request);
    expect(deps.backups.keep).toHaveBeenCalledWith(request);
    await invoke(
      IPC.backupsExport,
      appEvent,
      'outpost-acme-NYC-A-2026-04-04-093000-before-upgrade.outpost-backup',
    );
    expect(deps.backups.export).toHaveBeenCalledWith(
      window,
      'outpost-acme-NYC-A-2026-04-04-093000-before-upgrade.outpost-backup',
    );
    for (const bad of [
      [IPC.backupsKeep, { ...request, path: '/etc/cron.d/x' }],
      [IPC.backupsKeep, { ...request, orgCode: '../..' }],
      [IPC.backupsKeep, { ...request, createdAt: 'yesterday' }],
      [IPC.backupsExport, '../../etc/passwd'],
      [IPC.backupsExport, 'C:\\Windows\\win.ini'],
    ] as const) {
      await expect(invoke(bad[0], appEvent, bad[1])).rejects.toThrow(/Invalid arguments/);
    }
    expect(deps.backups.keep).toHaveBeenCalledTimes(1);
    expect(deps.backups.export).toHaveBeenCalledTimes(1);
  });

  it('can unregister every channel', () => {
    const { ipcMain, unregister } = setup();
    expect(ipcMain.handlers.size).toBe(Object.keys(IPC).length);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
