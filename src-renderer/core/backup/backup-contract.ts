/**
 * The backup RPC methods (issue 10 item 10). Files travel as Blobs: postMessage hands a Blob
 * over without copying it, and the UI saves or uploads it as it is.
 */
import type { AppState } from '../rpc/contract';
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

export interface BackupRpcMethods {
  /** Writes every database this device holds, with its revision history, to one file. */
  'backup.create': { params: void; result: BackupFile };
  /** Reads and checks a backup without writing anything: what it holds, or why it cannot be used. */
  'backup.check': { params: { file: Blob }; result: BackupSummary };
  /** Restores a checked backup into a device with no company yet, then opens it. */
  'backup.restore': { params: { file: Blob }; result: AppState };
  /** Automatic backups (taken before upgrades) kept in the worker's own store, newest first. */
  'backup.listAutomatic': { params: void; result: AutomaticBackupInfo[] };
  'backup.readAutomatic': { params: { id: number }; result: BackupFile };
  /** Drops one from the worker's store (Electron: once main has it in its backups folder). */
  'backup.forgetAutomatic': { params: { id: number }; result: void };
}
