import { describe, expect, it } from 'vitest';
import { describeSyncError } from './describe-error';

const ctx = { serverUrl: 'http://10.0.0.5:5984', remoteName: 'acme-branch-nyc' };

describe('sync errors in a clerk’s words', () => {
  it('tells a wrong password apart from a refused database, a missing one and a server fault', () => {
    expect(describeSyncError({ status: 401, name: 'unauthorized' }, ctx)).toMatchObject({ kind: 'auth', message: expect.stringMatching(/username or password/) });
    expect(describeSyncError({ status: 403, name: 'forbidden' }, ctx)).toMatchObject({ kind: 'denied', message: expect.stringMatching(/acme-branch-nyc.*administrator/) });
    expect(describeSyncError({ status: 404 }, ctx)).toMatchObject({ kind: 'not-found' });
    expect(describeSyncError({ status: 503 }, ctx)).toMatchObject({ kind: 'server', message: expect.stringMatching(/safe on this computer/) });
  });

  it('says the server cannot be reached when the request never got an answer', () => {
    const p = describeSyncError(new TypeError('Failed to fetch'), ctx);
    expect(p.kind).toBe('network');
    expect(p.message).toContain('http://10.0.0.5:5984');
    expect(p.message).not.toMatch(/TypeError|fetch/);
  });
});
