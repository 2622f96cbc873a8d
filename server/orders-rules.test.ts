import { describe, expect, it } from 'vitest';
import { docRules } from './design/doc-rules';
import { compileValidateFunction, runValidate, validateDocUpdateSource } from './design/validate';
import {
  orderCloseSchema,
  purchaseOrderSchema,
} from '../src-renderer/modules/inventory/domain/orders-schema';

/**
 * Server rules for purchase and sales orders, from the same registry the app writes with: a
 * branch member writes and edits a draft order of their branch and confirms it; a confirmed
 * order is posted and never edited or deleted; closing it is a fact of its own.
 */
const clerkNyc = { name: 'bob', roles: ['clerk', 'branch:NYC'] };
const clerkBos = { name: 'carol', roles: ['clerk', 'branch:BOS'] };
const nycBranch = compileValidateFunction(
  validateDocUpdateSource({ kind: 'branch', branch: 'NYC' }),
);
const master = compileValidateFunction(validateDocUpdateSource({ kind: 'master' }));

const audit = {
  branch: 'NYC',
  createdAt: '2026-03-02T14:05:00.000Z',
  createdBy: 'Bob Clerk',
  device: 'device:01JTESTDEVICE0000000000000',
};
// Parsed by the app's own schemas, so the test documents are what a device really writes.
const draft = purchaseOrderSchema.parse({
  _id: 'purchaseOrder:01JTESTPO0000000000000000',
  type: 'purchaseOrder',
  v: 1,
  ...audit,
  status: 'draft',
  partyId: 'party:01JTESTSUPPLIER00000000000',
  date: '2026-03-02',
  currency: 'USD',
  warehouse: 'warehouse:01JTESTWH000000000000000',
  lines: [
    {
      item: 'item:01JTESTITEM0000000000000',
      qty: '10',
      unit: 'bag',
      factor: '1',
      unitPrice: 1000,
    },
  ],
}) as unknown as Record<string, unknown>;
const confirmed = {
  ...draft,
  _rev: '2-b',
  status: 'posted',
  number: 'NYC-A-PO-000001',
  confirmedAt: '2026-03-02T15:00:00.000Z',
};
const close = orderCloseSchema.parse({
  _id: 'orderClose:01JTESTCLOSE000000000000',
  type: 'orderClose',
  v: 1,
  ...audit,
  order: draft._id,
  date: '2026-03-31',
  reason: 'Supplier out of stock',
  status: 'posted',
}) as unknown as Record<string, unknown>;

describe('server rules for orders', () => {
  it('knows the order types, their home and which is a fact', () => {
    const rules = docRules();
    for (const type of ['purchaseOrder', 'salesOrder', 'orderClose'])
      expect(rules[type], type).toMatchObject({ home: 'branch', version: 1 });
    expect(rules.purchaseOrder!.required).toEqual(
      expect.arrayContaining(['partyId', 'date', 'currency', 'warehouse', 'lines', 'status']),
    );
    expect(rules.purchaseOrder!.fact).toBeUndefined();
    expect(rules.salesOrder!.fact).toBeUndefined();
    expect(rules.orderClose!.fact).toBe(true);
  });

  it('a branch member writes and edits a draft order, then confirms it', () => {
    expect(runValidate(nycBranch, draft, null, clerkNyc, {})).toEqual({ ok: true });
    const saved = { ...draft, _rev: '1-a' };
    const edited = { ...saved, memo: 'Deliver to the back door' };
    expect(runValidate(nycBranch, edited, saved, clerkNyc, {})).toEqual({ ok: true });
    expect(runValidate(nycBranch, confirmed, saved, clerkNyc, {})).toEqual({ ok: true });
  });

  it('a confirmed order is never edited or deleted, even by head office', () => {
    const hq = { name: 'alice', roles: ['hq'] };
    expect(
      runValidate(nycBranch, { ...confirmed, memo: 'more' }, confirmed, clerkNyc, {}),
    ).toMatchObject({
      ok: false,
      reason: 'This document is posted and cannot be changed; post a correcting entry instead.',
    });
    const gone = { _id: draft._id, _rev: '2-b', _deleted: true };
    expect(runValidate(nycBranch, gone, confirmed, hq, {})).toMatchObject({
      ok: false,
      reason: 'A posted document cannot be deleted; post a correcting entry instead.',
    });
  });

  it('closing is a fact: saved posted, never changed; another branch writes no order here', () => {
    expect(runValidate(nycBranch, close, null, clerkNyc, {})).toEqual({ ok: true });
    expect(runValidate(nycBranch, { ...close, status: 'draft' }, null, clerkNyc, {})).toMatchObject(
      {
        ok: false,
        reason: 'A orderClose is recorded once and never edited: save it with status "posted".',
      },
    );
    expect(runValidate(nycBranch, draft, null, clerkBos, {})).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not assigned to branch NYC/),
    });
    expect(runValidate(master, { ...draft, branch: '*' }, null, clerkNyc, {})).toMatchObject({
      ok: false,
      reason: 'A purchaseOrder belongs in a branch database.',
    });
  });
});
