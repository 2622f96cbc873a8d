import { describe, expect, it } from 'vitest';
import { describeSyncError } from './describe-error';

const ctx = { serverUrl: 'http://10.0.0.5:5984', remoteName: 'acme-branch-nyc' };

describe('sync errors in a clerk’s words', () => {
  it('tells a wrong password apart from a refused database, a missing one and a server fault', () => {
    expect(describeSyncError({ status: 401, name: 'unauthorized' }, ctx)).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/username or password/),
    });
    expect(describeSyncError({ status: 403, name: 'forbidden' }, ctx)).toMatchObject({
      kind: 'denied',
      message: expect.stringMatching(/acme-branch-nyc.*administrator/),
    });
    expect(describeSyncError({ status: 404 }, ctx)).toMatchObject({ kind: 'not-found' });
    expect(describeSyncError({ status: 503 }, ctx)).toMatchObject({
      kind: 'server',
      message: expect.stringMatching(/safe on this computer/),
    });
  });

  it('says the server cannot be reached when the request never got an answer', () => {
    const p = describeSyncError(new TypeError('Failed to fetch'), ctx);
    expect(p.kind).toBe('network');
    expect(p.message).toContain('http://10.0.0.5:5984');
    expect(p.message).not.toMatch(/TypeError|fetch/);
  });

  it('recognises a CouchDB lockout and says to wait, not that the user lacks rights', () => {
    const locked = {
      status: 403,
      name: 'forbidden',
      reason: 'Account is temporarily locked due to multiple authentication failures',
    };
    const p = describeSyncError(locked, ctx);
    expect(p.kind).toBe('locked');
    expect(p.message).toMatch(/Too many wrong passwords.*Wait about 5 minutes/);
    expect(p.message).not.toMatch(/not allowed/);
    // A plain refusal is still a refusal.
    expect(
      describeSyncError(
        { status: 403, name: 'forbidden', reason: 'You are not allowed to access this db.' },
        ctx,
      ).kind,
    ).toBe('denied');
  });

  it('reads a 412 from the changes feed while a cluster node goes away as a busy server, not an unreachable one', () => {
    const p = describeSyncError(
      { status: 412, name: 'precondition_failed', reason: 'No DB shards could be opened.' },
      ctx,
    );
    expect(p.kind).toBe('server');
    expect(p.message).not.toMatch(/Cannot reach/);
    expect(p.message).toMatch(/try again/);
  });
});
