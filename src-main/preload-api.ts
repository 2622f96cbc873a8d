/**
 * The one API the preload script exposes as `window.outpost` (DESIGN §1). Types only:
 * the renderer imports this file with `import type`, which is the only way it may refer
 * to src-main. Every call becomes an IPC message that main validates with zod.
 */

export type MenuCommand =
  | 'new'
  | 'save'
  | 'search'
  | 'go-dashboard'
  | 'go-sync'
  | 'go-settings'
  | 'import'
  | 'export'
  | 'rebuild-index';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  filters?: FileFilter[];
  /** Text is written as UTF-8. */
  data: string | Uint8Array;
}

export interface SaveFileResult {
  saved: boolean;
  /** Absolute path the file was written to, when saved. */
  path?: string;
}

export interface OpenFileRequest {
  filters?: FileFilter[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

/** An automatic backup handed to main; main names the file from these fields. */
export interface KeepBackupRequest {
  createdAt: string;
  orgCode: string;
  branchCode: string;
  letter: string;
  data: Uint8Array;
}

export interface KeptBackup {
  name: string;
  bytes: number;
  modifiedAt: string;
}

export type UpdateStatus =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'not-available' }
  | { state: 'available'; version: string }
  | { state: 'downloading'; percent: number }
  | { state: 'downloaded'; version: string }
  | { state: 'error'; message: string };

export interface OutpostPreloadApi {
  /** App version from package.json. */
  readonly version: string;
  /** process.platform of the host ('win32', 'darwin', 'linux'). */
  readonly os: string;
  vault: {
    /** Encrypts with safeStorage and stores under `account`. Rejects when the OS offers no encryption. */
    set(account: string, secret: string): Promise<void>;
    get(account: string): Promise<string | null>;
    delete(account: string): Promise<void>;
    isAvailable(): Promise<boolean>;
  };
  dialogs: {
    saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
    openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
    /** Renders the current page (its print stylesheet applies) to a PDF and asks where to save it. */
    printToPdf(request: { suggestedName: string }): Promise<SaveFileResult>;
  };
  /** The automatic-backup folder in userData (backups.ts); main chooses every path. */
  backups: {
    keep(request: KeepBackupRequest): Promise<KeptBackup[]>;
    list(): Promise<KeptBackup[]>;
    /** Copies a kept backup to where the user chooses; false when cancelled. */
    export(name: string): Promise<boolean>;
    /** The open dialog for restoring, starting in the backups folder. */
    open(): Promise<OpenedFile | null>;
  };
  updates: {
    /** Checks the configured feed; main asks the user before downloading and before restarting. */
    check(): Promise<UpdateStatus>;
    onStatus(listener: (status: UpdateStatus) => void): () => void;
  };
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
