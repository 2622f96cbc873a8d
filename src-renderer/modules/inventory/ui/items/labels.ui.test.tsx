// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutpostError } from '../../../../core/errors';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { beans, filters, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { ItemFormPage } from './ItemFormPage';
import { ItemsPage } from './ItemsPage';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  // The item page's barcodes box grows with its text, listening for web fonts jsdom lacks.
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener() {}, removeEventListener() {} },
    });
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.listItems'] = () => [beans, filters];
  core.responses['inventory.listPriceLists'] = () => [
    {
      _id: 'priceList:01JSHOP00000000000000000000',
      name: 'Shop prices',
      currency: 'USD',
      prices: [{ item: beans._id, price: 1899 }],
      archived: false,
    },
  ];
});
afterEach(() => {
  cleanup();
  core.reset();
});

async function chooseBothAndOpen() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('checkbox', { name: 'Choose BEAN-1KG for labels' }));
  await user.click(screen.getByRole('checkbox', { name: 'Choose FILT-100 for labels' }));
  await user.click(screen.getByRole('button', { name: 'Print labels (2)' }));
  await screen.findByRole('dialog', { name: 'Print labels' });
  return user;
}

describe('printing labels from the item list', () => {
  it('makes the chosen items’ label sheet in the worker and saves it as a PDF', async () => {
    const saveFile = vi.fn(async () => undefined);
    core.responses['inventory.labelsPdf'] = () => ({
      fileName: 'acme-labels-2026-03-06.pdf',
      bytes: PDF,
    });
    mountPage(<ItemsPage />, {
      locale: 'en-US',
      platform: { files: { saveFile } } as unknown as Platform,
    });
    const user = await chooseBothAndOpen();
    const copies = screen.getByLabelText('Labels of each item');
    await user.clear(copies);
    await user.type(copies, '3');
    const used = screen.getByLabelText('Labels already used on the first sheet');
    await user.clear(used);
    await user.type(used, '7');
    const prices = screen
      .getAllByLabelText('Prices from')
      .find((e) => e instanceof HTMLInputElement && e.type !== 'hidden')!;
    await user.click(prices);
    fireEvent.click(await screen.findByRole('option', { name: 'Shop prices (USD)', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Make labels PDF' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(core.last('inventory.labelsPdf')).toMatchObject({
      items: [
        { item: beans._id, copies: 3 },
        { item: filters._id, copies: 3 },
      ],
      // An en-US clerk gets US Letter labels unless they choose A4.
      layout: 'letter-5160',
      skip: 7,
      priceList: 'priceList:01JSHOP00000000000000000000',
      locale: 'en-US',
    });
    expect(saveFile).toHaveBeenCalledWith({
      suggestedName: 'acme-labels-2026-03-06.pdf',
      data: PDF,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('each item can have its own number of labels', async () => {
    const saveFile = vi.fn(async () => undefined);
    core.responses['inventory.labelsPdf'] = () => ({ fileName: 'acme-labels.pdf', bytes: PDF });
    mountPage(<ItemsPage />, {
      locale: 'en-US',
      platform: { files: { saveFile } } as unknown as Platform,
    });
    const user = await chooseBothAndOpen();
    const each = screen.getByLabelText('Labels of each item');
    await user.clear(each);
    await user.type(each, '4');
    const filtersCopies = screen.getByLabelText('Labels of FILT-100');
    expect((filtersCopies as HTMLInputElement).value).toBe('4');
    await user.clear(filtersCopies);
    await user.type(filtersCopies, '25');
    // The numbers now differ, so "each item" no longer claims one number for all.
    expect((screen.getByLabelText('Labels of each item') as HTMLInputElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Make labels PDF' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(core.last('inventory.labelsPdf')).toMatchObject({
      items: [
        { item: beans._id, copies: 4 },
        { item: filters._id, copies: 25 },
      ],
    });
  });

  it('a refusal from the worker stays in the dialog, in words, and nothing is saved', async () => {
    const saveFile = vi.fn(async () => undefined);
    core.responses['inventory.labelsPdf'] = () => {
      throw new OutpostError(
        'validation',
        'Labels already used on the first sheet must be a whole number from 0 to 29.',
      );
    };
    mountPage(<ItemsPage />, {
      locale: 'en-US',
      platform: { files: { saveFile } } as unknown as Platform,
    });
    const user = await chooseBothAndOpen();
    await user.click(screen.getByRole('button', { name: 'Make labels PDF' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The labels could not be made: Labels already used on the first sheet must be a whole number from 0 to 29.',
    );
    expect(saveFile).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Print labels' })).toBeTruthy();
  });

  it('the item page prints labels for its item, as saved', async () => {
    const saveFile = vi.fn(async () => undefined);
    core.responses['inventory.getItem'] = () => beans;
    core.responses['inventory.itemStockLedger'] = () => ({ total: 0, rows: [] });
    core.responses['accounts.listAccounts'] = () => [];
    core.responses['inventory.labelsPdf'] = () => ({ fileName: 'acme-labels.pdf', bytes: PDF });
    mountPage(<ItemFormPage />, {
      locale: 'de-DE',
      route: '/inventory/items/:id',
      path: `/inventory/items/${encodeURIComponent(beans._id)}`,
      platform: { files: { saveFile } } as unknown as Platform,
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Print labels' }));
    expect(await screen.findByText('BEAN-1KG Coffee beans 1 kg')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Make labels PDF' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    // A German clerk's sheets are A4.
    expect(core.last('inventory.labelsPdf')).toMatchObject({
      items: [{ item: beans._id, copies: 1 }],
      layout: 'a4-3x8',
      skip: 0,
      priceList: null,
    });
  });
});
