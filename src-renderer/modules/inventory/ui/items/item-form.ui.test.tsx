// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { beans, readyState } from '../testing/fixtures';
import { errorBeside, fakeCore, mountPage } from '../testing/kit';
import { ItemFormPage } from './ItemFormPage';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  // The barcodes box grows with its text, listening for web fonts jsdom lacks.
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener() {}, removeEventListener() {} },
    });
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['accounts.listAccounts'] = () => [
    { code: '1400', name: 'Inventory', archived: false },
    { code: '5000', name: 'Cost of goods sold', archived: false },
  ];
});
afterEach(() => {
  cleanup();
  core.reset();
});

const route = { route: '/inventory/items/new', path: '/inventory/items/new' };

describe('item form', () => {
  it('refuses a barcode whose check digit is wrong, in words beside the field, and sends nothing', async () => {
    core.responses['inventory.saveItem'] = (p: { fields: unknown }) => ({
      ...beans,
      ...(p.fields as object),
    });
    mountPage(<ItemFormPage />, route);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^SKU/), 'BEAN-1KG');
    await user.type(screen.getByLabelText(/^Name/), 'Coffee beans 1 kg');
    const barcodes = screen.getByLabelText('Barcodes');
    await user.type(barcodes, '4006381333932');
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    await waitFor(() =>
      expect(errorBeside(barcodes)).toBe(
        '4006381333932 is not a valid EAN-13: its last digit should be 1. Check the number on the pack, or print it as Code 128 if it is your own code.',
      ),
    );
    expect(core.called('inventory.saveItem')).toBe(false);

    await user.clear(barcodes);
    await user.type(barcodes, '4006381333931');
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    await waitFor(() => expect(core.called('inventory.saveItem')).toBe(true));
    expect(core.last('inventory.saveItem')).toMatchObject({
      fields: { sku: 'BEAN-1KG', name: 'Coffee beans 1 kg', barcodes: ['4006381333931'] },
    });
  });

  it('shows the kind whole in its box, with what a stock item is written under the label', async () => {
    // 'Stock item (counted and valued)' did not fit a third of the form and showed cut off.
    mountPage(<ItemFormPage />, route);
    const kind = (await screen.findAllByLabelText(/^Kind/)).find(
      (e) => e instanceof HTMLInputElement && e.type !== 'hidden',
    )!;
    expect(kind).toHaveProperty('value', 'Stock item');
    expect(screen.getByText('Stock items are counted and valued')).toBeTruthy();
  });

  it('says in words that the valuation method is fixed once the item has moves', async () => {
    core.responses['inventory.getItem'] = () => beans;
    core.responses['inventory.itemStockLedger'] = () => ({ total: 3, rows: [] });
    mountPage(<ItemFormPage />, {
      route: '/inventory/items/:id',
      path: `/inventory/items/${beans._id}`,
    });
    const method = (await screen.findAllByLabelText('Valuation method')).find(
      (e) => e instanceof HTMLInputElement && e.type !== 'hidden',
    )!;
    await waitFor(() => expect(method).toHaveProperty('disabled', true));
    expect(
      screen.getByText(
        'Fixed: this item already has stock moves. Create a new item to value it another way.',
      ),
    ).toBeTruthy();
    expect(
      screen
        .getAllByLabelText('Inventory account')
        .find((e) => e instanceof HTMLInputElement && e.type !== 'hidden'),
    ).toHaveProperty('value', '1400 Inventory');
  });
});
