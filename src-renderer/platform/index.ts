import type {
  KeptBackup,
  MenuCommand,
  OpenedFile,
  SaveFileRequest,
  UpdateStatus,
} from '../../src-main/preload-api';

/**
 * What the UI thread needs from its host, with one implementation per target
 * (DESIGN §1): `*.electron.ts` over `window.outpost`, `*.web.ts` over browser APIs.
 * The worker never touches the platform; the UI passes what it needs in RPC params.
 */
export type { KeptBackup, MenuCommand, OpenedFile, SaveFileRequest, UpdateStatus };

export interface CredentialVault {
  /** Whether secrets are stored encrypted on this platform. */
  readonly encrypted: boolean;
  save(account: string, secret: string): Promise<void>;
  load(account: string): Promise<string | null>;
  remove(account: string): Promise<void>;
}

export interface FilePlatform {
  /** Lets the user save a file; resolves false when they cancel. */
  saveFile(request: SaveFileRequest): Promise<boolean>;
  /**
   * The current page as PDF (its print stylesheet applies). Electron renders and saves it; a
   * browser opens its print dialog, where "Save as PDF" is offered. False when cancelled.
   */
  printToPdf(suggestedName: string): Promise<boolean>;
  /** Lets the user pick a file; null when they cancel. */
  openFile(accept: { name: string; extensions: string[] }[]): Promise<OpenedFile | null>;
}

/**
 * Backup files. Automatic backups are made by the core into its own browser store; Electron
 * then hands each to main's backups folder (`folder`), a browser keeps them there (`null`).
 */
export interface BackupPlatform {
  /** A save dialog (Electron) or a download (browser); false when cancelled. */
  save(file: Blob, suggestedName: string): Promise<boolean>;
  /** Lets the user pick a backup file; null when they cancel. */
  open(): Promise<{ name: string; file: Blob } | null>;
  folder: {
    keep(
      file: Blob,
      made: { createdAt: string; orgCode: string; branchCode: string; letter: string },
    ): Promise<void>;
    list(): Promise<KeptBackup[]>;
    /** Copies one to where the user chooses; false when cancelled. */
    export(name: string): Promise<boolean>;
  } | null;
}

export interface UpdatesPlatform {
  check(): Promise<UpdateStatus>;
  onStatus(listener: (status: UpdateStatus) => void): () => void;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  readonly version: string;
  readonly vault: CredentialVault;
  readonly files: FilePlatform;
  readonly backups: BackupPlatform;
  /** Only Electron updates itself; a browser reloads the page. */
  readonly updates: UpdatesPlatform | null;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
