import { describe, expect, it } from 'vitest';
import { docRules, requiredFields } from './design/doc-rules';
import { compileValidateFunction, runValidate, validateDocUpdateSource } from './design/validate';
import { journalEntrySchema } from '../src-renderer/modules/accounts/domain/schemas';
import { branchFields } from './test-docs';

const clerk = { name: 'bob', roles: ['clerk', 'branch:NYC'] };
const hq = { name: 'alice', roles: ['hq'] };
const check = (kind: 'master' | 'branch', doc: Record<string, unknown>, ctx = clerk) =>
  runValidate(
    compileValidateFunction(
      validateDocUpdateSource(kind === 'branch' ? { kind, branch: 'NYC' } : { kind }),
    ),
    doc,
    null,
    ctx,
    {},
  );

const entry = {
  _id: 'journalEntry:01JTEST0000000000000000000',
  type: 'journalEntry',
  v: 1,
  branch: 'NYC',
  createdAt: '2026-04-02T10:00:00.000Z',
  createdBy: 'Bob',
  device: 'device:01JTESTDEVICE0000000000000',
  number: 'NYC-B-JE-000001',
  date: '2026-04-02',
  memo: 'Rent',
  reference: '',
  status: 'posted',
  kind: 'manual',
  currency: 'USD',
  rate: '1',
  lines: [],
  reverses: null,
  postedAt: null,
  postedBy: null,
};

describe('server rules derived from the app schemas', () => {
  it('lists the fields each type must carry, from its zod schema', () => {
    const rules = docRules();
    expect(rules.journalEntry).toMatchObject({ home: 'branch', version: 1 });
    expect(rules.journalEntry!.required).toEqual(
      expect.arrayContaining(['date', 'status', 'currency', 'lines', 'createdBy', 'device']),
    );
    // Fields with a default may be left out.
    expect(rules.journalEntry!.required).not.toContain('memo');
    expect(requiredFields(journalEntrySchema)).toEqual(rules.journalEntry!.required);
    expect(rules.account!.required).toEqual(
      expect.arrayContaining(['code', 'name', 'kind', 'subtype']),
    );
    expect(rules.branch!.home).toBe('master');
  });

  it('accepts a complete document and refuses one missing a required field, naming it', () => {
    expect(check('branch', entry).ok).toBe(true);
    const { date: _d, ...noDate } = entry;
    expect(check('branch', noDate)).toEqual({
      ok: false,
      error: 'forbidden',
      reason: 'This journalEntry is missing "date", which every journalEntry must have.',
    });
  });

  it('keeps each type in its kind of database', () => {
    expect(check('master', { ...entry, branch: '*' }, hq)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/belongs in a branch database/),
    });
    expect(
      check(
        'branch',
        { _id: 'branch:X', type: 'branch', v: 1, branch: 'NYC', ...branchFields('LON') },
        hq,
      ),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/master data and belongs in the master database/),
    });
  });

  it('lets types and versions it does not know through, so newer offices keep syncing', () => {
    // A type no module of this build registers (stockMove was the example until Inventory did).
    expect(check('branch', { _id: 'fleetTrip:1', type: 'fleetTrip', v: 1, branch: 'NYC' }).ok).toBe(
      true,
    );
    const { date: _d, ...v2 } = entry;
    expect(check('branch', { ...v2, v: 2 }).ok).toBe(true);
  });
});

describe('the server knows every type the app writes', () => {
  it("lists the same document types as the running app's registry (banking and forgery reports included)", async () => {
    // The registry the worker builds from the one list of modules: what devices really write.
    const { startAppDevice } = await import('../src-renderer/modules/testing');
    const { ACME_INPUT } = await import('../src-renderer/core/testing/node-core');
    const device = await startAppDevice();
    try {
      await device.call('setup.createCompany', ACME_INPUT);
      const app = device.core.session()!.registry.types().sort();
      expect(Object.keys(docRules()).sort()).toEqual(app);
      expect(app).toEqual(
        expect.arrayContaining([
          'bankStatement',
          'bankMatch',
          'bankImportProfile',
          'forgeryReport',
        ]),
      );
    } finally {
      await device.close();
    }
  });
});
