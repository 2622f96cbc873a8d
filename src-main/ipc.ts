/**
 * Every invoke channel main answers. Each handler first checks who is asking (only our own
 * app:// page) and then validates the arguments with the channel's zod schema, so a
 * compromised or buggy renderer gets a clear error instead of reaching the OS with bad input.
 */
import { z } from 'zod';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { IPC, ipcArgSchemas, type InvokeChannel, type IpcArgs } from './ipc-schemas';
import { APP_URL } from './security';
import type {
  KeepBackupRequest,
  KeptBackup,
  OpenedFile,
  OpenFileRequest,
  SaveFileRequest,
  SaveFileResult,
  UpdateStatus,
} from './preload-api';
import type { Vault } from './vault';

export interface AppInfo {
  name: string;
  version: string;
  os: NodeJS.Platform;
  packaged: boolean;
  electron: string;
}

export interface IpcDeps {
  vault: Vault;
  saveFile(window: BrowserWindow, request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(window: BrowserWindow, request: OpenFileRequest): Promise<OpenedFile | null>;
  printToPdf(window: BrowserWindow, request: { suggestedName: string }): Promise<SaveFileResult>;
  backups: {
    keep(request: KeepBackupRequest): Promise<KeptBackup[]>;
    list(): Promise<KeptBackup[]>;
    export(window: BrowserWindow, name: string): Promise<boolean>;
    open(window: BrowserWindow): Promise<OpenedFile | null>;
  };
  checkForUpdates(): Promise<UpdateStatus>;
  appInfo(): AppInfo;
  /** The window a message came from; dialogs need it as their parent. */
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** Only the app's own top-level page may call main; an iframe or a navigated-away frame may not. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return frame.url.startsWith(APP_URL);
}

export class IpcValidationError extends Error {
  constructor(channel: string, error: z.ZodError) {
    super(`Invalid arguments for ${channel}: ${z.prettifyError(error).replace(/\n/g, '; ')}`);
    this.name = 'IpcValidationError';
  }
}

export function validateArgs<C extends InvokeChannel>(channel: C, args: unknown[]): IpcArgs<C> {
  const result = ipcArgSchemas[channel].safeParse(args);
  if (!result.success) throw new IpcValidationError(channel, result.error);
  return result.data as IpcArgs<C>;
}

type Handler<C extends InvokeChannel> = (args: IpcArgs<C>, event: IpcMainInvokeEvent) => unknown;

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): () => void {
  const channels: InvokeChannel[] = [];

  function handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): void {
    channels.push(channel);
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event)) {
        throw new Error(`Refused ${channel}: the request did not come from the Outpost app page.`);
      }
      return handler(validateArgs(channel, args), event);
    });
  }

  function requireWindow(event: IpcMainInvokeEvent): BrowserWindow {
    const window = deps.windowOf(event);
    if (!window) throw new Error('No window to attach the dialog to.');
    return window;
  }

  handle(IPC.vaultSet, ([account, secret]) => deps.vault.set(account, secret));
  handle(IPC.vaultGet, ([account]) => deps.vault.get(account));
  handle(IPC.vaultDelete, ([account]) => deps.vault.delete(account));
  handle(IPC.vaultIsAvailable, () => deps.vault.isAvailable());
  handle(IPC.dialogSaveFile, ([request], event) => deps.saveFile(requireWindow(event), request));
  handle(IPC.dialogOpenFile, ([request], event) => deps.openFile(requireWindow(event), request));
  handle(IPC.dialogPrintToPdf, ([request], event) =>
    deps.printToPdf(requireWindow(event), request),
  );
  handle(IPC.backupsKeep, ([request]) => deps.backups.keep(request));
  handle(IPC.backupsList, () => deps.backups.list());
  handle(IPC.backupsExport, ([name], event) => deps.backups.export(requireWindow(event), name));
  handle(IPC.backupsOpen, (_args, event) => deps.backups.open(requireWindow(event)));
  handle(IPC.updatesCheck, () => deps.checkForUpdates());
  handle(IPC.appInfo, () => deps.appInfo());

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
