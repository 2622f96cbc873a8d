// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { AgeingResult, MovementResult, OpenOrdersResult } from '../../rpc-contract';
import { backRoom, beans, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { InventoryPage } from '../InventoryPage';
import { AgeingReport } from './AgeingReport';
import { MovementReport } from './MovementReport';
import { OpenOrdersReport } from './OpenOrdersReport';

/** The newer stock reports: each shows the worker's rows formatted and exports a CSV (reorder: reorder.ui.test.tsx). */
const where = {
  item: beans._id,
  sku: 'BEAN-1KG',
  name: 'Coffee beans 1 kg',
  unit: 'bag',
  warehouse: mainStore._id,
  warehouseCode: 'NYC-MAIN',
  branch: 'NYC',
};
const movement: MovementResult = {
  from: '2026-03-03',
  to: '2026-03-04',
  rows: [
    {
      ...where,
      openingQty: '8',
      openingValue: 8000,
      inQty: '4',
      inValue: 6400,
      outQty: '10',
      outValue: 11_200,
      closingQty: '2',
      closingValue: 3200,
      parts: {
        receiptsIn: { qty: '4', value: 6400 },
        transfersIn: { qty: '0', value: 0 },
        adjustmentsIn: { qty: '0', value: 0 },
        deliveriesOut: { qty: '10', value: 11_200 },
        transfersOut: { qty: '0', value: 0 },
        adjustmentsOut: { qty: '0', value: 0 },
      },
    },
  ],
  totals: { opening: 8000, in: 6400, out: 11_200, closing: 3200 },
};
const ageing: AgeingResult = {
  asOf: '2026-06-30',
  slowDays: 90,
  rows: [
    {
      ...where,
      method: 'fifo',
      qty: '7',
      value: 7200,
      buckets: [
        { qty: '5', value: 6000 },
        { qty: '0', value: 0 },
        { qty: '2', value: 1200 },
        { qty: '0', value: 0 },
      ],
      oldest: '2026-03-05',
      lastOut: '2026-03-20',
      slow: true,
    },
    {
      ...where,
      warehouse: backRoom._id,
      warehouseCode: 'NYC-BACK',
      method: 'fifo',
      qty: '3',
      value: 3000,
      buckets: [
        { qty: '3', value: 3000 },
        { qty: '0', value: 0 },
        { qty: '0', value: 0 },
        { qty: '0', value: 0 },
      ],
      oldest: '2026-06-20',
      lastOut: '2026-06-28',
      slow: false,
    },
  ],
  totals: { buckets: [9000, 0, 1200, 0], value: 10_200 },
};
const orders: OpenOrdersResult = {
  asOf: '2026-03-10',
  rows: [
    {
      order: 'purchaseOrder:01JPO00000000000000000000',
      side: 'purchase',
      number: 'NYC-A-PO-000001',
      branch: 'NYC',
      party: 'Andes Coffee Importers',
      date: '2026-03-02',
      expectedDate: '2026-03-09',
      late: true,
      line: 0,
      item: beans._id,
      sku: 'BEAN-1KG',
      name: 'Coffee beans 1 kg',
      unit: 'bag',
      ordered: '10',
      open: '4',
      currency: 'USD',
      openValue: 4000,
    },
  ],
  totals: [{ side: 'purchase', currency: 'USD', value: 4000 }],
};

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['org.listBranches'] = () => [{ code: 'NYC', name: 'New York' }];
  core.responses['inventory.movementSummary'] = () => movement;
  core.responses['inventory.stockAgeing'] = () => ageing;
  core.responses['inventory.openOrders'] = () => orders;
  core.responses['inventory.listReorderRules'] = () => [];
  core.responses['inventory.listItems'] = () => [beans];
  core.responses['inventory.listWarehouses'] = () => [mainStore, backRoom];
});
afterEach(() => {
  cleanup();
  core.reset();
});

async function exported(saveFile: ReturnType<typeof vi.fn>) {
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  await waitFor(() => expect(saveFile).toHaveBeenCalled());
  const file = (saveFile.mock.calls[0] as unknown as [{ data: string; suggestedName: string }])[0];
  return { name: file.suggestedName, lines: file.data.split(/\r?\n/) };
}

function mount(page: React.ReactNode, where: { path?: string; route?: string } = {}) {
  const saveFile = vi.fn(async () => undefined);
  mountPage(page, {
    ...where,
    locale: 'en-US',
    platform: { files: { saveFile } } as unknown as Platform,
  });
  return saveFile;
}

