import { describe, expect, it } from 'vitest';
import { lastSyncText, SYNC_STATE_TEXT } from './status-text';

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
    });
  });

  it('says how long ago the last sync was', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(lastSyncText(null, now)).toBe('Never synced');
    expect(lastSyncText('2026-11-25T11:59:30Z', now)).toBe('Last sync: just now');
    expect(lastSyncText('2026-11-25T11:45:00Z', now)).toBe('Last sync: 15 min ago');
    expect(lastSyncText('2026-11-20T08:00:00Z', now)).toMatch(/^Last sync: .*2026|^Last sync: .+/);
  });
});
