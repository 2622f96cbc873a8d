import { describe, expect, it } from 'vitest';
import type { DbSyncStatus, SyncProblem } from '../core/rpc/contract';
import { dbLabel, heldBackText, lastSyncText, SYNC_STATE_TEXT, syncStateText } from './status-text';

describe('status bar wording', () => {
  it('has a word for every sync state', () => {
    expect(SYNC_STATE_TEXT).toEqual({
      'not-configured': 'Not connected',
      offline: 'Offline',
      connecting: 'Connecting…',
      syncing: 'Syncing…',
      'up-to-date': 'Up to date',
      paused: 'Paused',
      error: 'Sync error',
      'not-synced': 'Not synced for this user',
    });
  });

  it('says plainly which database waits for which signed-in user, and how much', () => {
    expect(dbLabel('master')).toBe('Company data');
    expect(dbLabel('branch-bos')).toBe('Branch BOS');
    expect(dbLabel('files-nyc')).toBe('Files of branch NYC');
    expect(dbLabel('transfers')).toBe('Transfers');
    expect(heldBackText({ db: 'branch-bos', heldBackFor: 'Jane', pending: 12 })).toBe(
      'Branch BOS is not synced while Jane is signed in — 12 records waiting.',
    );
    expect(heldBackText({ db: 'branch-bos', heldBackFor: 'Jane', pending: 1 })).toBe(
      'Branch BOS is not synced while Jane is signed in — 1 record waiting.',
    );
    expect(heldBackText({ db: 'branch-nyc', heldBackFor: 'jane', pending: 0 })).toBe(
      'Branch NYC is not synced while jane is signed in — nothing waiting to be sent.',
    );
  });

  it('says how long ago the last sync was', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(lastSyncText(null, now)).toBe('Never synced');
    expect(lastSyncText('2026-11-25T11:59:30Z', now)).toBe('Last sync: just now');
    expect(lastSyncText('2026-11-25T11:45:00Z', now)).toBe('Last sync: 15 min ago');
    expect(lastSyncText('2026-11-20T08:00:00Z', now)).toMatch(/^Last sync: .*2026|^Last sync: .+/);
  });

  it('names the problem instead of "Offline" when the server refuses the app or the user is locked out', () => {
    const row = (state: DbSyncStatus['state'], error: SyncProblem | null): DbSyncStatus => ({
      db: 'master',
      remote: 'acme-master',
      state,
      pending: 0,
      lastSyncedAt: null,
      error,
      progress: null,
      refused: 0,
      heldBackFor: null,
    });
    const cors = {
      kind: 'cors' as const,
      message:
        'The sync server answered but does not allow this app (http://192.168.1.20:4173) to connect.',
    };
    expect(syncStateText({ state: 'error', databases: [row('error', cors)] })).toBe(
      'Server refuses this app (CORS)',
    );
    expect(
      syncStateText({
        state: 'error',
        databases: [row('error', { kind: 'locked', message: 'Too many wrong passwords' })],
      }),
    ).toBe('User locked for a few minutes');
    expect(
      syncStateText({
        state: 'error',
        databases: [row('error', { kind: 'server', message: 'busy' })],
      }),
    ).toBe('Server busy, retrying');
    expect(
      syncStateText({
        state: 'offline',
        databases: [row('offline', { kind: 'network', message: 'Cannot reach' })],
      }),
    ).toBe('Offline');
    expect(syncStateText({ state: 'up-to-date', databases: [row('up-to-date', null)] })).toBe(
      'Up to date',
    );
  });
});