describe('newer stock reports', () => {
  it('the reports page lists the four and each opens its page inside Inventory', async () => {
    core.responses['inventory.listWarehouses'] = () => [mainStore];
    core.responses['inventory.stockOnHand'] = () => [];
    core.responses['inventory.reorderSuggestions'] = () => [];
    mount(<InventoryPage />, { path: '/inventory/reports', route: '/inventory/*' });
    for (const [name, grid] of [
      ['Stock movement summary', 'Stock movement summary'],
      ['Stock ageing and slow movers', 'Stock ageing'],
      ['Reorder suggestions', 'Reorder suggestions'],
      ['Open orders', 'Open orders'],
    ]) {
      fireEvent.click(await screen.findByRole('link', { name }));
      await screen.findByRole('grid', { name: grid });
      fireEvent.click(screen.getByRole('tab', { name: 'Reports' }));
    }
  });

  it('Export PDF asks the worker for the movement of the period on screen', async () => {
    const saveFile = mount(<MovementReport />);
    core.responses['inventory.reportPdf'] = () => ({
      fileName: 'stock-movement-2026-03-01-2026-03-31.pdf',
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    });
    await screen.findByRole('grid', { name: 'Stock movement summary' });
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(core.last('inventory.reportPdf')).toMatchObject({
      report: 'movement',
      from: expect.stringMatching(/^\d{4}-\d{2}-01$/),
      to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      branch: null,
    });
  });

  it('movement summary: opening, in, out and closing with totals; the CSV has every column', async () => {
    const saveFile = mount(<MovementReport />);
    const grid = await screen.findByRole('grid', { name: 'Stock movement summary' });
    await waitFor(() => expect(within(grid).getByText('8 bag')).toBeTruthy());
    // One row, so each value shows again in the totals.
    expect(within(grid).getAllByText('$112.00')).toHaveLength(2);
    expect(within(grid).getAllByText('$32.00')).toHaveLength(2);
    expect(core.last('inventory.movementSummary')).toMatchObject({ branch: null });
    const csv = await exported(saveFile);
    expect(csv.name).toBe('stock-movement-2026-03-03-2026-03-04.csv');
    expect(csv.lines.slice(0, 3)).toEqual([
      'Branch,Warehouse,SKU,Item,Unit,Opening quantity,Opening value (USD),In quantity,In value (USD),Out quantity,Out value (USD),Closing quantity,Closing value (USD),' +
        'Received quantity,Received value (USD),Transferred in quantity,Transferred in value (USD),Counted or adjusted up quantity,Counted or adjusted up value (USD),' +
        'Delivered quantity,Delivered value (USD),Transferred out quantity,Transferred out value (USD),Counted or adjusted down quantity,Counted or adjusted down value (USD)',
      'NYC,NYC-MAIN,BEAN-1KG,Coffee beans 1 kg,bag,8,80.00,4,64.00,10,112.00,2,32.00,4,64.00,0,0.00,0,0.00,10,112.00,0,0.00,0,0.00',
      ',,,Total,,,80.00,,64.00,,112.00,,32.00',
    ]);
  });

  it('ageing: buckets by age, slow movers marked and filtered; the CSV has every bucket', async () => {
    const saveFile = mount(<AgeingReport />);
    const grid = await screen.findByRole('grid', { name: 'Stock ageing' });
    await waitFor(() => expect(within(grid).getByText('5 · $60.00')).toBeTruthy());
    expect(within(grid).getByText('2 · $12.00')).toBeTruthy();
    // The column's header and the one slow row's mark.
    expect(within(grid).getAllByText('Slow')).toHaveLength(2);
    expect(core.last('inventory.stockAgeing')).toMatchObject({ slowDays: 90, branch: null });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Slow movers only' }));
    await waitFor(() => expect(within(grid).queryByText('NYC-BACK')).toBeNull());
    const csv = await exported(saveFile);
    expect(csv.lines[0]).toBe(
      'Branch,Warehouse,SKU,Item,Unit,Quantity,Value (USD),0–30 days quantity,0–30 days value (USD),31–90 days quantity,31–90 days value (USD),91–180 days quantity,91–180 days value (USD),>180 days quantity,>180 days value (USD),Oldest receipt,Last out,Slow',
    );
    expect(csv.lines.slice(1).filter(Boolean)).toEqual([
      'NYC,NYC-MAIN,BEAN-1KG,Coffee beans 1 kg,bag,7,72.00,5,60.00,0,0.00,2,12.00,0,0.00,2026-03-05,2026-03-20,yes',
    ]);
  });

  it('the wide reports scroll sideways inside the page instead of spilling past their border', async () => {
    // Eleven movement columns do not fit a laptop screen: the last ones ran off the right edge.
    for (const [page, name] of [
      [<MovementReport key="m" />, 'Stock movement summary'],
      [<AgeingReport key="a" />, 'Stock ageing'],
      [<OpenOrdersReport key="o" />, 'Open orders'],
    ] as const) {
      mount(page);
      const grid = await screen.findByRole('grid', { name });
      expect(grid.style.minWidth).toBe('max-content');
      expect(grid.parentElement!.style.overflowX).toBe('auto');
      cleanup();
    }
  });

  it('open orders: party, dates, late, open quantity and value; the CSV has every column', async () => {
    const saveFile = mount(<OpenOrdersReport />);
    const grid = await screen.findByRole('grid', { name: 'Open orders' });
    await waitFor(() => expect(within(grid).getByText('NYC-A-PO-000001')).toBeTruthy());
    expect(within(grid).getByText('03/09/2026 (late)')).toBeTruthy();
    expect(within(grid).getByText('4 bag')).toBeTruthy();
    expect(screen.getByText('Purchase orders still open: $40.00')).toBeTruthy();
    const csv = await exported(saveFile);
    expect(csv.lines.slice(0, 2)).toEqual([
      'Side,Order,Branch,Party,Order date,Expected,Late,SKU,Item,Unit,Ordered,Still open,Currency,Open value',
      'purchase,NYC-A-PO-000001,NYC,Andes Coffee Importers,2026-03-02,2026-03-09,yes,BEAN-1KG,Coffee beans 1 kg,bag,10,4,USD,40.00',
    ]);
  });
});
