/**
 * Runs sandboxed in the renderer before the page. Exposes exactly OutpostPreloadApi on
 * `window.outpost` and nothing else: no ipcRenderer, no generic send, so the page can only
 * reach the channels main validates. Imports only zod-free constants to keep this bundle tiny.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENTS, IPC, versionFromArgv } from './ipc-channels';
import type { MenuCommand, OutpostPreloadApi, UpdateStatus } from './preload-api';

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  // Wrapped so the page never sees the IpcRendererEvent (it exposes `sender`).
  const wrapped = (_event: IpcRendererEvent, value: T): void => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: OutpostPreloadApi = {
  version: versionFromArgv(process.argv),
  os: process.platform,
  vault: {
    set: (account, secret) => ipcRenderer.invoke(IPC.vaultSet, account, secret),
    get: (account) => ipcRenderer.invoke(IPC.vaultGet, account),
    delete: (account) => ipcRenderer.invoke(IPC.vaultDelete, account),
    isAvailable: () => ipcRenderer.invoke(IPC.vaultIsAvailable),
  },
  dialogs: {
    saveFile: (request) => ipcRenderer.invoke(IPC.dialogSaveFile, request),
    openFile: (request) => ipcRenderer.invoke(IPC.dialogOpenFile, request),
    printToPdf: (request) => ipcRenderer.invoke(IPC.dialogPrintToPdf, request),
  },
  backups: {
    keep: (request) => ipcRenderer.invoke(IPC.backupsKeep, request),
    list: () => ipcRenderer.invoke(IPC.backupsList),
    export: (name) => ipcRenderer.invoke(IPC.backupsExport, name),
    open: () => ipcRenderer.invoke(IPC.backupsOpen),
  },
  updates: {
    check: () => ipcRenderer.invoke(IPC.updatesCheck),
    onStatus: (listener) => subscribe<UpdateStatus>(EVENTS.updatesStatus, listener),
  },
  onMenuCommand: (listener) => subscribe<MenuCommand>(EVENTS.menuCommand, listener),
};

contextBridge.exposeInMainWorld('outpost', api);
