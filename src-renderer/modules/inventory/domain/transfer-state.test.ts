import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { receiptProblem, transferState } from './transfer-state';
import {
  transferDispatchSchema,
  transferReceiptSchema,
  type TransferDispatch,
  type TransferReceipt,
} from './transfer-schemas';

// New York sends Manila 12 chairs at 89.50 and 40.5 reams of paper at 4.12 (base currency).
const audit = {
  v: 1 as const,
  createdAt: '2026-03-02T09:15:00.000Z',
  createdBy: 'Bob Clerk',
  device: 'device:01JTESTDEVICE0000000000000',
  status: 'posted' as const,
  memo: '',
};
const dispatch: TransferDispatch = {
  ...audit,
  _id: 'transferDispatch:01JQ3V8K2M6N7P8R9S0T1V2W3X',
  type: 'transferDispatch',
  branch: 'NYC',
  number: 'NYC-A-TRF-000017',
  date: '2026-03-02',
  fromWarehouse: 'warehouse:NYC-MAIN',
  toBranch: 'MNL',
  lines: [
    { item: 'item:CHAIR-ERGO-BLK', qty: '12', unitCost: 8950 },
    { item: 'item:PAPER-A4-80G', qty: '40.5', unitCost: 412 },
  ],
};
let seq = 0;
function receipt(lines: [number, string][], opts: Partial<TransferReceipt> = {}): TransferReceipt {
  seq += 1;
  return {
    ...audit,
    _id: `transferReceipt:01JQ4000000000000000000${String(seq).padStart(3, '0')}`,
    type: 'transferReceipt',
    branch: 'MNL',
    toBranch: 'MNL',
    transfer: dispatch._id,
    warehouse: 'warehouse:MNL-MAIN',
    date: '2026-03-09',
    lines: lines.map(([line, qty]) => ({ line, qty })),
    closesShort: false,
    ...opts,
  };
}
const qtys = (s: ReturnType<typeof transferState>, key: 'received' | 'inTransit' | 'short') =>
  s.lines.map((l) => l[key] / 10_000);

describe('where a transfer stands', () => {
  it('is in transit, whole, until something arrives', () => {
    const s = transferState(dispatch, []);
    expect(s.status).toBe('dispatched');
    expect(qtys(s, 'inTransit')).toEqual([12, 40.5]);
    expect(s.inTransitValue).toBe(12 * 8950 + 16686); // 40.5 × 4.12 = 166.86
  });

  it('is partly received after a first delivery, received when everything came', () => {
    const first = receipt([[0, '10']]);
    const partly = transferState(dispatch, [first]);
    expect(partly.status).toBe('partlyReceived');
    expect(qtys(partly, 'inTransit')).toEqual([2, 40.5]);
    const done = transferState(dispatch, [
      first,
      receipt([
        [0, '2'],
        [1, '40.5'],
      ]),
    ]);
    expect(done.status).toBe('received');
    expect(done.inTransitValue).toBe(0);
    expect(qtys(done, 'short')).toEqual([0, 0]);
  });

  it('reports the shortage per line once the destination closes it short', () => {
    const s = transferState(dispatch, [
      receipt([[0, '10']]),
      receipt([[1, '38']], { closesShort: true, date: '2026-03-10' }),
    ]);
    expect(s).toMatchObject({ status: 'received', closedShort: true });
    expect(qtys(s, 'short')).toEqual([2, 2.5]);
    expect(qtys(s, 'inTransit')).toEqual([0, 0]);
    expect(s.shortValue).toBe(2 * 8950 + 1030);
  });

  it('does not count receipts of another transfer or written by another branch', () => {
    const s = transferState(dispatch, [
      receipt([[0, '12']], { branch: 'NYC', toBranch: 'NYC' }),
      receipt([[0, '12']], { transfer: 'transferDispatch:OTHER' }),
      receipt([[5, '1']]),
    ]);
    expect(s.status).toBe('dispatched');
    expect(s.ignored.map((i) => i.reason)).toEqual([
      expect.stringMatching(/recorded by branch NYC, but the goods were sent to MNL/),
      expect.stringMatching(/another transfer/),
      expect.stringMatching(/line 6 is not on transfer NYC-A-TRF-000017/),
    ]);
  });

  it('shows goods received twice offline as over, never hides them', () => {
    const s = transferState(dispatch, [receipt([[0, '12']]), receipt([[0, '12']])]);
    expect(s.lines[0]).toMatchObject({ received: 240_000, over: 120_000, inTransit: 0 });
    expect(s.status).toBe('partlyReceived');
  });

  it('is the same whatever order the receipts synced in', () => {
    const pool = [
      receipt([[0, '3']]),
      receipt([[1, '0.5']], { date: '2026-03-08' }),
      receipt(
        [
          [0, '4'],
          [1, '20'],
        ],
        { closesShort: true, date: '2026-03-11' },
      ),
      receipt([[1, '7.25']], { closesShort: true, date: '2026-03-11' }),
      receipt([[0, '1']], { branch: 'NYC', toBranch: 'NYC' }),
    ];
    const expected = transferState(dispatch, pool);
    expect(expected.closedBy).toBe(pool[2]!._id);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), (order) => {
        expect(transferState(dispatch, order)).toEqual(expected);
      }),
    );
  });
});

