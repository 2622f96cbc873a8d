// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayLocal } from '../../../../core/dates';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { backRoom, beans, filters, mainStore, readyState } from '../testing/fixtures';
import { errorBeside, fakeCore, mountPage, refusal } from '../testing/kit';
import { MoveEntryPage } from './MoveEntryPage';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.listItems'] = () => [beans, filters];
  core.responses['inventory.listWarehouses'] = () => [mainStore, backRoom];
  core.responses['inventory.saveStockMove'] = (input: { kind: string }) => ({
    move: { ...input, _id: 'stockMove:01JSAVED00000000000000000' },
    warnings: [],
  });
});
afterEach(() => {
  cleanup();
  core.reset();
  vi.useRealTimers();
});

const open = (kind: string) =>
  mountPage(<MoveEntryPage />, {
    route: '/inventory/moves/new/:kind',
    path: `/inventory/moves/new/${kind}`,
  });

/** The visible input of a labelled Mantine field (a Select also keeps a hidden one). */
const field = (label: string) =>
  screen
    .getAllByLabelText(label)
    .find((e) => e instanceof HTMLInputElement && e.type !== 'hidden') as HTMLInputElement;

async function chooseWarehouse(user: ReturnType<typeof userEvent.setup>) {
  await user.click(field('Warehouse'));
  fireEvent.click(
    await screen.findByRole('option', { name: 'NYC-MAIN Brooklyn main store', hidden: true }),
  );
}

/**
 * A hand scanner: a burst of keys ending in Enter. The scan detector reads the clock it was
 * given when the page mounted, so a test that scans freezes Date before opening the page:
 * every key then arrives 0 ms after the last, however slowly jsdom renders.
 */
async function scan(code: string) {
  await userEvent.setup({ delay: null }).keyboard(`${code}{Enter}`);
}

