import type { OutpostPreloadApi } from '../../src-main/preload-api';
import type { Platform } from './index';

/** The Platform over the preload bridge (`window.outpost`); every call is an IPC round trip. */
export function createElectronPlatform(api: OutpostPreloadApi): Platform {
  return {
    kind: 'electron',
    version: api.version,
    vault: {
      // The vault refuses to store anything unencrypted, so whatever it keeps is encrypted.
      encrypted: true,
      save: (account, secret) => api.vault.set(account, secret),
      load: (account) => api.vault.get(account),
      remove: (account) => api.vault.delete(account),
    },
    files: {
      saveFile: async (request) => (await api.dialogs.saveFile(request)).saved,
      printToPdf: async (suggestedName) => (await api.dialogs.printToPdf({ suggestedName })).saved,
      openFile: (accept) => api.dialogs.openFile({ filters: accept }),
    },
    backups: {
      save: async (file, suggestedName) =>
        (
          await api.dialogs.saveFile({
            suggestedName,
            data: new Uint8Array(await file.arrayBuffer()),
            filters: [{ name: 'Outpost backup', extensions: ['outpost-backup'] }],
          })
        ).saved,
      open: async () => {
        const picked = await api.backups.open();
        return picked ? { name: picked.name, file: new Blob([picked.data as BlobPart]) } : null;
      },
      folder: {
        keep: async (file, made) =>
          void (await api.backups.keep({
            ...made,
            data: new Uint8Array(await file.arrayBuffer()),
          })),
        list: () => api.backups.list(),
        export: (name) => api.backups.export(name),
      },
    },
    updates: {
      check: () => api.updates.check(),
      onStatus: (listener) => api.updates.onStatus(listener),
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
