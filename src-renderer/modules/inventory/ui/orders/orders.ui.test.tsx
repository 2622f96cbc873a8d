// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayLocal } from '../../../../core/dates';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { MatchLineView, OrderView } from '../../rpc-contract';
import { beans, filters, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { OrderForm } from './OrderForm';
import { OrderMoveForm } from './OrderMoveForm';
import { OrderPage } from './OrderPage';
import { OrdersPage } from './OrdersPage';

/** Harbour Roasters orders beans and filters from its green-coffee importer. */
const importer = {
  _id: 'party:01JIMPORTER000000000000000',
  type: 'party',
  kind: 'supplier',
  code: 'S-0007',
  name: 'Santos Green Coffee Importers',
  currency: 'USD',
};
const PO = 'purchaseOrder:01JPO00000000000000000000';

const order = {
  _id: PO,
  type: 'purchaseOrder',
  status: 'posted',
  number: 'NYC-A-PO-000003',
  partyId: importer._id,
  date: '2026-03-02',
  expectedDate: null,
  currency: 'USD',
  warehouse: mainStore._id,
  reference: 'SG-5521',
  memo: '',
  confirmedAt: '2026-03-02T14:00:00.000Z',
  lines: [
    {
      item: beans._id,
      qty: '24',
      unit: 'bag',
      factor: '1',
      unitPrice: 850,
      taxCode: null,
      description: 'Coffee beans 1 kg',
    },
    {
      item: filters._id,
      qty: '10',
      unit: 'pack',
      factor: '1',
      unitPrice: 325,
      taxCode: null,
      description: 'Paper filters (100)',
    },
  ],
} as unknown as OrderView['order'];

const view = (over: Partial<OrderView> = {}): OrderView => ({
  order,
  stage: 'partly moved',
  open: true,
  closed: false,
  lines: [
    {
      line: 0,
      item: beans._id,
      unit: 'bag',
      ordered: '24',
      moved: '18',
      billed: '0',
      backOrder: '6',
      over: '0',
    },
    {
      line: 1,
      item: filters._id,
      unit: 'pack',
      ordered: '10',
      moved: '10',
      billed: '0',
      backOrder: '0',
      over: '0',
    },
  ],
  sources: [{ id: 'stockMove:01JREC1', kind: 'receipt', issued: true }],
  ...over,
});

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['accounts.listParties'] = () => [importer];
  core.responses['accounts.listTaxCodes'] = () => [];
  core.responses['inventory.listItems'] = () => [beans, filters];
  core.responses['inventory.listWarehouses'] = () => [mainStore];
});
afterEach(() => {
  cleanup();
  core.reset();
});

/** The visible input of a labelled Mantine field (a Select also keeps a hidden one). */
const field = (label: string | RegExp) =>
  screen
    .getAllByLabelText(label)
    .find((e) => e instanceof HTMLInputElement && e.type !== 'hidden') as HTMLInputElement;

