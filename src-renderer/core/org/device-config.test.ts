import { describe, expect, it } from 'vitest';
import { mayWriteDb as mayWriteWith, maySync as maySyncWith } from './device-config';
import { CORE_KINDS, type DatabaseKind } from '../db/kinds';

// Kinds a module declares (as Payroll and Files do): the rules come from the declaration alone.
const KINDS: DatabaseKind[] = [
  ...CORE_KINDS,
  {
    kind: 'payroll',
    scope: 'company',
    readers: ['payroll'],
    writers: ['payroll'],
    docBranch: 'any',
    whoMayWrite: 'Only payroll staff',
  },
  {
    kind: 'files',
    scope: 'branch',
    readers: ['hq'],
    writers: ['hq'],
    branchMembers: true,
    docBranch: 'own',
    whoMayWrite: 'Only members',
  },
];
const maySync = (user: { name: string; roles: string[] } | null, db: string) =>
  maySyncWith(user, db, KINDS);
const mayWriteDb = (user: { name: string; roles: string[] } | null, db: string) =>
  mayWriteWith(user, db, KINDS);

/** Which databases a signed-in user syncs: the same rule as the server's `_security`. */
describe('maySync', () => {
  const admin = { name: 'alice', roles: ['admin', 'branch:NYC'] };
  const hq = { name: 'hank', roles: ['hq'] };
  const clerk = { name: 'jane', roles: ['clerk', 'branch:NYC'] };
  const payroll = { name: 'pat', roles: ['payroll', 'branch:NYC'] };

  it('head office and administrators sync every branch', () => {
    for (const u of [admin, hq])
      for (const db of ['master', 'branch-nyc', 'branch-bos', 'files-bos'])
        expect(maySync(u, db)).toBe(true);
  });

  it('a clerk syncs master and their own branch only', () => {
    expect(maySync(clerk, 'master')).toBe(true);
    expect(maySync(clerk, 'branch-nyc')).toBe(true);
    expect(maySync(clerk, 'files-nyc')).toBe(true);
    expect(maySync(clerk, 'branch-bos')).toBe(false);
    expect(maySync(clerk, 'payroll')).toBe(false);
  });

  it('payroll is for payroll staff and administrators', () => {
    expect(maySync(payroll, 'payroll')).toBe(true);
    expect(maySync(admin, 'payroll')).toBe(true);
    expect(maySync(hq, 'payroll')).toBe(false);
  });

  it('an unknown user (never signed in) holds nothing back: the server decides', () => {
    expect(maySync(null, 'branch-bos')).toBe(true);
  });
});

/** Whose writes the server takes: the same rule as validate_doc_update (forgeries are corrected only by them). */
describe('mayWriteDb', () => {
  const admin = { name: 'alice', roles: ['admin'] };
  const hq = { name: 'hank', roles: ['hq'] };
  const clerk = { name: 'jane', roles: ['clerk', 'branch:NYC'] };
  const payroll = { name: 'pat', roles: ['payroll'] };

  it('master data is written by administrators and head office only, though every member reads it', () => {
    expect(mayWriteDb(admin, 'master')).toBe(true);
    expect(mayWriteDb(hq, 'master')).toBe(true);
    expect(mayWriteDb(clerk, 'master')).toBe(false);
    expect(maySync(clerk, 'master')).toBe(true);
  });

  it('a branch is written by its members, head office and administrators', () => {
    expect(mayWriteDb(clerk, 'branch-nyc')).toBe(true);
    expect(mayWriteDb(clerk, 'branch-bos')).toBe(false);
    expect(mayWriteDb(hq, 'branch-bos')).toBe(true);
    expect(mayWriteDb(payroll, 'payroll')).toBe(true);
    expect(mayWriteDb(hq, 'payroll')).toBe(false);
  });

  it('a database the app does not know is read if the server allows, never written', () => {
    expect(maySync(clerk, 'mystery')).toBe(true);
    expect(mayWriteDb(clerk, 'mystery')).toBe(false);
  });
});