describe('recording a receipt', () => {
  const input = (lines: [number, string][], closesShort = false, branch = 'MNL') => ({
    transfer: dispatch._id,
    branch,
    lines: lines.map(([line, qty]) => ({ line, qty })),
    closesShort,
  });

  it('is for the destination only', () => {
    expect(receiptProblem(dispatch, [], input([[0, '12']]))).toBeNull();
    expect(receiptProblem(dispatch, [], input([[0, '12']], false, 'NYC'))).toBe(
      'Transfer NYC-A-TRF-000017 goes to branch MNL; only MNL can record what arrived.',
    );
  });

  it('refuses more than is still on the way, naming how much is', () => {
    const first = receipt([[0, '11']]);
    expect(receiptProblem(dispatch, [first], input([[0, '2']]))).toBe(
      'Line 1: 2 received, but only 1 is still on the way.',
    );
    expect(receiptProblem(dispatch, [], input([[1, '40.5001']]))).toBe(
      'Line 2: 40.5001 received, but only 40.5 are still on the way.',
    );
    expect(receiptProblem(dispatch, [], input([[2, '1']]))).toMatch(/Line 3 is not on/);
    expect(
      receiptProblem(
        dispatch,
        [],
        input([
          [0, '1'],
          [0, '2'],
        ]),
      ),
    ).toMatch(/appears twice/);
    expect(receiptProblem(dispatch, [], input([[0, 'ten']]))).toMatch(/above zero/);
    expect(receiptProblem(dispatch, [], input([]))).toMatch(/close the transfer as short/);
    expect(receiptProblem(dispatch, [], input([], true))).toBeNull();
  });

  it('refuses anything after the transfer was received in full or closed short', () => {
    const all = receipt([
      [0, '12'],
      [1, '40.5'],
    ]);
    expect(receiptProblem(dispatch, [all], input([[0, '1']]))).toMatch(/received already/);
    const closed = receipt([[0, '1']], { closesShort: true });
    expect(receiptProblem(dispatch, [closed], input([[0, '1']]))).toMatch(/closed as short/);
  });
});

describe('transfer documents', () => {
  it('accept a realistic dispatch and receipt', () => {
    expect(transferDispatchSchema.safeParse(dispatch).success).toBe(true);
    expect(transferReceiptSchema.safeParse(receipt([[0, '12']])).success).toBe(true);
  });

  it('refuse a transfer to its own branch and a receipt recorded for another branch', () => {
    const self = transferDispatchSchema.safeParse({ ...dispatch, toBranch: 'NYC' });
    expect(self.error?.issues[0]?.message).toMatch(/another branch/);
    const elsewhere = transferReceiptSchema.safeParse({ ...receipt([]), branch: 'NYC' });
    expect(elsewhere.error?.issues.map((i) => i.message)).toContain(
      'A receipt is recorded by the branch the goods were sent to.',
    );
    const draft = transferDispatchSchema.safeParse({ ...dispatch, status: 'draft' });
    expect(draft.success).toBe(false);
    const noLines = transferDispatchSchema.safeParse({ ...dispatch, lines: [] });
    expect(noLines.error?.issues[0]?.message).toBe('Add at least one line.');
  });
});
