// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRpcClient } from '../../../../client/api';
import { PlatformContext } from '../../../../client/platform-context';
import type { RpcClient } from '../../../../client/rpc-client';
import { createStore } from '../../../../client/store';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { GeneralLedgerPage, PaymentView } from '../../rpc-contract';
import { GeneralLedgerReport } from '../reports/GeneralLedgerReport';
import { PaymentViewPage } from './PaymentViewPage';

const row = {
  db: 'branch-nyc',
  account: '1200',
  branch: 'NYC',
  docDebit: 0,
  docCredit: 0,
  currency: 'USD',
};
/** The bank account's March: rent paid by cheque 1187 to the landlord, then a customer's transfer. */
const gl: GeneralLedgerPage = {
  account: { code: '1200', name: 'Bank', kind: 'asset' },
  from: '2026-03-01',
  to: '2026-03-31',
  opening: 3_400_050,
  rows: [
    {
      ...row,
      id: 'payment:01J9CHQ#0',
      docId: 'payment:01J9CHQ',
      docType: 'payment',
      number: 'NYC-A-PAY-000004',
      date: '2026-03-04',
      party: 'party:harbor',
      memo: 'Cheque 1187',
      debit: 0,
      credit: 125_000,
      balance: 3_275_050,
    },
  ],
  total: 1,
  closing: 3_275_050,
};
const payment: PaymentView = {
  doc: {
    _id: 'payment:01J9CHQ',
    type: 'payment',
    v: 1,
    branch: 'NYC',
    createdAt: '2026-03-04T15:02:11.000Z',
    createdBy: 'Maria Lopez',
    device: 'device:A',
    side: 'payment',
    number: 'NYC-A-PAY-000004',
    reference: 'Cheque 1187',
    partyId: 'party:harbor',
    date: '2026-03-04',
    currency: 'USD',
    rate: '1',
    amount: 125_000,
    account: '1200',
    allocations: [{ documentId: 'tradeDoc:01J9BILL', amount: 125_000 }],
    memo: '',
    status: 'posted',
    posting: [],
    postedAt: '2026-03-04T15:02:11.000Z',
    postedBy: 'Maria Lopez',
  },
  partyName: 'Harbor Properties',
  allocations: [
    {
      documentId: 'tradeDoc:01J9BILL',
      number: 'NYC-A-BILL-000012',
      date: '2026-03-01',
      amount: 125_000,
    },
  ],
};

const responses: Record<string, (params: never) => unknown> = {
  'accounts.getSetup': () => ({ ready: true, settings: null, baseCurrency: 'USD', accounts: 2 }),
  'app.getState': () => ({
    phase: 'ready',
    company: { name: 'Acme', baseCurrency: 'USD', fiscalYearStartMonth: 4 },
  }),
  'org.listBranches': () => [
    { _id: 'b1', code: 'NYC', name: 'New York', currency: 'USD', archived: false },
  ],
  'org.listDevices': () => [
    { _id: 'device:A', branchCode: 'NYC', letter: 'A', label: 'Front desk PC' },
  ],
  'accounts.listAccounts': () => [
    { code: '1200', name: 'Bank', kind: 'asset', subtype: 'bank', isGroup: false, archived: false },
  ],
  'accounts.listParties': () => [{ _id: 'party:harbor', name: 'Harbor Properties' }],
  'accounts.generalLedger': () => gl,
  'accounts.getPayment': () => payment,
};

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: unknown) => {
      const f = responses[method];
      if (!f) throw new Error(`unexpected ${method}`);
      return f(params as never);
    },
  } as unknown as RpcClient);
});
afterEach(cleanup);

/** Two cores under load render slowly: wait for the condition, with room to spare. */
const WAIT = { timeout: 15_000 };

function Where() {
  return <span data-testid="where">{useLocation().pathname}</span>;
}

function mount(path: string) {
  return render(
    <Provider store={createStore()}>
      <PlatformContext.Provider value={{ files: {} } as unknown as Platform}>
        <MantineProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/accounts/reports/ledger/:code" element={<GeneralLedgerReport />} />
              <Route path="/accounts/payments/:id" element={<PaymentViewPage />} />
              <Route path="*" element={<Where />} />
            </Routes>
          </MemoryRouter>
        </MantineProvider>
      </PlatformContext.Provider>
    </Provider>,
  );
}

describe('a payment in the general ledger', () => {
  it('shows its reference and party, and opens the payment read-only with what it settled', async () => {
    mount('/accounts/reports/ledger/1200?from=2026-03-01&to=2026-03-31');
    const glRow = await screen.findByTestId('gl-row-0', {}, WAIT);
    await waitFor(
      () => expect(glRow.textContent).toContain('Cheque 1187 — Harbor Properties'),
      WAIT,
    );
    fireEvent.click(within(glRow).getByRole('link', { name: 'NYC-A-PAY-000004' }));

    expect(
      await screen.findByRole('heading', { name: 'Payment NYC-A-PAY-000004' }, WAIT),
    ).toBeTruthy();
    expect(screen.getByTestId('payment-party').textContent).toBe('Harbor Properties');
    expect(screen.getByTestId('payment-reference').textContent).toBe('Cheque 1187');
    expect(screen.getByTestId('payment-amount').textContent).toMatch(/1,250\.00/);
    expect(screen.queryByRole('textbox')).toBeNull();
    const settled = screen.getByRole('table', { name: 'Bills this payment settled' });
    fireEvent.click(within(settled).getByRole('link', { name: 'NYC-A-BILL-000012' }));
    expect((await screen.findByTestId('where', {}, WAIT)).textContent).toBe(
      '/accounts/purchases/tradeDoc%3A01J9BILL',
    );
  });
});