describe('purchase orders', () => {
  it('leaves room for the unit beside the quantity, so the number and the unit do not run together', async () => {
    const user = userEvent.setup();
    mountPage(<OrderForm />, { route: '/inventory/orders/new', path: '/inventory/orders/new' });
    await user.type(field('Item, line 1'), 'bean');
    fireEvent.click(
      await screen.findByRole('option', { name: 'BEAN-1KG Coffee beans 1 kg', hidden: true }),
    );
    const qty = field('Quantity, line 1');
    await waitFor(() => expect(qty.parentElement!.textContent).toContain('bag'));
    const wrapper = qty.closest<HTMLElement>('[style*="--input-right-section-width"]');
    expect(wrapper?.style.getPropertyValue('--input-right-section-width')).toMatch(/3\.75rem/);
  });

  it('saves a new purchase order and confirms it: supplier by name, item, quantity and price', async () => {
    core.responses['inventory.saveOrder'] = (p: object) => ({
      ...order,
      ...p,
      _id: PO,
      status: 'draft',
    });
    core.responses['inventory.confirmOrder'] = () => order;
    const user = userEvent.setup();
    mountPage(<OrderForm />, { route: '/inventory/orders/new', path: '/inventory/orders/new' });
    await waitFor(() => expect(core.called('accounts.listParties')).toBe(true));
    await user.type(field(/^Supplier/), 'santos');
    fireEvent.click(
      await screen.findByRole('option', {
        name: 'S-0007 Santos Green Coffee Importers',
        hidden: true,
      }),
    );
    await user.type(field('Item, line 1'), 'bean');
    fireEvent.click(
      await screen.findByRole('option', { name: 'BEAN-1KG Coffee beans 1 kg', hidden: true }),
    );
    fireEvent.change(field('Quantity, line 1'), { target: { value: '24' } });
    fireEvent.change(field('Unit price, line 1'), { target: { value: '8.50' } });
    await user.click(screen.getByRole('button', { name: 'Save and confirm' }));
    await waitFor(() => expect(core.called('inventory.confirmOrder')).toBe(true));
    expect(core.last('inventory.saveOrder')).toEqual({
      side: 'purchase',
      quote: false,
      partyId: importer._id,
      date: todayLocal(),
      currency: 'USD',
      warehouse: mainStore._id,
      reference: '',
      lines: [{ item: beans._id, qty: '24', unitPrice: 850, taxCode: null }],
    });
    expect(core.last('inventory.confirmOrder')).toEqual({ id: PO });
    expect((await screen.findByTestId('where')).textContent).toBe(
      `/inventory/orders/${encodeURIComponent(PO)}`,
    );
  });

  it('receives against the order with each line prefilled with its back-order', async () => {
    core.responses['inventory.getOrder'] = () => view();
    core.responses['inventory.receiveOrder'] = () => ({ _id: 'stockMove:01JREC2' });
    const user = userEvent.setup();
    const path = `/inventory/orders/${encodeURIComponent(PO)}/move`;
    mountPage(<OrderMoveForm />, { route: '/inventory/orders/:id/move', path });
    await waitFor(() => expect(field('Received now, line 1').value).toBe('6'));
    // Filters came in full, so only the beans are still expected.
    expect(screen.queryByLabelText('Received now, line 2')).toBeNull();
    expect(screen.getByText('6 bag')).toBeTruthy();
    fireEvent.change(field('Received now, line 1'), { target: { value: '7' } });
    await user.click(screen.getByRole('button', { name: 'Record receipt' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Line 1: only 6 bag is still expected on this order.',
    );
    expect(core.called('inventory.receiveOrder')).toBe(false);
    fireEvent.change(field('Received now, line 1'), { target: { value: '6' } });
    await user.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(core.called('inventory.receiveOrder')).toBe(true));
    expect(core.last('inventory.receiveOrder')).toEqual({
      order: PO,
      date: todayLocal(),
      lines: [{ orderLine: 0, qty: '6' }],
    });
  });

  it('asks the unit cost in dollars when the order is in euros, and says so in words when it is missing', async () => {
    core.responses['inventory.getOrder'] = () => view({ order: { ...order, currency: 'EUR' } });
    core.responses['inventory.receiveOrder'] = () => ({ _id: 'stockMove:01JREC2' });
    const user = userEvent.setup();
    const path = `/inventory/orders/${encodeURIComponent(PO)}/move`;
    mountPage(<OrderMoveForm />, { route: '/inventory/orders/:id/move', path });
    await waitFor(() => expect(field('Received now, line 1').value).toBe('6'));
    await user.click(screen.getByRole('button', { name: 'Record receipt' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Line 1: the order is in EUR; enter the unit cost in USD.',
    );
    fireEvent.change(field('Unit cost in USD, line 1'), { target: { value: '9.20' } });
    await user.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(core.called('inventory.receiveOrder')).toBe(true));
    expect(core.last('inventory.receiveOrder')).toEqual({
      order: PO,
      date: todayLocal(),
      lines: [{ orderLine: 0, qty: '6', unitCost: 920 }],
    });
  });

  it('lists open orders first, with their state and what is still to come in words', async () => {
    const older = { ...order, _id: 'purchaseOrder:01JPO0OLD', number: 'NYC-A-PO-000001' };
    core.responses['inventory.listOrders'] = () => [
      view({ order: older as OrderView['order'], stage: 'closed', open: false, closed: true }),
      view(),
    ];
    mountPage(<OrdersPage />, { route: '/inventory/orders/*', path: '/inventory/orders' });
    const rows = await screen.findAllByRole('row');
    await waitFor(() => expect(rows[1]!.textContent).toContain('Santos Green Coffee Importers'));
    expect(core.last('inventory.listOrders')).toEqual({ side: 'purchase' });
    expect(rows[1]!.textContent).toContain('NYC-A-PO-000003');
    expect(rows[1]!.textContent).toContain('Partly received');
    expect(rows[1]!.textContent).toContain('6 bag BEAN-1KG still to receive');
    expect(rows[2]!.textContent).toContain('NYC-A-PO-000001');
    expect(rows[2]!.textContent).toContain('Closed');
  });

  it('shows the three-way match of its bill in words, and links the bill', async () => {
    const bill = 'tradeDoc:01JBILL0000000000000000000';
    core.responses['inventory.getOrder'] = () =>
      view({ sources: [...view().sources, { id: bill, kind: 'bill', issued: false }] });
    const match: MatchLineView[] = [
      {
        orderLine: 0,
        item: beans._id,
        ordered: '24',
        orderedPrice: 850,
        received: '18',
        billed: '18',
        billedPrice: 900,
        flag: 'Billed at $9.00; ordered at $8.50.',
      },
      {
        orderLine: 1,
        item: filters._id,
        ordered: '10',
        orderedPrice: 325,
        received: '10',
        billed: '10',
        billedPrice: 325,
        flag: '',
      },
    ];
    core.responses['inventory.matchBill'] = () => match;
    mountPage(<OrderPage />, {
      route: '/inventory/orders/:id',
      path: `/inventory/orders/${encodeURIComponent(PO)}`,
    });
    expect(await screen.findByText('Bill differs from the order or the receipts')).toBeTruthy();
    expect(screen.getByText('Line 1 (BEAN-1KG): Billed at $9.00; ordered at $8.50.')).toBeTruthy();
    expect(core.last('inventory.matchBill')).toEqual({ id: bill });
    expect(screen.getByRole('link', { name: 'Bill 1 (draft)' }).getAttribute('href')).toBe(
      `/accounts/purchases/${encodeURIComponent(bill)}`,
    );
    expect(screen.getByText(/Partly received/)).toBeTruthy();
  });

  it('the order list is a grid: arrow down to an order and Enter opens it', async () => {
    const older = { ...order, _id: 'purchaseOrder:01JPO0OLD', number: 'NYC-A-PO-000001' };
    core.responses['inventory.listOrders'] = () => [
      view(),
      view({ order: older as OrderView['order'], stage: 'closed', open: false, closed: true }),
    ];
    const user = userEvent.setup();
    mountPage(<OrdersPage />, { route: '/inventory/orders/*', path: '/inventory/orders' });
    const grid = await screen.findByRole('grid', { name: 'Purchase orders' });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3));
    within(grid).getAllByRole('gridcell')[0]!.focus();
    core.responses['inventory.getOrder'] = () => view({ order: older as OrderView['order'] });
    await user.keyboard('{ArrowDown}{Enter}');
    // The order's own page (a route of the orders page) opens and reads that order.
    expect(await screen.findByRole('heading', { name: /NYC-A-PO-000001/ })).toBeTruthy();
    expect(core.last('inventory.getOrder')).toEqual({ id: 'purchaseOrder:01JPO0OLD' });
  });

  it('names each receipt by its date and delivery note and links it to the receipt', async () => {
    const receipt = 'stockMove:01JREC1';
    core.responses['inventory.getOrder'] = () => view();
    core.responses['inventory.getStockMove'] = () => ({
      _id: receipt,
      type: 'stockMove',
      kind: 'receipt',
      date: '2026-03-04',
      warehouse: mainStore._id,
      toWarehouse: null,
      reference: 'DN-7781',
      memo: '',
      corrects: null,
      status: 'posted',
      lines: [],
    });
    mountPage(<OrderPage />, {
      route: '/inventory/orders/:id',
      path: `/inventory/orders/${encodeURIComponent(PO)}`,
      locale: 'en-US',
    });
    const link = await screen.findByRole('link', { name: 'Receipt of 03/04/2026 · DN-7781' });
    expect(link.getAttribute('href')).toBe(`/inventory/moves/${encodeURIComponent(receipt)}`);
    expect(core.last('inventory.getStockMove')).toEqual({ id: receipt });
    const lines = screen.getByRole('grid', { name: 'Order lines' });
    expect(within(lines).getAllByRole('row')[1]!.textContent).toContain('18 bag');
  });
});
