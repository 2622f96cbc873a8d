// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setRpcClient } from '../../../../client/api';
import { PlatformContext } from '../../../../client/platform-context';
import type { RpcClient } from '../../../../client/rpc-client';
import { createStore } from '../../../../client/store';
import type { Platform } from '../../../../platform';
import { AgedReport } from './AgedReport';
import { PartiesPage } from './PartiesPage';
import { PaymentPage } from './PaymentPage';
import { TradeDocPage } from './TradeDocPage';
import { TradeListPage } from './TradeListPage';
import { installBrowserStubs, UI_WAIT_MS } from '../../../../ui/testing/browser-stubs';

const calls: { method: string; params: unknown }[] = [];
let responses: Record<string, (params: never) => unknown> = {};
const saveFile = vi.fn(async (_req: { suggestedName: string; data: string | Uint8Array }) => true);

const base = {
  branch: 'HQ',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'ann',
  device: 'A',
  v: 1,
};
const acme = {
  ...base,
  _id: 'party:acme',
  type: 'party',
  branch: '*',
  kind: 'customer',
  code: 'C-1',
  name: 'Acme',
  email: '',
  phone: '',
  address: '',
  taxId: '',
  paymentTermsDays: 30,
  currency: 'USD',
  archived: false,
};
const invoice = {
  ...base,
  _id: 'inv1',
  type: 'tradeDoc',
  side: 'sales',
  kind: 'invoice',
  number: 'HQ-A-INV-000001',
  reference: '',
  partyId: 'party:acme',
  date: '2026-01-10',
  dueDate: '2026-02-09',
  currency: 'USD',
  rate: '1',
  taxMode: 'exclusive',
  lines: [
    {
      itemCode: '',
      description: 'Consulting',
      quantity: '2',
      unitPrice: 5000,
      discountBp: 0,
      taxCode: 'VAT20',
      account: '4000',
    },
  ],
  memo: '',
  status: 'posted',
  totals: { net: 10000, tax: 2000, gross: 12000 },
  posting: [
    {
      account: '1200',
      debit: 12000,
      credit: 0,
      baseDebit: 12000,
      baseCredit: 0,
      party: 'party:acme',
      memo: '',
      branch: null,
    },
    {
      account: '4000',
      debit: 0,
      credit: 10000,
      baseDebit: 0,
      baseCredit: 10000,
      party: null,
      memo: '',
      branch: null,
    },
    {
      account: '2200',
      debit: 0,
      credit: 2000,
      baseDebit: 0,
      baseCredit: 2000,
      party: null,
      memo: '',
      branch: null,
    },
  ],
  creditFor: null,
  postedAt: '2026-01-10T10:00:00.000Z',
  postedBy: 'ann',
};
const openItem = (docId: string, number: string, date: string, open: number) => ({
  docId,
  db: 'b',
  side: 'sales',
  kind: 'invoice',
  number,
  partyId: 'party:acme',
  date,
  dueDate: date,
  currency: 'USD',
  rate: '1',
  gross: 12000,
  creditFor: null,
  branch: 'HQ',
  open,
  status: 'overdue',
});

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      const f = responses[method];
      if (!f) throw new Error(`unexpected ${method}`);
      return f(params as never);
    },
  } as unknown as RpcClient);
});

beforeEach(() => {
  responses = {
    'org.listDevices': () => [{ _id: 'A', branchCode: 'HQ', letter: 'A', label: 'Front desk PC' }],
    'accounts.getSetup': () => ({
      ready: true,
      baseCurrency: 'USD',
      accounts: 5,
      settings: {
        defaultSalesAccount: '4000',
        defaultPurchaseAccount: '6000',
        receivableAccount: '1200',
        payableAccount: '2000',
        lockDate: null,
      },
    }),
    'org.listBranches': () => [
      { _id: 'b1', code: 'HQ', name: 'Head office', currency: 'USD', archived: false },
    ],
    'accounts.listAccounts': () => [
      {
        code: '1000',
        name: 'Bank',
        kind: 'asset',
        subtype: 'bank',
        isGroup: false,
        archived: false,
        currency: null,
      },
      {
        code: '1200',
        name: 'Receivables',
        kind: 'asset',
        subtype: 'receivable',
        isGroup: false,
        archived: false,
        currency: null,
      },
      {
        code: '4000',
        name: 'Sales',
        kind: 'income',
        subtype: 'sales',
        isGroup: false,
        archived: false,
        currency: null,
      },
    ],
    'accounts.listTaxCodes': () => [{ code: 'VAT20', name: 'VAT', rateBp: 2000, archived: false }],
    'accounts.listParties': () => [acme],
  };
});

afterEach(() => {
  cleanup();
  calls.length = 0;
  saveFile.mockClear();
});

function Where() {
  const l = useLocation();
  return <span data-testid="where">{l.pathname + l.search}</span>;
}

