import type { SyncState } from '../core/rpc/contract';

/** The words the status bar uses for each sync state; one place, so the Sync page agrees. */
export const SYNC_STATE_TEXT: Record<SyncState, string> = {
  'not-configured': 'Not connected',
  offline: 'Offline',
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  'up-to-date': 'Up to date',
  paused: 'Paused',
  error: 'Sync error',
};

export const SYNC_STATE_COLOR: Record<SyncState, string> = {
  'not-configured': 'gray',
  offline: 'orange',
  connecting: 'blue',
  syncing: 'blue',
  'up-to-date': 'teal',
  paused: 'gray',
  error: 'red',
};

export function lastSyncText(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'Never synced';
  const then = new Date(iso);
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (seconds < 60) return 'Last sync: just now';
  if (seconds < 3600) return `Last sync: ${Math.round(seconds / 60)} min ago`;
  const sameDay = then.toDateString() === now.toDateString();
  return `Last sync: ${sameDay ? then.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : then.toLocaleString()}`;
}
