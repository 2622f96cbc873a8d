/**
 * Native save/open dialogs. The renderer proposes a name and supplies bytes; only the user,
 * through the OS dialog, chooses where they go, so the renderer never names a path.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type {
  FileFilter,
  OpenedFile,
  OpenFileRequest,
  SaveFileRequest,
  SaveFileResult,
} from './preload-api';
import { MAX_FILE_BYTES } from './ipc-schemas';
import { writeFileAtomic } from './fs-atomic';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME_LENGTH = 200;

/**
 * Turns a renderer-proposed file name into one that is safe on every OS: no directories, no
 * characters Windows rejects, no reserved device names, no leading dots (hidden files).
 */
export function sanitizeFileName(name: string, fallback = 'untitled'): string {
  let cleaned = name
    .normalize('NFC')
    // Directory parts are flattened, and `.`/`..` dropped, so the name can never climb out.
    .split(/[\\/]/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('_')
    .replace(/[<>:"|?*]/g, '_')
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  if (cleaned.length > MAX_NAME_LENGTH) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 && cleaned.length - dot <= 17 ? cleaned.slice(dot) : '';
    cleaned = cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
  }
  return cleaned === '' ? fallback : cleaned;
}

export interface DialogApi {
  showSaveDialog(
    window: BrowserWindow,
    options: SaveDialogOptions,
  ): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(
    window: BrowserWindow,
    options: OpenDialogOptions,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface DialogDeps {
  dialog: DialogApi;
  /** Where the save dialog starts, e.g. app.getPath('documents'). */
  defaultDirectory: () => string;
}

function toElectronFilters(filters: FileFilter[] | undefined): FileFilter[] | undefined {
  return filters?.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
}

export async function saveFile(
  deps: DialogDeps,
  window: BrowserWindow,
  request: SaveFileRequest,
): Promise<SaveFileResult> {
  const filters = toElectronFilters(request.filters);
  const result = await deps.dialog.showSaveDialog(window, {
    defaultPath: join(deps.defaultDirectory(), sanitizeFileName(request.suggestedName)),
    ...(filters ? { filters } : {}),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  // Atomic so an export interrupted half-way never leaves a truncated file where a good one was.
  await writeFileAtomic(result.filePath, request.data);
  return { saved: true, path: result.filePath };
}

export async function openFile(
  deps: DialogDeps,
  window: BrowserWindow,
  request: OpenFileRequest,
): Promise<OpenedFile | null> {
  const filters = toElectronFilters(request.filters);
  const result = await deps.dialog.showOpenDialog(window, {
    properties: ['openFile'],
    ...(filters ? { filters } : {}),
  });
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  return readPickedFile(path);
}

/** A file the user picked in an open dialog, refused with its size when over the IPC limit. */
export async function readPickedFile(path: string): Promise<OpenedFile> {
  const info = await stat(path);
  if (info.size > MAX_FILE_BYTES) {
    throw new Error(
      `${basename(path)} is too large to open (${Math.round(info.size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB).`,
    );
  }
  const data = await readFile(path);
  return {
    name: basename(path),
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** A report as PDF: the page's own print stylesheet applies, so toolbars and menus are left out. */
export async function printToPdf(
  deps: DialogDeps,
  window: BrowserWindow,
  request: { suggestedName: string },
): Promise<SaveFileResult> {
  const pdf = await window.webContents.printToPDF({
    printBackground: false,
    pageSize: 'A4',
    preferCSSPageSize: true,
  });
  const name = request.suggestedName.toLowerCase().endsWith('.pdf')
    ? request.suggestedName
    : `${request.suggestedName}.pdf`;
  return saveFile(deps, window, {
    suggestedName: name,
    data: new Uint8Array(pdf),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}
