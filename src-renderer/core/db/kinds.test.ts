import { describe, expect, it } from 'vitest';
import {
  BRANCH_KIND,
  CORE_KINDS,
  databaseName,
  deviceHolds,
  MASTER_KIND,
  mayUse,
  parseDatabaseName,
  readerRoles,
  writerRoles,
  type DatabaseKind,
} from './kinds';
import { ALL_ROLES } from '../roles';

// A company-wide kind for a few roles and a per-branch one, as Payroll and Files declare theirs.
const PAYROLL: DatabaseKind = {
  kind: 'payroll',
  scope: 'company',
  readers: ['payroll'],
  writers: ['payroll'],
  docBranch: 'any',
  whoMayWrite: 'Only payroll staff',
};
const FILES: DatabaseKind = {
  kind: 'files',
  scope: 'branch',
  readers: ['hq'],
  writers: ['hq'],
  branchMembers: true,
  docBranch: 'own',
  whoMayWrite: 'Only members',
};
// Company-wide, read by everyone, each document written by its own branch (as transfers are).
const SHARED: DatabaseKind = {
  kind: 'transfers',
  scope: 'company',
  readers: ALL_ROLES,
  writers: [],
  docBranch: 'member',
  whoMayWrite: 'Only the branch a record belongs to',
};
const KINDS = [...CORE_KINDS, PAYROLL, FILES, SHARED];

const hq = { roles: ['hq'] };
const clerk = { roles: ['clerk', 'branch:BOS'] };
const payrollStaff = { roles: ['payroll', 'branch:NYC'] };

describe('database kinds', () => {
  it('name each database and read the name back', () => {
    expect(databaseName(MASTER_KIND)).toBe('master');
    expect(databaseName(FILES, 'NYC')).toBe('files-nyc');
    expect(databaseName(PAYROLL)).toBe('payroll');
    expect(() => databaseName(BRANCH_KIND)).toThrow(/name a branch/);
    expect(parseDatabaseName(KINDS, 'files-nyc')).toEqual({ kind: FILES, branch: 'NYC' });
    expect(parseDatabaseName(KINDS, 'payroll')).toEqual({ kind: PAYROLL, branch: null });
    expect(parseDatabaseName(KINDS, 'files-')).toBeNull();
    expect(parseDatabaseName(KINDS, 'mystery')).toBeNull();
  });

  it('give the server its readers and writers, administrators always among them', () => {
    expect(readerRoles(BRANCH_KIND, 'NYC')).toEqual(['branch:NYC', 'hq', 'admin']);
    expect(readerRoles(PAYROLL, null)).toEqual(['payroll', 'admin']);
    expect(writerRoles(MASTER_KIND, null)).toEqual(['hq', 'admin']);
    expect(readerRoles(MASTER_KIND, null)).toEqual([
      'admin',
      'hq',
      'manager',
      'bookkeeper',
      'clerk',
      'payroll',
    ]);
  });

  it('let a user use what the declaration allows, and nothing else', () => {
    expect(mayUse(KINDS, clerk, 'files-bos', 'write')).toBe(true);
    expect(mayUse(KINDS, clerk, 'files-nyc', 'read')).toBe(false);
    expect(mayUse(KINDS, hq, 'payroll', 'read')).toBe(false);
    expect(mayUse(KINDS, payrollStaff, 'payroll', 'write')).toBe(true);
    expect(mayUse(KINDS, { roles: ['admin'] }, 'payroll', 'write')).toBe(true);
  });

  it("let any branch's member write a per-member database, the server deciding per document", () => {
    expect(mayUse(KINDS, clerk, 'transfers', 'write')).toBe(true);
    expect(mayUse(KINDS, clerk, 'transfers', 'read')).toBe(true);
    // Head office without a branch of its own writes no branch's part.
    expect(mayUse(KINDS, hq, 'transfers', 'write')).toBe(false);
    expect(mayUse(KINDS, hq, 'transfers', 'read')).toBe(true);
    expect(writerRoles(SHARED, null)).toEqual(['admin']);
  });
});

describe('which databases a device holds', () => {
  it('its own branch always, other branches for head office and their members', () => {
    expect(deviceHolds(FILES, 'NYC', clerk, 'NYC')).toBe(true);
    expect(deviceHolds(FILES, 'BOS', clerk, 'NYC')).toBe(true);
    expect(deviceHolds(BRANCH_KIND, 'LON', clerk, 'NYC')).toBe(false);
    expect(deviceHolds(BRANCH_KIND, 'LON', hq, 'NYC')).toBe(true);
  });

  it('payroll only where payroll staff or an administrator is signed in', () => {
    expect(deviceHolds(PAYROLL, null, payrollStaff, 'NYC')).toBe(true);
    expect(deviceHolds(PAYROLL, null, hq, 'NYC')).toBe(false);
    expect(deviceHolds(PAYROLL, null, clerk, 'NYC')).toBe(false);
    // A shared desktop after a sign-out: nobody's rights apply, so payroll is not held…
    expect(deviceHolds(PAYROLL, null, null, 'NYC', false)).toBe(false);
    expect(deviceHolds(MASTER_KIND, null, null, 'NYC', false)).toBe(true);
    expect(deviceHolds(BRANCH_KIND, 'LON', null, 'NYC', false)).toBe(false);
    // …while a device that never used a server is one office keeping everything itself.
    expect(deviceHolds(PAYROLL, null, null, 'NYC', true)).toBe(true);
  });

  it('a database every member reads on every device, signed in or not', () => {
    for (const user of [clerk, hq, payrollStaff, null])
      expect(deviceHolds(SHARED, null, user, 'NYC', false)).toBe(true);
  });
});
