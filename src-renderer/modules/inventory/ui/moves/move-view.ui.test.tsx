// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { beans, filters, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { MoveViewPage } from './MoveViewPage';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.listItems'] = () => [beans, filters];
  core.responses['inventory.listWarehouses'] = () => [mainStore];
  core.responses['inventory.getStockMove'] = () => ({
    _id: 'stockMove:01JDELIVERY000000000000000',
    type: 'stockMove',
    kind: 'delivery',
    date: '2026-03-04',
    warehouse: mainStore._id,
    toWarehouse: null,
    reference: 'SO-2291',
    memo: '',
    corrects: null,
    status: 'posted',
    lines: [
      {
        item: beans._id,
        qty: '14',
        unit: 'bag',
        factor: '1',
        unitCost: null,
        batch: '',
        serial: '',
        expiry: null,
      },
    ],
  });
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('a saved stock move', () => {
  it('shows the negative-stock warning after saving, cannot be edited, and Correct starts a new move', async () => {
    const warning =
      'BEAN-1KG Coffee beans 1 kg in NYC-MAIN goes below zero on 2026-03-04 (-2 bag).';
    mountPage(<MoveViewPage />, {
      route: '/inventory/moves/:id',
      path: '/inventory/moves/stockMove%3A01JDELIVERY000000000000000',
      locale: 'en-US',
      state: { warnings: [warning] },
    });
    expect(await screen.findByText(warning)).toBeTruthy();
    expect(screen.getByText('Saved, with a warning')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('BEAN-1KG Coffee beans 1 kg')).toBeTruthy());
    expect(screen.getByText('14 bag')).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    // Labels are for goods that came in; a delivery has none to print.
    expect(screen.queryByRole('button', { name: 'Print labels' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Correct' }));
    expect((await screen.findByTestId('where')).textContent).toBe(
      '/inventory/moves/new/adjustment',
    );
  });
});

describe('a saved stock count', () => {
  it('names its column Difference: the count keeps what it changed, not what was counted', async () => {
    const delivery = (core.responses['inventory.getStockMove'] as () => { lines: object[] })();
    core.responses['inventory.getStockMove'] = () => ({
      ...delivery,
      _id: 'stockMove:01JCOUNT00000000000000000',
      kind: 'count',
      number: 'NYC-A-CNT-000001',
      reference: '',
      lines: [{ ...delivery.lines[0], qty: '-2' }],
    });
    mountPage(<MoveViewPage />, {
      route: '/inventory/moves/:id',
      path: '/inventory/moves/stockMove%3A01JCOUNT00000000000000000',
      locale: 'en-US',
    });
    expect(await screen.findByText('-2 bag')).toBeTruthy();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Item', 'Difference', 'Unit cost']);
  });
});

const line = (item: string, qty: string, unit: string, factor = '1') => ({
  item,
  qty,
  unit,
  factor,
  unitCost: 1250,
  batch: '',
  serial: '',
  expiry: null,
});

describe('labels for a goods receipt', () => {
  it('prints one label per unit received, each item capped at 1,000 with a note saying so', async () => {
    core.responses['inventory.getStockMove'] = () => ({
      _id: 'stockMove:01JRECEIPT0000000000000000',
      type: 'stockMove',
      kind: 'receipt',
      date: '2026-03-02',
      warehouse: mainStore._id,
      toWarehouse: null,
      reference: 'PO-1187',
      memo: '',
      corrects: null,
      status: 'posted',
      // 2 cases of 12 and 3 loose bags of beans; 1,200 packs of filters.
      lines: [
        line(beans._id, '2', 'case', '12'),
        line(filters._id, '1200', 'pack'),
        line(beans._id, '3', 'bag'),
      ],
    });
    core.responses['inventory.listPriceLists'] = () => [];
    core.responses['inventory.labelsPdf'] = () => ({
      fileName: 'acme-labels.pdf',
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    });
    const saveFile = vi.fn(async () => undefined);
    mountPage(<MoveViewPage />, {
      route: '/inventory/moves/:id',
      path: '/inventory/moves/stockMove%3A01JRECEIPT0000000000000000',
      locale: 'en-US',
      platform: { files: { saveFile } } as unknown as Platform,
    });
    const user = userEvent.setup();
    const print = await screen.findByRole('button', { name: 'Print labels' });
    await waitFor(() => expect((print as HTMLButtonElement).disabled).toBe(false));
    await user.click(print);
    await screen.findByRole('dialog', { name: 'Print labels' });
    expect(screen.getByRole('status').textContent).toBe(
      'One print makes at most 1,000 labels of an item, so FILT-100 (1,200 units) is set to 1,000. Print the rest in another run.',
    );
    expect((screen.getByLabelText('Labels of BEAN-1KG') as HTMLInputElement).value).toBe('27');
    await user.click(screen.getByRole('button', { name: 'Make labels PDF' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(core.last('inventory.labelsPdf')).toMatchObject({
      items: [
        { item: beans._id, copies: 27 },
        { item: filters._id, copies: 1000 },
      ],
    });
  });
});