describe('stock move entry', () => {
  it('saves a typed receipt: item picked by SKU, quantity and unit cost', async () => {
    const user = userEvent.setup();
    open('receipt');
    await waitFor(() => expect(core.called('inventory.listWarehouses')).toBe(true));
    await chooseWarehouse(user);
    await user.type(field('Item, line 1'), 'bean');
    fireEvent.click(
      await screen.findByRole('option', { name: 'BEAN-1KG Coffee beans 1 kg', hidden: true }),
    );
    fireEvent.change(field('Quantity, line 1'), { target: { value: '12' } });
    fireEvent.change(field('Unit cost, line 1'), { target: { value: '8.50' } });
    await user.click(screen.getByRole('button', { name: 'Save receipt' }));
    await waitFor(() => expect(core.called('inventory.saveStockMove')).toBe(true));
    expect(core.last('inventory.saveStockMove')).toEqual({
      kind: 'receipt',
      date: todayLocal(),
      warehouse: mainStore._id,
      toWarehouse: null,
      reference: '',
      memo: '',
      corrects: null,
      lines: [{ item: beans._id, qty: '12', unit: 'bag', unitCost: 850 }],
    });
    expect((await screen.findByTestId('where')).textContent).toBe(
      '/inventory/moves/stockMove%3A01JSAVED00000000000000000',
    );
  });

  it('adds a scanned item, counts a second scan as one more, and says in words when a code is unknown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const user = userEvent.setup();
    open('receipt');
    await waitFor(() => expect(core.called('inventory.listItems')).toBe(true));
    await chooseWarehouse(user);
    (document.activeElement as HTMLElement).blur();
    await scan('4006381333931');
    await waitFor(() => expect(field('Item, line 1').value).toBe('BEAN-1KG Coffee beans 1 kg'));
    await scan('4006381333931');
    await waitFor(() => expect(field('Quantity, line 1').value).toBe('2'));
    await scan('5012345678900');
    expect(errorBeside(field('Barcode or SKU'))).toBe(
      'No item has the barcode or SKU 5012345678900. Search for the item by name and add this barcode to it, or check the label.',
    );
    fireEvent.change(field('Unit cost, line 1'), { target: { value: '8.50' } });
    await user.click(screen.getByRole('button', { name: 'Save receipt' }));
    await waitFor(() => expect(core.called('inventory.saveStockMove')).toBe(true));
    expect(core.last('inventory.saveStockMove')?.lines).toEqual([
      { item: beans._id, qty: '2', unit: 'bag', unitCost: 850 },
    ]);
  });

  it('shows the worker’s refusal beside the field it names, and saves nothing', async () => {
    core.responses['inventory.saveStockMove'] = () => {
      throw refusal('Warehouse NYC-MAIN is archived. Choose another one. Nothing was saved.', {
        warehouse: 'Archived.',
      });
    };
    const user = userEvent.setup();
    open('delivery');
    await waitFor(() => expect(core.called('inventory.listWarehouses')).toBe(true));
    await chooseWarehouse(user);
    await user.type(field('Item, line 1'), 'filt');
    fireEvent.click(
      await screen.findByRole('option', { name: 'FILT-100 Paper filters (100)', hidden: true }),
    );
    fireEvent.change(field('Quantity, line 1'), { target: { value: '3' } });
    await user.click(screen.getByRole('button', { name: 'Save delivery' }));
    await waitFor(() => expect(errorBeside(field('Warehouse'))).toBe('Archived.'));
    expect(screen.getByRole('alert').textContent).toContain('Nothing was saved.');
    expect(screen.queryByTestId('where')).toBeNull();
  });

  it('saves a count as the difference between the shelf and the books', async () => {
    core.responses['inventory.stockOnHand'] = () => [
      {
        item: beans._id,
        sku: 'BEAN-1KG',
        name: 'Coffee beans 1 kg',
        unit: 'bag',
        warehouse: mainStore._id,
        warehouseCode: 'NYC-MAIN',
        branch: 'NYC',
        qty: '20',
        value: 17_000,
      },
      {
        item: filters._id,
        sku: 'FILT-100',
        name: 'Paper filters (100)',
        unit: 'pack',
        warehouse: mainStore._id,
        warehouseCode: 'NYC-MAIN',
        branch: 'NYC',
        qty: '6',
        value: 1_200,
      },
    ];
    const user = userEvent.setup();
    open('count');
    await waitFor(() => expect(core.called('inventory.listWarehouses')).toBe(true));
    await chooseWarehouse(user);
    await waitFor(() =>
      expect(core.last('inventory.stockOnHand')).toMatchObject({ warehouse: mainStore._id }),
    );
    await user.type(field('Item, line 1'), 'bean');
    fireEvent.click(
      await screen.findByRole('option', { name: 'BEAN-1KG Coffee beans 1 kg', hidden: true }),
    );
    fireEvent.change(field('Counted, line 1'), { target: { value: '18' } });
    const grid = screen.getByRole('grid', { name: 'Lines' });
    await waitFor(() => expect(within(grid).getByText('-2 bag')).toBeTruthy());
    // On the books and the difference read at one size (the books' figure showed larger).
    expect(within(grid).getByText('20 bag').getAttribute('data-size')).toBe('sm');
    expect(within(grid).getByText('-2 bag').getAttribute('data-size')).toBe('sm');
    // The filters counted as the books say: nothing to book for them.
    await user.type(field('Item, line 2'), 'filt');
    // Line 1's list is still in the page (closed): line 2's option is the last one.
    const filterOptions = await screen.findAllByRole('option', {
      name: 'FILT-100 Paper filters (100)',
      hidden: true,
    });
    fireEvent.click(filterOptions[filterOptions.length - 1]!);
    fireEvent.change(field('Counted, line 2'), { target: { value: '6' } });
    await user.click(screen.getByRole('button', { name: 'Save stock count' }));
    await waitFor(() => expect(core.called('inventory.saveStockMove')).toBe(true));
    expect(core.last('inventory.saveStockMove')).toMatchObject({
      kind: 'count',
      warehouse: mainStore._id,
      lines: [{ item: beans._id, qty: '-2' }],
    });
  });
});
