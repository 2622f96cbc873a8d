// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutpostError } from '../../../../core/errors';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { beans, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { NegativeStockReport } from './NegativeStockReport';
import { StockOnHandReport } from './StockOnHandReport';

// The first bytes of a real PDF: the page must hand the worker's bytes to the platform as they are.
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['org.listBranches'] = () => [{ code: 'NYC', name: 'New York' }];
  core.responses['inventory.listWarehouses'] = () => [mainStore];
  // The page reads its first page; the PDF is made in the worker from the whole list.
  core.responses['inventory.stockOnHandPage'] = () => ({
    rows: [
      {
        item: beans._id,
        sku: 'BEAN-1KG',
        name: 'Coffee beans 1 kg',
        unit: 'bag',
        warehouse: mainStore._id,
        warehouseCode: 'NYC-MAIN',
        branch: 'NYC',
        qty: '40',
        value: 48_000,
      },
    ],
    next: null,
  });
  core.responses['inventory.negativeStock'] = () => [];
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('stock report PDFs', () => {
  it('Export PDF asks the worker for the report on screen and saves it as a PDF', async () => {
    const saveFile = vi.fn(async () => undefined);
    core.responses['inventory.reportPdf'] = () => ({
      fileName: 'stock-on-hand-2026-03-06.pdf',
      bytes: PDF,
    });
    mountPage(<StockOnHandReport />, {
      locale: 'en-US',
      platform: { files: { saveFile } } as unknown as Platform,
    });
    await screen.findByText('BEAN-1KG');
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(core.last('inventory.reportPdf')).toMatchObject({
      report: 'stockOnHand',
      branch: null,
      warehouse: null,
      locale: 'en-US',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(saveFile).toHaveBeenCalledWith({
      suggestedName: 'stock-on-hand-2026-03-06.pdf',
      data: PDF,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('a PDF the worker cannot make is said in words and nothing is saved', async () => {
    const saveFile = vi.fn(async () => undefined);
    core.responses['inventory.reportPdf'] = () => {
      throw new OutpostError('validation', 'There is no branch "LON".');
    };
    mountPage(<NegativeStockReport />, {
      locale: 'en-US',
      platform: { files: { saveFile } } as unknown as Platform,
    });
    await screen.findByText('No item is below zero.');
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The PDF could not be made: There is no branch "LON".');
    expect(core.last('inventory.reportPdf')).toMatchObject({ report: 'negativeStock' });
    expect(saveFile).not.toHaveBeenCalled();
  });
});
