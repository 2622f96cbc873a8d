// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { MoveListEntry } from '../../rpc-contract';
import { beans, filters, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { InventoryPage } from '../InventoryPage';
import { MovesListPage } from './MovesListPage';

const DELIVERY = 'stockMove:01JDELIVERY000000000000000';
const moves: MoveListEntry[] = [
  {
    id: DELIVERY,
    date: '2026-03-04',
    kind: 'delivery',
    number: 'NYC-A-DN-000031',
    reference: 'SO-2291',
    memo: 'Café Aurora weekly',
    where: 'NYC-MAIN Brooklyn main store',
    what: 'BEAN-1KG Coffee beans 1 kg',
    corrects: false,
  },
  {
    id: 'stockMove:01JRECEIPT0000000000000000',
    date: '2026-03-02',
    kind: 'receipt',
    number: '',
    reference: 'PO-1187',
    memo: '',
    where: 'NYC-MAIN Brooklyn main store',
    what: 'BEAN-1KG Coffee beans 1 kg and 1 more item',
    corrects: false,
  },
];

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  // jsdom lays nothing out; the virtualised list reads the scroller's height from clientHeight.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 400,
  });
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.listItems'] = () => [beans, filters];
  core.responses['inventory.listMoves'] = () => ({ rows: moves, total: 2 });
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('past moves', () => {
  it('lists this branch’s moves newest first, filters by kind and days, and Enter opens a move', async () => {
    const user = userEvent.setup();
    mountPage(<MovesListPage />, {
      route: '/inventory/history',
      path: '/inventory/history',
      locale: 'en-US',
    });
    const grid = await screen.findByRole('grid', { name: 'Past moves' });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3));
    const [, first, second] = within(grid).getAllByRole('row');
    expect(first!.textContent).toContain('Delivery');
    expect(first!.textContent).toContain('SO-2291');
    expect(first!.textContent).toContain('NYC-A-DN-000031');
    expect(second!.textContent).toContain('BEAN-1KG Coffee beans 1 kg and 1 more item');
    expect(screen.getByText('Moves 1–2 of 2, newest first')).toBeTruthy();
    expect(core.last('inventory.listMoves')).toMatchObject({
      branch: 'NYC',
      kind: null,
      offset: 0,
      limit: 100,
    });

    const kind = screen
      .getAllByLabelText('Kind')
      .find((e) => e instanceof HTMLInputElement && e.type !== 'hidden')!;
    await user.click(kind);
    fireEvent.click(await screen.findByRole('option', { name: 'Receipt', hidden: true }));
    await waitFor(() =>
      expect(core.last('inventory.listMoves')).toMatchObject({ kind: 'receipt' }),
    );
    await user.type(screen.getByLabelText('From'), '03/01/2026');
    await user.tab();
    await waitFor(() =>
      expect(core.last('inventory.listMoves')).toMatchObject({
        kind: 'receipt',
        from: '2026-03-01',
      }),
    );

    within(grid).getAllByRole('gridcell')[0]!.focus();
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('where')).textContent).toBe(
      `/inventory/moves/${encodeURIComponent(DELIVERY)}`,
    );
  });

  it('says when the days are the wrong way round and asks nothing of the worker', async () => {
    const user = userEvent.setup();
    mountPage(<MovesListPage />, {
      route: '/inventory/history',
      path: '/inventory/history',
      locale: 'en-US',
    });
    await screen.findByRole('grid', { name: 'Past moves' });
    await user.type(screen.getByLabelText('From'), '03/06/2026');
    await user.type(screen.getByLabelText('To'), '03/02/2026');
    await user.tab();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The From day is after the To day. Swap them to see moves.',
    );
    expect(core.last('inventory.listMoves')).not.toMatchObject({ to: '2026-03-02' });
  });

  it('fits a laptop screen: its columns need no more than the 1,100 px beside the menu', async () => {
    // At 1366 px wide the page is about 1,130 px beside the navigation; the grid's least
    // widths used to add up to more, so the Warehouse and Memo columns ran off the right edge.
    mountPage(<MovesListPage />, { route: '/inventory/history', path: '/inventory/history' });
    const grid = await screen.findByRole('grid', { name: 'Past moves' });
    const header = within(grid).getAllByRole('row')[0]!;
    const widths = header.style.gridTemplateColumns.match(/\d+px/g)!.map((w) => parseInt(w, 10));
    expect(widths).toHaveLength(7);
    const least = widths.reduce((a, b) => a + b, 0) + 8 * (widths.length - 1) + 20;
    expect(least).toBeLessThanOrEqual(1100);
  });

  it('opens from the Past moves tab of Inventory', async () => {
    const user = userEvent.setup();
    mountPage(<InventoryPage />, { route: '/inventory/*', path: '/inventory/moves' });
    await user.click(await screen.findByRole('tab', { name: 'Past moves' }));
    expect(await screen.findByRole('grid', { name: 'Past moves' })).toBeTruthy();
  });
});
