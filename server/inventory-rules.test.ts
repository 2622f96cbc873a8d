import { describe, expect, it } from 'vitest';
import { docRules } from './design/doc-rules';
import { compileValidateFunction, runValidate, validateDocUpdateSource } from './design/validate';
import { itemSchema, stockMoveSchema } from '../src-renderer/modules/inventory/domain/schemas';

/**
 * Server rules for Inventory's types, from the same registry the app writes with: a branch
 * member records stock moves in their own branch and can never change one; items are master
 * data for head office and administrators.
 */
const clerkNyc = { name: 'bob', roles: ['clerk', 'branch:NYC'] };
const clerkBos = { name: 'carol', roles: ['clerk', 'branch:BOS'] };
const hq = { name: 'alice', roles: ['hq'] };
const nycBranch = compileValidateFunction(
  validateDocUpdateSource({ kind: 'branch', branch: 'NYC' }),
);
const master = compileValidateFunction(validateDocUpdateSource({ kind: 'master' }));

const audit = {
  createdAt: '2026-03-02T14:05:00.000Z',
  createdBy: 'Bob Clerk',
  device: 'device:01JTESTDEVICE0000000000000',
};
// Parsed by the app's own schema, so the test documents are what a device really writes.
const move = stockMoveSchema.parse({
  _id: 'stockMove:01JTESTMOVE00000000000000',
  type: 'stockMove',
  v: 1,
  branch: 'NYC',
  ...audit,
  kind: 'receipt',
  date: '2026-03-02',
  warehouse: 'warehouse:01JTESTWH000000000000000',
  reference: 'PO-101',
  status: 'posted',
  lines: [
    { item: 'item:01JTESTITEM0000000000000', qty: '8', unit: 'bag', factor: '1', unitCost: 1000 },
  ],
}) as unknown as Record<string, unknown>;
const item = itemSchema.parse({
  _id: 'item:01JTESTITEM0000000000000',
  type: 'item',
  v: 1,
  branch: '*',
  ...audit,
  sku: 'BEAN-1KG',
  name: 'Colombian coffee beans 1 kg',
  kind: 'stock',
  baseUnit: 'bag',
}) as unknown as Record<string, unknown>;

describe('server rules for inventory documents', () => {
  it('knows the new types, their home databases and required fields', () => {
    const rules = docRules();
    expect(rules.stockMove).toMatchObject({ home: 'branch', version: 1 });
    expect(rules.stockMove!.required).toEqual(
      expect.arrayContaining(['kind', 'date', 'warehouse', 'lines', 'status']),
    );
    for (const type of ['item', 'warehouse', 'reorderRule', 'priceList', 'inventorySettings'])
      expect(rules[type]?.home, type).toBe('master');
  });

  it('a branch member may record a stock move in their branch', () => {
    expect(runValidate(nycBranch, move, null, clerkNyc, {})).toEqual({ ok: true });
  });

  it('nobody but an administrator may edit or delete a stock move: it is a fact', () => {
    const saved = { ...move, _rev: '1-abc' };
    expect(
      runValidate(nycBranch, { ...saved, memo: 'typo fixed' }, saved, clerkNyc, {}),
    ).toMatchObject({
      ok: false,
      reason: 'This document is posted and cannot be changed; post a correcting entry instead.',
    });
    expect(
      runValidate(nycBranch, { _id: move._id, _rev: '1-abc', _deleted: true }, saved, hq, {}),
    ).toMatchObject({
      ok: false,
      reason: 'A posted document cannot be deleted; post a correcting entry instead.',
    });
  });

  it('a member of another branch may not record moves here, and a move missing its lines is refused', () => {
    expect(runValidate(nycBranch, move, null, clerkBos, {})).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not assigned to branch NYC/),
    });
    const { lines: _l, ...noLines } = move;
    expect(runValidate(nycBranch, noLines, null, clerkNyc, {})).toMatchObject({
      ok: false,
      reason: 'This stockMove is missing "lines", which every stockMove must have.',
    });
  });

  it('a branch member may not create items; head office may; items live in master only', () => {
    expect(runValidate(master, item, null, clerkNyc, {})).toMatchObject({ ok: false });
    expect(runValidate(master, item, null, hq, {})).toEqual({ ok: true });
    expect(runValidate(nycBranch, { ...item, branch: 'NYC' }, null, hq, {})).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/master data and belongs in the master database/),
    });
  });
});
