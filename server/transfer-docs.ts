import { randomBytes } from 'node:crypto';

/**
 * Realistic inter-branch transfer documents for the server tests, as the Inventory module
 * writes them (modules/inventory/domain/transfer-schemas.ts): New York sends Manila two lines.
 */
const hex = () => randomBytes(13).toString('hex').toUpperCase().slice(0, 26);

export function dispatchDoc(from = 'NYC', to = 'MNL'): Record<string, unknown> & { _id: string } {
  return {
    _id: `transferDispatch:${hex()}`,
    type: 'transferDispatch',
    v: 1,
    branch: from,
    createdAt: '2026-03-02T09:15:00.000Z',
    createdBy: 'Bob Clerk',
    device: 'device:01JTESTDEVICE0000000000000',
    number: `${from}-A-TRF-000017`,
    date: '2026-03-02',
    fromWarehouse: `warehouse:${from}-MAIN`,
    toBranch: to,
    lines: [
      { item: 'item:CHAIR-ERGO-BLK', qty: '12', unitCost: 8950 },
      { item: 'item:PAPER-A4-80G', qty: '40.5', unitCost: 412 },
    ],
    memo: 'Office fit-out, Manila',
    status: 'posted',
  };
}

export function receiptDoc(
  dispatch: { _id: string; toBranch?: unknown },
  branch = String(dispatch.toBranch),
): Record<string, unknown> & { _id: string } {
  return {
    _id: `transferReceipt:${hex()}`,
    type: 'transferReceipt',
    v: 1,
    branch,
    createdAt: '2026-03-09T02:40:00.000Z',
    createdBy: 'Maria Santos',
    device: 'device:01JTESTDEVICE0000000000001',
    transfer: dispatch._id,
    toBranch: branch,
    warehouse: `warehouse:${branch}-MAIN`,
    date: '2026-03-09',
    lines: [{ line: 0, qty: '10' }],
    closesShort: false,
    memo: '',
    status: 'posted',
  };
}
