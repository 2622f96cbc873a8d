/**
 * The automatic-backup folder (`<userData>/backups`). The renderer hands over a backup's bytes
 * and when it was made; main alone names the file and picks the folder, so a renderer can
 * neither write elsewhere nor overwrite something it did not make. The newest KEEP_BACKUPS
 * are kept; older ones are removed as new ones arrive.
 */
import { copyFile, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { readPickedFile, type DialogDeps } from './dialogs';
import { writeFileAtomic } from './fs-atomic';
import type { KeepBackupRequest, KeptBackup, OpenedFile } from './preload-api';

export const KEEP_BACKUPS = 10;
export const BACKUP_EXTENSION = 'outpost-backup';

/** Only files this module names are listed, exported or pruned. */
const OURS =
  /^outpost-[a-z][a-z0-9]*-[A-Za-z0-9]+-[A-Z]-\d{4}-\d{2}-\d{2}-\d{6}-before-upgrade\.outpost-backup$/;

export function backupFileName(request: Omit<KeepBackupRequest, 'data'>): string {
  const at = new Date(request.createdAt);
  if (Number.isNaN(at.getTime())) throw new Error('The backup has no valid date.');
  const stamp = at.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  return `outpost-${request.orgCode}-${request.branchCode}-${request.letter}-${stamp}-before-upgrade.${BACKUP_EXTENSION}`;
}

export async function listBackups(dir: string): Promise<KeptBackup[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: KeptBackup[] = [];
  for (const name of names.filter((n) => OURS.test(n))) {
    const info = await stat(join(dir, name));
    out.push({ name, bytes: info.size, modifiedAt: info.mtime.toISOString() });
  }
  // Names carry the time the backup was made, so they sort oldest first.
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

export async function keepBackup(
  dir: string,
  request: KeepBackupRequest,
  keep = KEEP_BACKUPS,
): Promise<KeptBackup[]> {
  const name = backupFileName(request);
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, name), request.data);
  const kept = await listBackups(dir);
  for (const old of kept.slice(keep)) await unlink(join(dir, old.name)).catch(() => undefined);
  return kept.slice(0, keep);
}

/** Copies one kept backup to where the user chooses in the save dialog; false when cancelled. */
export async function exportBackup(
  deps: DialogDeps,
  window: BrowserWindow,
  dir: string,
  name: string,
): Promise<boolean> {
  if (!(await listBackups(dir)).some((b) => b.name === name))
    throw new Error('That backup is no longer in the backups folder.');
  const result = await deps.dialog.showSaveDialog(window, {
    defaultPath: join(deps.defaultDirectory(), name),
    filters: [{ name: 'Outpost backup', extensions: [BACKUP_EXTENSION] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return false;
  await copyFile(join(dir, name), result.filePath);
  return true;
}

/** The open dialog for restoring, starting in the backups folder. */
export async function openBackup(
  deps: DialogDeps,
  window: BrowserWindow,
  dir: string,
): Promise<OpenedFile | null> {
  const result = await deps.dialog.showOpenDialog(window, {
    defaultPath: dir,
    properties: ['openFile'],
    filters: [{ name: 'Outpost backup', extensions: [BACKUP_EXTENSION] }],
  });
  const path = result.filePaths[0];
  return result.canceled || !path ? null : readPickedFile(path);
}