function mount(path: string, element: ReactNode, routePath: string) {
  const platform = { files: { saveFile } } as unknown as Platform;
  return render(
    <Provider store={createStore()}>
      <PlatformContext.Provider value={platform}>
        <MantineProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={routePath} element={element} />
              <Route path="*" element={<Where />} />
            </Routes>
          </MemoryRouter>
        </MantineProvider>
      </PlatformContext.Provider>
    </Provider>,
  );
}

const lastCall = (method: string) =>
  [...calls].reverse().find((c) => c.method === method)?.params as
    Record<string, unknown> | undefined;

describe('trade pages', () => {
  it('new invoice: live totals, field errors, then issues with minor units', async () => {
    responses['accounts.issueTradeDoc'] = (p: { lines: unknown[] }) => ({
      ...invoice,
      _id: 'new1',
      lines: p.lines,
    });
    mount('/accounts/sales/new?kind=invoice', <TradeDocPage side="sales" />, '/accounts/sales/new');
    const desc = await screen.findByLabelText('Description, line 1');
    fireEvent.click(screen.getByRole('button', { name: 'Issue invoice' }));
    expect(await screen.findByText('Choose the customer.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'accounts.issueTradeDoc')).toBe(false);

    fireEvent.change(desc, { target: { value: 'Consulting' } });
    fireEvent.change(screen.getByLabelText('Quantity, line 1'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Unit price, line 1'), { target: { value: '0.33' } });
    // The totals recompute after the grid's edit lands: wait on it, never on the default 1 s.
    await waitFor(() => expect(screen.getByTestId('trade-total').textContent).toContain('0.99'), {
      timeout: UI_WAIT_MS,
    });
    expect(
      await screen.findByLabelText('Description, line 2', {}, { timeout: UI_WAIT_MS }),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('combobox', { name: 'Customer' }));
    fireEvent.click(await screen.findByRole('option', { name: 'C-1 Acme', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Issue invoice' }));
    await waitFor(
      () => expect(screen.getByTestId('where').textContent).toBe('/accounts/sales/new1'),
      { timeout: UI_WAIT_MS },
    );
    expect(lastCall('accounts.issueTradeDoc')).toMatchObject({
      side: 'sales',
      kind: 'invoice',
      partyId: 'party:acme',
      currency: 'USD',
      lines: [
        {
          description: 'Consulting',
          quantity: '3',
          unitPrice: 33,
          discountBp: 0,
          taxCode: null,
          account: '4000',
        },
      ],
    });
    expect(lastCall('accounts.issueTradeDoc')).not.toHaveProperty('dueDate');
  });

  it('shows server field errors on the grid line', async () => {
    responses['accounts.saveTradeDraft'] = () => {
      throw Object.assign(
        new Error('The document was not saved: There is no account 4000 to post to.'),
        {
          code: 'validation',
          fields: { 'lines.0.account': 'There is no account 4000 to post to.' },
        },
      );
    };
    mount('/accounts/sales/new?kind=invoice', <TradeDocPage side="sales" />, '/accounts/sales/new');
    fireEvent.change(await screen.findByLabelText('Description, line 1'), {
      target: { value: 'X' },
    });
    fireEvent.change(screen.getByLabelText('Unit price, line 1'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Customer' }));
    fireEvent.click(await screen.findByRole('option', { name: 'C-1 Acme', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect((await screen.findAllByText(/no account 4000/)).length).toBeGreaterThan(0);
  });

  it('a draft can be discarded after confirming; the list is shown again', async () => {
    const draft = {
      ...invoice,
      _id: 'draft1',
      number: null,
      status: 'draft',
      posting: [],
      postedAt: null,
      postedBy: null,
    };
    responses['accounts.getTradeDoc'] = () => ({
      doc: draft,
      readOnly: false,
      open: 0,
      status: 'draft',
      payments: [],
      credits: [],
    });
    responses['accounts.discardDraft'] = () => undefined;
    mount('/accounts/sales/draft1', <TradeDocPage side="sales" />, '/accounts/sales/:id');
    fireEvent.click(await screen.findByRole('button', { name: 'Discard draft' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep it' }));
    expect(calls.some((c) => c.method === 'accounts.discardDraft')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/accounts/sales'));
    expect(lastCall('accounts.discardDraft')).toEqual({ id: 'draft1' });
  });

  it('issued invoice: status, open amount, posting and actions', async () => {
    responses['accounts.getTradeDoc'] = () => ({
      doc: invoice,
      readOnly: true,
      open: 7000,
      status: 'partly-paid',
      payments: [{ id: 'pay1', number: 'HQ-A-RCPT-000001', date: '2026-01-20', amount: 5000 }],
      credits: [],
    });
    mount('/accounts/sales/inv1', <TradeDocPage side="sales" />, '/accounts/sales/:id');
    expect((await screen.findByTestId('trade-status')).textContent).toBe('Partly paid');
    expect(screen.getByTestId('trade-open').textContent).toContain('70.00');
    expect(screen.getByText('HQ-A-RCPT-000001')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Posting' })).toBeTruthy();
    // History names the device as people know it, never its id.
    await waitFor(() =>
      expect(document.body.textContent).toContain('on device HQ-A Front desk PC'),
    );
    expect(document.body.textContent).not.toMatch(/on device A\b/);
    fireEvent.click(screen.getByRole('button', { name: 'Issue credit note' }));
    // `:id` = "new" opens the editor for a credit note, copied from the invoice.
    expect(((await screen.findByLabelText('Description, line 1')) as HTMLInputElement).value).toBe(
      'Consulting',
    );
    expect(screen.getByRole('heading', { name: 'New credit note' })).toBeTruthy();
  });

  it('new credit note copies the original', async () => {
    responses['accounts.getTradeDoc'] = () => ({
      doc: invoice,
      readOnly: true,
      open: 12000,
      status: 'open',
      payments: [],
      credits: [],
    });
    mount(
      '/accounts/sales/new?kind=credit&creditFor=inv1',
      <TradeDocPage side="sales" />,
      '/accounts/sales/new',
    );
    expect(((await screen.findByLabelText('Description, line 1')) as HTMLInputElement).value).toBe(
      'Consulting',
    );
    expect(screen.getByRole('button', { name: 'Issue credit note' })).toBeTruthy();
    expect(screen.getByTestId('trade-total').textContent).toContain('120.00');
  });

  it('receipt: allocates oldest first, shows what stays on account, sends allocations', async () => {
    responses['accounts.openItems'] = () => [
      openItem('i2', 'INV-2', '2026-02-01', 12000),
      openItem('i1', 'INV-1', '2026-01-01', 3000),
    ];
    responses['accounts.recordPayment'] = () => ({ _id: 'p1' });
    mount(
      '/accounts/receipts/new?party=party:acme',
      <PaymentPage side="receipt" />,
      '/accounts/receipts/new',
    );
    await screen.findByLabelText('Allocate to INV-1');
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '200' } });
    expect(screen.getByTestId('payment-unallocated').textContent).toContain('50.00');
    fireEvent.click(screen.getByRole('button', { name: 'Allocate oldest first' }));
    expect((screen.getByLabelText('Allocate to INV-1') as HTMLInputElement).value).toBe('30.00');
    expect((screen.getByLabelText('Allocate to INV-2') as HTMLInputElement).value).toBe('120.00');
    fireEvent.change(screen.getByLabelText('Allocate to INV-2'), { target: { value: '100' } });
    expect(screen.getByTestId('payment-unallocated').textContent).toContain('70.00');
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/accounts/sales'));
    expect(lastCall('accounts.recordPayment')).toMatchObject({
      side: 'receipt',
      partyId: 'party:acme',
      amount: 20000,
      account: '1000',
      allocations: [
        { documentId: 'i1', amount: 3000 },
        { documentId: 'i2', amount: 10000 },
      ],
    });
  });

  it('receipt without manual allocations lets the core allocate', async () => {
    responses['accounts.openItems'] = () => [openItem('i1', 'INV-1', '2026-01-01', 3000)];
    responses['accounts.recordPayment'] = () => ({ _id: 'p1' });
    mount(
      '/accounts/receipts/new?party=party:acme',
      <PaymentPage side="receipt" />,
      '/accounts/receipts/new',
    );
    await screen.findByLabelText('Allocate to INV-1');
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(lastCall('accounts.recordPayment')).toBeDefined());
    expect(lastCall('accounts.recordPayment')).not.toHaveProperty('allocations');
  });

  it('aged report: totals row and exact CSV', async () => {
    responses['accounts.agedReport'] = () => [
      {
        partyId: 'party:acme',
        buckets: { current: 100, '1-30': 0, '31-60': 2550, '61-90': 0, '90+': 0 },
        total: 2650,
      },
    ];
    mount('/r', <AgedReport side="sales" />, '/r');
    await waitFor(() => expect(screen.getByTestId('aged-total').textContent).toContain('26.50'));
    expect(screen.getByText('Acme')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(saveFile.mock.calls[0]![0].data).toContain('Acme,1.00,0.00,25.50,0.00,0.00,26.50');
  });

  it('parties: validates with the schema before saving', async () => {
    responses['accounts.saveParty'] = () => acme;
    mount('/p', <PartiesPage />, '/p');
    expect(await screen.findByText('Acme')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add customer or supplier' }));
    fireEvent.change(await screen.findByLabelText('Code'), { target: { value: 'c 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter the name.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'accounts.saveParty')).toBe(false);
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'c-2' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Bolt Ltd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(lastCall('accounts.saveParty')).toMatchObject({
        fields: { code: 'C-2', name: 'Bolt Ltd', kind: 'customer', currency: 'USD' },
      }),
    );
  });

  it('list renders with its buttons', async () => {
    responses['accounts.openItems'] = () => [openItem('i1', 'INV-1', '2026-01-01', 3000)];
    responses['accounts.listDocs'] = () => ({ rows: [], total: 0 });
    mount('/accounts/purchases', <TradeListPage side="purchase" />, '/accounts/purchases');
    expect(await screen.findByRole('button', { name: 'New bill' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New supplier credit' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/accounts/payments/new'),
    );
  });
});
