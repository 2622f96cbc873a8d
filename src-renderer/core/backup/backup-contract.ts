/**
 * The backup RPC methods (issue 10 item 10). Files travel as Blobs: postMessage hands a Blob
 * over without copying it, and the UI saves or uploads it as it is.
 */
import type { AppState } from '../rpc/contract';
import { mutation, query, type Contract } from '../rpc/define';
import type { BackupSummary } from './format';

export type { BackupSummary, DbManifest } from './format';

export interface AutomaticBackupInfo {
  id: number;
  createdAt: string;
  name: string;
  orgCode: string;
  bytes: number;
}

export interface BackupFile {
  file: Blob;
  /** Suggested file name, e.g. `outpost-acme-NYC-A-2026-03-14-0930.outpost-backup`. */
  name: string;
  summary: BackupSummary;
}

/**
 * Backup writes no document (the UI reads the list of automatic backups again itself): `app`
 * and `sync` only where a restore opens a company (the first-run screen gives way to the books).
 */
export const backupContract = {
  /** Writes every database this device holds, with its revision history, to one file (progress task 'backup'). */
  'backup.create': mutation<void, BackupFile>()({ writes: [] }),
  /** Reads and checks a backup without writing anything: what it holds, or why it cannot be used. */
  'backup.check': mutation<{ file: Blob }, BackupSummary>()({ writes: [] }),
  /** Restores a checked backup into a device with no company yet, then opens it (progress task 'restore'). */
  'backup.restore': mutation<{ file: Blob }, AppState>()({ writes: ['app', 'sync'] }),
  /** Automatic backups (taken before upgrades) kept in the worker's own store, newest first. */
  'backup.listAutomatic': query<void, AutomaticBackupInfo[]>()({ reads: [] }),
  'backup.readAutomatic': mutation<{ id: number }, BackupFile>()({ writes: [] }),
  /** Drops one from the worker's store (Electron: once main has it in its backups folder). */
  'backup.forgetAutomatic': mutation<{ id: number }, void>()({ writes: [] }),
} satisfies Contract;

export type BackupContract = typeof backupContract;
