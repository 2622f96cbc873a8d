// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { beans, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { MoveViewPage } from './MoveViewPage';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.listItems'] = () => [beans];
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
    fireEvent.click(screen.getByRole('button', { name: 'Correct' }));
    expect((await screen.findByTestId('where')).textContent).toBe(
      '/inventory/moves/new/adjustment',
    );
  });
});
