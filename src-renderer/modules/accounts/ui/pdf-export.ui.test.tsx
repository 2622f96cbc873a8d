// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setRpcClient } from '../../../client/api';
import { PlatformContext } from '../../../client/platform-context';
import type { RpcClient } from '../../../client/rpc-client';
import { createStore } from '../../../client/store';
import { OutpostError } from '../../../core/errors';
import type { Platform } from '../../../platform';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import type { Party, TradeDoc } from '../domain/schemas';
import type { TrialBalance } from '../rpc-contract';
import { TrialBalanceReport } from './reports/TrialBalanceReport';
import { IssuedTradeDoc } from './trade/IssuedTradeDoc';
import { AgedReport } from './trade/AgedReport';

const calls: { method: string; params: Record<string, unknown> }[] = [];
let responses: Record<string, (params: never) => unknown> = {};
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]); // "%PDF-"

const tb: TrialBalance = {
  asOf: '2026-03-31',
  rows: [{ code: '1200', name: 'Bank', kind: 'asset', debit: 150000, credit: 0 }],
  totalDebit: 150000,
  totalCredit: 150000,
};

// What the platform was asked to save (Electron's save dialog, a browser's download).
const downloads: { name: string; data: Uint8Array; filters: unknown }[] = [];

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: Record<string, unknown>) => {
      calls.push({ method, params });
      const f = responses[method];
      if (!f) return [];
      return f(params as never);
    },
  } as unknown as RpcClient);
});

afterEach(() => {
  cleanup();
  calls.length = 0;
  downloads.length = 0;
});

function base() {
  responses = {
    'accounts.getSetup': () => ({ ready: true, settings: null, baseCurrency: 'USD', accounts: 2 }),
    'app.getState': () => ({
      phase: 'ready',
      company: { name: 'Acme', baseCurrency: 'USD', fiscalYearStartMonth: 4 },
    }),
    'org.listBranches': () => [
      { _id: 'b1', code: 'NYC', name: 'New York', currency: 'USD', archived: false },
    ],
    'accounts.trialBalance': () => tb,
  };
}

function mount(element: ReactNode) {
  // The old "Export PDF" asked the platform to print; the PDF now comes from the worker and is
  // saved like any other file.
  const saveFile = vi.fn(
    async (r: { suggestedName: string; data: Uint8Array; filters?: unknown }) => {
      downloads.push({ name: r.suggestedName, data: r.data, filters: r.filters });
      return true;
    },
  );
  const platform = { files: { saveFile, printToPdf: vi.fn() } } as unknown as Platform;
  return render(
    <Provider store={createStore()}>
      <PlatformContext.Provider value={platform}>
        <MantineProvider>
          <MemoryRouter>{element}</MemoryRouter>
        </MantineProvider>
      </PlatformContext.Provider>
    </Provider>,
  );
}

const pdfCalls = () => calls.filter((c) => c.method.endsWith('Pdf'));

describe('PDF buttons', () => {
  it('"Export PDF" on a report asks the worker for the PDF and offers it as a download', async () => {
    base();
    responses['accounts.reportPdf'] = () => ({
      fileName: 'trial-balance-2026-03-31.pdf',
      bytes: PDF,
    });
    mount(<TrialBalanceReport />);
    await screen.findByText('Bank');
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(pdfCalls()).toEqual([
      {
        method: 'accounts.reportPdf',
        params: expect.objectContaining({
          report: 'trialBalance',
          branch: null,
          locale: navigator.language,
        }),
      },
    ]);
    expect(downloads[0]).toEqual({
      name: 'trial-balance-2026-03-31.pdf',
      data: PDF,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('says so in words when the PDF cannot be made, and offers nothing', async () => {
    base();
    responses['accounts.reportPdf'] = () => {
      throw new OutpostError('validation', 'There is no branch "XYZ".');
    };
    mount(<TrialBalanceReport />);
    await screen.findByText('Bank');
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The PDF could not be made: There is no branch "XYZ".',
    );
    expect(downloads).toHaveLength(0);
  });

  it('the aged receivables report has "Export PDF"', async () => {
    base();
    responses['accounts.agedReport'] = () => [];
    responses['accounts.reportPdf'] = () => ({ fileName: 'aged-receivables.pdf', bytes: PDF });
    mount(<AgedReport side="sales" />);
    const button = await screen.findByRole('button', { name: 'Export PDF' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(pdfCalls()[0]?.params).toMatchObject({ report: 'aged', side: 'sales', branch: null });
    expect(downloads[0]?.name).toBe('aged-receivables.pdf');
  });

  it('an issued invoice has "Download PDF" for the customer copy', async () => {
    base();
    responses['accounts.tradeDocPdf'] = () => ({
      fileName: 'invoice-nyc-a-inv-000042.pdf',
      bytes: PDF,
    });
    const doc = {
      _id: 'tradeDoc:01J0000000000000000000INV',
      type: 'tradeDoc',
      branch: 'NYC',
      side: 'sales',
      kind: 'invoice',
      number: 'NYC-A-INV-000042',
      reference: '',
      partyId: 'party:1',
      date: '2026-03-02',
      dueDate: '2026-03-16',
      currency: 'USD',
      rate: '1',
      taxMode: 'exclusive',
      lines: [
        {
          itemCode: '',
          description: 'Espresso beans 1 kg',
          quantity: '3',
          unitPrice: 1999,
          discountBp: 0,
          taxCode: null,
          account: '4100',
        },
      ],
      memo: '',
      status: 'posted',
      totals: { net: 5997, tax: 0, gross: 5997 },
      posting: [],
      taxBreakdown: [],
      creditFor: null,
    } as unknown as TradeDoc;
    const party = { _id: 'party:1', code: 'C-001', name: 'Zoë Ångström AB' } as Party;
    mount(
      <IssuedTradeDoc
        side="sales"
        view={{ doc, readOnly: true, open: 5997, status: 'open', payments: [], credits: [] }}
        parties={[party]}
        accounts={[]}
        taxCodes={[]}
        baseCurrency="USD"
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(pdfCalls()).toEqual([
      {
        method: 'accounts.tradeDocPdf',
        params: { id: doc._id, locale: navigator.language },
      },
    ]);
    expect(downloads[0]?.name).toBe('invoice-nyc-a-inv-000042.pdf');
  });
});
