// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { StockOnHandPageQuery, StockOnHandRow } from '../../rpc-contract';
import { beans, filters, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { STOCK_PAGE, StockOnHandReport } from './StockOnHandReport';

const twoRows: StockOnHandRow[] = [
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

/** A catalogue of cups, sizes 1–n oz, 24 a sleeve at $0.15 a cup: rows the page pages through. */
const cups = (n: number): StockOnHandRow[] =>
  Array.from({ length: n }, (_, i) => ({
    item: `item:01JCUP${String(i).padStart(20, '0')}`,
    sku: `CUP-${String(i + 1).padStart(3, '0')}OZ`,
    name: `Paper cup ${i + 1} oz`,
    unit: 'sleeve',
    warehouse: mainStore._id,
    warehouseCode: 'NYC-MAIN',
    branch: 'NYC',
    qty: '2',
    value: 720,
  }));

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['org.listBranches'] = () => [{ code: 'NYC', name: 'New York' }];
  core.responses['inventory.listWarehouses'] = () => [mainStore];
  core.responses['inventory.stockOnHand'] = () => twoRows;
  core.responses['inventory.stockOnHandPage'] = () => ({ rows: twoRows, next: null });
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
    expect(core.last('inventory.stockOnHandPage')).toMatchObject({
      branch: null,
      warehouse: null,
      limit: STOCK_PAGE,
    });
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    // The file is the whole list, read when asked for, not the rows on screen.
    expect(core.last('inventory.stockOnHand')).toMatchObject({ branch: null, warehouse: null });
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

  it('shows the first page, says its total is of the rows shown, and shows more on asking', async () => {
    const all = cups(130);
    core.responses['inventory.stockOnHandPage'] = (q: StockOnHandPageQuery) => ({
      rows: all.slice(0, q.limit),
      next: q.limit < all.length ? 'more' : null,
    });
    mountPage(<StockOnHandReport />, { locale: 'en-US' });
    const grid = await screen.findByRole('grid', { name: 'Stock on hand' });
    await waitFor(() => expect(within(grid).getByText('CUP-100OZ')).toBeTruthy());
    expect(within(grid).queryByText('CUP-101OZ')).toBeNull();
    expect(within(grid).getByText('Total of the rows shown')).toBeTruthy();
    expect(within(grid).getByText('$720.00')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show more (100 rows shown)' }));
    await waitFor(() => expect(within(grid).getByText('CUP-130OZ')).toBeTruthy());
    expect(core.last('inventory.stockOnHandPage')).toMatchObject({ limit: 2 * STOCK_PAGE });
    expect(within(grid).getByText('Total')).toBeTruthy();
    expect(within(grid).getByText('$936.00')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });
});
