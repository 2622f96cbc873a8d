// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { TransferView, TransitRow } from '../../rpc-contract';
import { readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { TransfersPage } from './TransfersPage';

/**
 * New York's transfers list and goods in transit: branches by name as a clerk knows them, with the
 * code only where two branches share a name (the worker words them; here they arrive worded).
 */
const transfer: TransferView = {
  id: 'transferDispatch:01J9TRF',
  number: 'NYC-A-TRF-000001',
  date: '2026-03-02',
  from: 'NYC',
  to: 'BOS',
  fromName: 'New York',
  toName: 'Boston',
  fromWarehouse: 'warehouse:NYC-MAIN',
  fromWarehouseCode: 'NYC-MAIN',
  memo: '',
  status: 'dispatched',
  closedShort: false,
  value: 107_400,
  inTransitValue: 107_400,
  shortValue: 0,
  lines: [],
  receipts: [],
  ignored: [],
};
const toCentral = {
  ...transfer,
  id: 'transferDispatch:01J9TRG',
  number: 'NYC-A-TRF-000002',
  to: 'LDN',
  toName: 'Central (LDN)',
};
const transit: TransitRow = {
  transfer: transfer.id,
  number: transfer.number,
  date: transfer.date,
  from: 'NYC',
  to: 'BOS',
  fromName: 'New York',
  toName: 'Boston',
  sku: 'CHAIR-ERGO-BLK',
  name: 'Ergonomic chair, black',
  unit: 'each',
  qty: '12',
  value: 107_400,
};

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['org.listBranches'] = () => [];
  core.responses['inventory.listTransfers'] = () => [transfer, toCentral];
  core.responses['inventory.goodsInTransit'] = () => ({ rows: [transit], total: 107_400 });
});
afterEach(() => {
  cleanup();
  core.reset();
});

const mount = (path: string) =>
  mountPage(<TransfersPage />, { path, route: '/inventory/transfers/*', locale: 'en-US' });

describe('transfers by branch name', () => {
  it('lists each transfer from and to branch names, never bare codes', async () => {
    mount('/inventory/transfers');
    const row = (await screen.findByRole('link', { name: 'NYC-A-TRF-000001' })).closest('tr')!;
    expect(within(row).getByText('New York')).toBeTruthy();
    expect(within(row).getByText('Boston')).toBeTruthy();
    expect(within(row).queryByText('BOS')).toBeNull();
    const other = screen.getByRole('link', { name: 'NYC-A-TRF-000002' }).closest('tr')!;
    expect(within(other).getByText('Central (LDN)')).toBeTruthy();
  });

  it('shows goods in transit from and to branch names', async () => {
    mount('/inventory/transfers/transit');
    const row = (await screen.findByRole('link', { name: 'NYC-A-TRF-000001' })).closest('tr')!;
    expect(within(row).getByText('New York')).toBeTruthy();
    expect(within(row).getByText('Boston')).toBeTruthy();
    expect(within(row).getByText('12 each')).toBeTruthy();
  });
});
