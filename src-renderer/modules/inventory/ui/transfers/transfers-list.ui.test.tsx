// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../../platform';
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

function mount(path: string) {
  const saveFile = vi.fn(async () => undefined);
  mountPage(<TransfersPage />, {
    path,
    route: '/inventory/transfers/*',
    locale: 'en-US',
    platform: { files: { saveFile } } as unknown as Platform,
  });
  return saveFile;
}

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

  it('shows goods in transit from and to branch names, in the CSV too with the codes', async () => {
    const saveFile = mount('/inventory/transfers/transit');
    const row = (await screen.findByRole('link', { name: 'NYC-A-TRF-000001' })).closest('tr')!;
    expect(within(row).getByText('New York')).toBeTruthy();
    expect(within(row).getByText('Boston')).toBeTruthy();
    expect(within(row).getByText('12 each')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const file = (saveFile.mock.calls[0] as unknown as [{ data: string }])[0];
    expect(file.data.split('\r\n').slice(0, 2)).toEqual([
      'Transfer,Sent,From,From code,To,To code,SKU,Item,Unit,On the way,Value (USD)',
      'NYC-A-TRF-000001,2026-03-02,New York,NYC,Boston,BOS,CHAIR-ERGO-BLK,"Ergonomic chair, black",each,12,1074.00',
    ]);
  });
});
