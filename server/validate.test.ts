import { describe, expect, it } from 'vitest';
import { branchFields, deviceFields } from './test-docs';
import { compileValidateFunction, runValidate, validateDocUpdateSource } from './design/validate';
import type { UserCtx, ValidateOptions } from './design/validate';

// The validate_doc_update source evaluated in Node exactly as stored in the design doc:
// no imports, ES5 only, so it also runs on CouchDB 3.x.

const user = (roles: string[], name = 'someone'): UserCtx => ({ name, roles });
const check = (
  opts: ValidateOptions,
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  ctx: UserCtx,
) => runValidate(compileValidateFunction(validateDocUpdateSource(opts)), newDoc, oldDoc, ctx, {});

const MASTER: ValidateOptions = { kind: 'master' };
const NYC: ValidateOptions = { kind: 'branch', branch: 'NYC' };
const NYC_FILES: ValidateOptions = { kind: 'files', branch: 'nyc' };
const PAYROLL: ValidateOptions = { kind: 'payroll' };

const sale = { _id: 'sale:1', type: 'sale', v: 1, branch: 'NYC' };
const company = { _id: 'branch:BOS', type: 'branch', v: 1, branch: '*', ...branchFields('BOS') };

describe('validate_doc_update source', () => {
  it('is plain ES5 without anything captured from TypeScript', () => {
    const src = validateDocUpdateSource(NYC);
    expect(src.startsWith('function (newDoc, oldDoc, userCtx, secObj)')).toBe(true);
    expect(src).not.toMatch(/=>|\blet\b|\bconst\b|`/);
    expect(src).toContain('var BRANCH = "NYC"');
  });

  it('needs a branch code for branch and files databases', () => {
    expect(() => validateDocUpdateSource({ kind: 'branch' })).toThrow(/branch code/);
  });

  it('lets server admins (_admin) write anything', () => {
    expect(check(MASTER, { _id: 'x' }, null, user(['_admin'])).ok).toBe(true);
  });

  it('asks anonymous writers to sign in (unauthorized)', () => {
    expect(check(NYC, sale, null, { name: null, roles: [] })).toMatchObject({
      ok: false,
      error: 'unauthorized',
    });
  });

  it('requires a type and a positive integer schema version', () => {
    const clerk = user(['clerk', 'branch:NYC']);
    expect(check(NYC, sale, null, clerk).ok).toBe(true);
    for (const bad of [
      { ...sale, type: '' },
      { ...sale, type: undefined },
      { ...sale, v: 0 },
      { ...sale, v: 1.5 },
      { ...sale, v: '1' },
    ]) {
      expect(check(NYC, bad, null, clerk)).toEqual({
        ok: false,
        error: 'forbidden',
        reason: 'Every document needs a type and a schema version (v).',
      });
    }
  });

  it('keeps master documents company-wide and branch documents in their branch', () => {
    const hq = user(['hq']);
    expect(check(MASTER, company, null, hq).ok).toBe(true);
    expect(check(MASTER, { ...company, branch: 'NYC' }, null, hq)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/"\*"/),
    });
    expect(check(NYC, sale, null, hq).ok).toBe(true);
    expect(check(NYC, { ...sale, branch: 'BOS' }, null, hq)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/BOS.*NYC/),
    });
    expect(check(NYC_FILES, { ...sale, type: 'file' }, null, hq).ok).toBe(true);
    expect(check(NYC_FILES, { ...sale, type: 'file', branch: '*' }, null, hq).ok).toBe(false);
  });

  it('refuses changes to and deletion of posted documents', () => {
    const admin = user(['admin']);
    const posted = { ...sale, _rev: '1-a', status: 'posted' };
    expect(check(NYC, { ...posted, amount: 2 }, posted, admin)).toEqual({
      ok: false,
      error: 'forbidden',
      reason: 'This document is posted and cannot be changed; post a correcting entry instead.',
    });
    expect(check(NYC, { _id: sale._id, _rev: '1-a', _deleted: true }, posted, admin)).toMatchObject(
      { ok: false, reason: /cannot be deleted/ },
    );
    expect(check(NYC, { ...posted, _deleted: true }, null, admin)).toMatchObject({
      ok: false,
      reason: /cannot be deleted/,
    });
    // A draft may be edited and deleted.
    const draft = { ...sale, _rev: '1-a', status: 'draft' };
    expect(check(NYC, { ...draft, status: 'posted' }, draft, admin).ok).toBe(true);
    expect(check(NYC, { _id: sale._id, _rev: '1-a', _deleted: true }, draft, admin).ok).toBe(true);
  });

  it('lets only admin or head office change master data, except registering a new device', () => {
    const clerk = user(['clerk', 'branch:NYC']);
    expect(check(MASTER, company, null, user(['admin'])).ok).toBe(true);
    expect(check(MASTER, company, null, clerk)).toEqual({
      ok: false,
      error: 'forbidden',
      reason: 'Only an administrator or head office may change company master data (branch).',
    });
    const device = { _id: 'device:NYC:B', type: 'device', v: 1, branch: '*', ...deviceFields() };
    expect(check(MASTER, device, null, clerk).ok).toBe(true);
    expect(
      check(MASTER, { ...device, label: 'x' }, { ...device, _rev: '1-a' }, clerk),
    ).toMatchObject({ ok: false, reason: /\(device\)/ });
    expect(
      check(MASTER, { _id: 'branch:BOS', _deleted: true }, { ...company, _rev: '1-a' }, clerk),
    ).toMatchObject({ ok: false, reason: /\(branch\)/ });
  });

  it('lets only people of the branch, head office or admins write branch data', () => {
    expect(check(NYC, sale, null, user(['clerk', 'branch:NYC'])).ok).toBe(true);
    expect(check(NYC, sale, null, user(['hq'])).ok).toBe(true);
    expect(check(NYC, sale, null, user(['admin'])).ok).toBe(true);
    expect(check(NYC, sale, null, user(['clerk', 'branch:BOS']))).toMatchObject({
      ok: false,
      error: 'forbidden',
      reason: /branch NYC/,
    });
  });

  it('lets only payroll staff or admins write payroll', () => {
    const slip = { _id: 'payslip:1', type: 'payslip', v: 1, branch: '*' };
    expect(check(PAYROLL, slip, null, user(['payroll'])).ok).toBe(true);
    expect(check(PAYROLL, slip, null, user(['admin'])).ok).toBe(true);
    expect(check(PAYROLL, slip, null, user(['hq']))).toMatchObject({
      ok: false,
      reason: /payroll/,
    });
  });

  it('fails closed when a validate function throws something unexpected', () => {
    const fn = compileValidateFunction('function () { null.x; }');
    expect(runValidate(fn, {}, null, user([]), {})).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });
});
