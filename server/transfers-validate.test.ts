import { describe, expect, it } from 'vitest';
import { compileValidateFunction, runValidate, validateDocUpdateSource } from './design/validate';
import type { UserCtx } from './design/validate';
import { docRules } from './design/doc-rules';
import { dispatchDoc, receiptDoc } from './transfer-docs';

// "Only the destination receives" (issue 12 item 3) as validate_doc_update decides it, run in
// Node exactly as stored in the transfers database's design document.

const fn = compileValidateFunction(validateDocUpdateSource({ kind: 'transfers' }));
const check = (
  doc: Record<string, unknown>,
  ctx: UserCtx,
  old: Record<string, unknown> | null = null,
) => runValidate(fn, doc, old, ctx, {});

const nycClerk: UserCtx = { name: 'bob', roles: ['clerk', 'branch:NYC'] };
const mnlClerk: UserCtx = { name: 'maria', roles: ['clerk', 'branch:MNL'] };
const hq: UserCtx = { name: 'hank', roles: ['hq'] };
const admin: UserCtx = { name: 'alice', roles: ['admin'] };

describe('the transfers database', () => {
  it('knows both transfer documents as facts, the receipt tied to its branch', () => {
    const rules = docRules();
    expect(rules.transferDispatch).toMatchObject({ home: 'transfers', fact: true });
    expect(rules.transferReceipt).toMatchObject({
      home: 'transfers',
      fact: true,
      sameAsBranch: ['toBranch'],
    });
    expect(rules.transferReceipt!.required).toEqual(
      expect.arrayContaining(['transfer', 'toBranch', 'warehouse', 'lines']),
    );
  });

  it('lets the source branch dispatch, and nobody else dispatch for it', () => {
    const d = dispatchDoc('NYC', 'MNL');
    expect(check(d, nycClerk).ok).toBe(true);
    expect(check(d, admin).ok).toBe(true);
    expect(check(d, mnlClerk)).toEqual({
      ok: false,
      error: 'forbidden',
      reason:
        'Only members of branch NYC may record this transferDispatch; you are not assigned to branch NYC.',
    });
    expect(check(dispatchDoc('MNL', 'NYC'), nycClerk)).toMatchObject({
      ok: false,
      reason: /branch MNL/,
    });
    expect(check(d, hq)).toMatchObject({ ok: false, reason: /branch NYC/ });
  });

  it('lets only the destination record a receipt', () => {
    const d = dispatchDoc('NYC', 'MNL');
    expect(check(receiptDoc(d), mnlClerk).ok).toBe(true);
    expect(check(receiptDoc(d), nycClerk)).toMatchObject({ ok: false, reason: /branch MNL/ });
    // Recorded under the writer's own branch while naming another destination.
    expect(check({ ...receiptDoc(d), branch: 'NYC' }, nycClerk)).toEqual({
      ok: false,
      error: 'forbidden',
      reason:
        'This transferReceipt is for branch "MNL" (toBranch), so it must be recorded as branch "MNL", not "NYC".',
    });
    expect(check({ ...receiptDoc(d), toBranch: undefined }, mnlClerk)).toMatchObject({
      ok: false,
    });
    // A newer version may change the receipt's shape; its branch rule still holds.
    expect(check({ ...receiptDoc(d), v: 2, toBranch: undefined }, mnlClerk).ok).toBe(true);
    expect(check({ ...receiptDoc(d), v: 2, branch: 'NYC' }, mnlClerk).ok).toBe(false);
  });

  it('needs a real branch on every document', () => {
    for (const branch of ['*', '', 'nyc', undefined]) {
      expect(check({ ...dispatchDoc(), branch }, admin)).toMatchObject({
        ok: false,
        reason: /must name the branch/,
      });
    }
  });

  it('refuses editing, deleting or re-branching a dispatch or receipt, and drafts of them', () => {
    const d = { ...dispatchDoc(), _rev: '1-a' };
    const r = { ...receiptDoc(d), _rev: '1-b' };
    for (const [old, who] of [
      [d, nycClerk],
      [r, mnlClerk],
    ] as const) {
      expect(check({ ...old, memo: 'changed' }, who, old)).toMatchObject({
        ok: false,
        reason: /posted and cannot be changed/,
      });
      expect(check({ _id: old._id, _rev: old._rev, _deleted: true }, admin, old)).toMatchObject({
        ok: false,
        reason: /cannot be deleted/,
      });
    }
    expect(check({ ...dispatchDoc(), status: 'draft' }, nycClerk)).toMatchObject({
      ok: false,
      reason: /recorded once and never edited/,
    });
  });

  it("never lets a branch take over or delete another branch's record", () => {
    // A record that is not a fact (a later type, or a forged draft): still only its branch's.
    const other = { _id: 'transferNote:1', type: 'transferNote', v: 1, branch: 'NYC', _rev: '1-a' };
    expect(check({ ...other, branch: 'MNL' }, mnlClerk, other)).toMatchObject({
      ok: false,
      reason: /branch NYC/,
    });
    expect(check({ _id: other._id, _deleted: true }, mnlClerk, other)).toMatchObject({
      ok: false,
      reason: /branch NYC/,
    });
    expect(check({ _id: other._id, _deleted: true }, nycClerk, other).ok).toBe(true);
    expect(check({ _id: 'x:1', _deleted: true }, nycClerk, null).ok).toBe(false);
  });
});
