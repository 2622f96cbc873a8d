/**
 * IPC channel names, shared by main and preload. Kept free of zod (and of anything else) so
 * the sandboxed preload bundle stays tiny; the schemas live in ipc-schemas.ts.
 */
export const IPC = {
  vaultSet: 'vault:set',
  vaultGet: 'vault:get',
  vaultDelete: 'vault:delete',
  vaultIsAvailable: 'vault:isAvailable',
  dialogSaveFile: 'dialog:saveFile',
  dialogOpenFile: 'dialog:openFile',
  dialogPrintToPdf: 'dialog:printToPdf',
  backupsKeep: 'backups:keep',
  backupsList: 'backups:list',
  backupsExport: 'backups:export',
  backupsOpen: 'backups:open',
  updatesCheck: 'updates:check',
  appInfo: 'app:info',
} as const;

export type InvokeChannel = (typeof IPC)[keyof typeof IPC];

/** Main → renderer pushes (webContents.send); the renderer never sends on these. */
export const EVENTS = {
  updatesStatus: 'updates:status',
  menuCommand: 'menu:command',
} as const;

/**
 * A sandboxed preload cannot read package.json, so main passes the version on the renderer's
 * command line (webPreferences.additionalArguments) and the preload reads it back.
 */
export const VERSION_ARG_PREFIX = '--outpost-version=';

export function versionFromArgv(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith(VERSION_ARG_PREFIX));
  return arg ? arg.slice(VERSION_ARG_PREFIX.length) : '0.0.0';
}
