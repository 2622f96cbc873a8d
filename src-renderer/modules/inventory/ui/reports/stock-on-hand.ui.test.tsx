// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { beans, filters, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { StockOnHandReport } from './StockOnHandReport';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['org.listBranches'] = () => [{ code: 'NYC', name: 'New York' }];
  core.responses['inventory.listWarehouses'] = () => [mainStore];
  core.responses['inventory.stockOnHand'] = () => [
    {
      item: beans._id,
      sku: 'BEAN-1KG',
      name: 'Coffee beans 1 kg',
      unit: 'bag',
      warehouse: mainStore._id,
      warehouseCode: 'NYC-MAIN',
      branch: 'NYC',
      qty: '1234.5',
      value: 1_049_325,
    },
    {
      item: filters._id,
      sku: 'FILT-100',
      name: 'Paper filters (100)',
      unit: 'pack',
      warehouse: mainStore._id,
      warehouseCode: 'NYC-MAIN',
      branch: 'NYC',
      qty: '-3',
      value: -600,
    },
  ];
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('stock on hand', () => {
  it('shows quantities with their unit and values in the company currency, formatted, and exports plain numbers', async () => {
    const saveFile = vi.fn(async () => undefined);
    mountPage(<StockOnHandReport />, {
      locale: 'en-US',
      platform: { files: { saveFile } } as unknown as Platform,
    });
    const grid = await screen.findByRole('grid', { name: 'Stock on hand' });
    await waitFor(() => expect(within(grid).getByText('1,234.5 bag')).toBeTruthy());
    expect(within(grid).getByText('$10,493.25')).toBeTruthy();
    expect(within(grid).getByText('-3 pack')).toBeTruthy();
    // The total is the sum of the values, the shortfall included.
    expect(within(grid).getByText('$10,487.25')).toBeTruthy();
    expect(core.last('inventory.stockOnHand')).toMatchObject({ branch: null, warehouse: null });

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const file = (
      saveFile.mock.calls[0] as unknown as [{ data: string; suggestedName: string }]
    )[0];
    expect(file.suggestedName).toMatch(/^stock-on-hand-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.data.split(/\r?\n/).slice(0, 3)).toEqual([
      'Branch,Warehouse,SKU,Item,Unit,Quantity,Value (USD)',
      'NYC,NYC-MAIN,BEAN-1KG,Coffee beans 1 kg,bag,1234.5,10493.25',
      'NYC,NYC-MAIN,FILT-100,Paper filters (100),pack,-3,-6.00',
    ]);
  });
});
