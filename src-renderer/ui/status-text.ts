import { branchCodeOfDb, MASTER_DB, PAYROLL_DB } from '../core/db/names';
import { countOf, formatDateTime } from '../core/format';
import type {
  DbSyncStatus,
  SyncErrorKind,
  SyncOverview,
  SyncProblem,
  SyncState,
} from '../core/rpc/contract';

/** The words the status bar uses for each sync state; one place, so the Sync page agrees. */
export const SYNC_STATE_TEXT: Record<SyncState, string> = {
  'not-configured': 'Not connected',
  offline: 'Offline',
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  'up-to-date': 'Up to date',
  paused: 'Paused',
  error: 'Sync error',
  'not-synced': 'Not synced for this user',
};

/** Short words for what went wrong, so "Offline" is said only when the server truly cannot be reached. */
const PROBLEM_TEXT: Record<SyncErrorKind, string> = {
  network: 'Offline',
  cors: 'Server refuses this app (CORS)',
  locked: 'User locked for a few minutes',
  auth: 'Wrong username or password',
  denied: 'Access refused',
  'not-found': 'Company not on the server',
  server: 'Server busy, retrying',
};

export function syncProblemTitle(kind: SyncErrorKind): string {
  return PROBLEM_TEXT[kind];
}

/** The problem that decides the company's state: the first database in that state that has one. */
export function syncProblemOf(sync: Pick<SyncOverview, 'state' | 'databases'>): SyncProblem | null {
  if (sync.state !== 'error' && sync.state !== 'offline') return null;
  return sync.databases.find((d) => d.state === sync.state && d.error)?.error ?? null;
}

/** The status bar's word for the sync state, naming the problem when there is one. */
export function syncStateText(sync: Pick<SyncOverview, 'state' | 'databases'> | undefined): string {
  if (!sync) return SYNC_STATE_TEXT['not-configured'];
  const problem = syncProblemOf(sync);
  return problem ? PROBLEM_TEXT[problem.kind] : SYNC_STATE_TEXT[sync.state];
}

export const SYNC_STATE_COLOR: Record<SyncState, string> = {
  'not-configured': 'gray',
  offline: 'orange',
  connecting: 'blue',
  syncing: 'blue',
  'up-to-date': 'teal',
  paused: 'gray',
  error: 'red',
  'not-synced': 'gray',
};

export function lastSyncText(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'Never synced';
  const then = new Date(iso);
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (seconds < 60) return 'Last sync: just now';
  if (seconds < 3600) return `Last sync: ${Math.round(seconds / 60)} min ago`;
  const sameDay = then.toDateString() === now.toDateString();
  return `Last sync: ${sameDay ? then.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : formatDateTime(iso)}`;
}

/** A local database in a clerk's words: 'Branch BOS', 'Company data'. */
export function dbLabel(db: string): string {
  if (db === MASTER_DB) return 'Company data';
  if (db === PAYROLL_DB) return 'Payroll';
  const code = branchCodeOfDb(db);
  if (code) return db.startsWith('files-') ? `Files of branch ${code}` : `Branch ${code}`;
  // A company-wide database a module declares ('transfers'): its name, as a word.
  return db.charAt(0).toUpperCase() + db.slice(1);
}

/** "Branch BOS is not synced while jane is signed in — 12 records waiting." */
export function heldBackText(d: Pick<DbSyncStatus, 'db' | 'heldBackFor' | 'pending'>): string {
  const who = d.heldBackFor ? `${d.heldBackFor} is` : 'this user is';
  const waiting =
    d.pending === 0 ? 'nothing waiting to be sent' : `${countOf(d.pending, 'record')} waiting`;
  return `${dbLabel(d.db)} is not synced while ${who} signed in — ${waiting}.`;
}
