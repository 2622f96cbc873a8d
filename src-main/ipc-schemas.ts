/**
 * zod schemas for the arguments of every invoke channel. Main validates with these before
 * doing anything; a renderer compromised by, say, a malicious synced document must not be
 * able to reach the vault, the file system or the updater with input it made up.
 */
import { z } from 'zod';
import { IPC, type InvokeChannel } from './ipc-channels';

export { IPC, EVENTS } from './ipc-channels';
export type { InvokeChannel } from './ipc-channels';

/** Big enough for a full company backup, small enough that one IPC message cannot exhaust memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const account = z
  .string()
  .min(1, 'account must not be empty')
  .max(256, 'account is longer than 256 characters')
  .refine(
    (s) => ![...s].some((c) => c.charCodeAt(0) < 0x20),
    'account must not contain control characters',
  );

const secret = z.string().max(64 * 1024, 'secret is longer than 64 KiB');

const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(
      z
        .string()
        .regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'extension must be letters/digits without a dot, or *'),
    )
    .min(1)
    .max(32),
});

const filters = z.array(fileFilter).max(16).optional();

const fileData = z.union([
  z.string().refine((s) => s.length <= MAX_FILE_BYTES, 'file is too large'),
  z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file is too large'),
]);

export const saveFileRequestSchema = z.strictObject({
  suggestedName: z.string().max(255),
  filters,
  data: fileData,
});

export const openFileRequestSchema = z.strictObject({ filters });

export const printToPdfRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(255),
});

export const keepBackupRequestSchema = z.strictObject({
  createdAt: z.iso.datetime(),
  orgCode: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,31}$/, 'orgCode must be lower-case letters and digits'),
  branchCode: z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'branchCode must be letters and digits'),
  letter: z.string().regex(/^[A-Z]$/, 'letter must be one capital letter'),
  data: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file is too large'),
});

/** A name main gave a kept backup: no directories, so it can only ever name a file in the folder. */
const backupName = z.string().regex(/^[A-Za-z0-9.-]{1,200}$/, 'not a backup file name');

/** Each channel's arguments as the tuple `ipcRenderer.invoke(channel, ...args)` sends. */
export const ipcArgSchemas = {
  [IPC.vaultSet]: z.tuple([account, secret]),
  [IPC.vaultGet]: z.tuple([account]),
  [IPC.vaultDelete]: z.tuple([account]),
  [IPC.vaultIsAvailable]: z.tuple([]),
  [IPC.dialogSaveFile]: z.tuple([saveFileRequestSchema]),
  [IPC.dialogOpenFile]: z.tuple([openFileRequestSchema]),
  [IPC.dialogPrintToPdf]: z.tuple([printToPdfRequestSchema]),
  [IPC.backupsKeep]: z.tuple([keepBackupRequestSchema]),
  [IPC.backupsList]: z.tuple([]),
  [IPC.backupsExport]: z.tuple([backupName]),
  [IPC.backupsOpen]: z.tuple([]),
  [IPC.updatesCheck]: z.tuple([]),
  [IPC.appInfo]: z.tuple([]),
} as const satisfies Record<InvokeChannel, z.ZodType>;

export type IpcArgs<C extends InvokeChannel> = z.infer<(typeof ipcArgSchemas)[C]>;
