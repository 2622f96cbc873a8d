// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { errorBeside, fakeCore, mountPage, refusal } from '../testing/kit';
import { PaymentPage } from './PaymentPage';

let core: ReturnType<typeof fakeCore>;
const party = (currency: string) => ({
  _id: 'party:bayside',
  type: 'party',
  branch: '*',
  v: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'ann',
  device: 'A',
  kind: 'customer',
  code: 'C-100',
  name: 'Bayside Cafe',
  email: '',
  phone: '',
  address: '',
  taxId: '',
  paymentTermsDays: 30,
  currency,
  archived: false,
});
const invoice = (docId: string, number: string, date: string, open: number, currency: string) => ({
  docId,
  db: 'branch-nyc',
  side: 'sales',
  kind: 'invoice',
  number,
  partyId: 'party:bayside',
  date,
  dueDate: date,
  currency,
  rate: '1',
  gross: open,
  creditFor: null,
  branch: 'NYC',
  open,
  status: 'open',
});

function company(base: string, open: ReturnType<typeof invoice>[] = []) {
  core.responses['accounts.getSetup'] = () => ({
    ready: true,
    baseCurrency: base,
    accounts: 40,
    settings: { receivableAccount: '1200', payableAccount: '2000', lockDate: null },
  });
  core.responses['accounts.listParties'] = () => [party(base)];
  core.responses['accounts.listAccounts'] = () => [
    {
      code: '1010',
      name: 'Operating bank',
      kind: 'asset',
      subtype: 'bank',
      isGroup: false,
      archived: false,
      currency: null,
    },
  ];
  core.responses['accounts.openItems'] = () => open;
  core.responses['accounts.recordPayment'] = () => ({ _id: 'payment:1' });
}

const receipt = (locale: string) =>
  mountPage(<PaymentPage side="receipt" />, {
    path: '/accounts/receipts/new?party=party:bayside',
    route: '/accounts/receipts/new',
    locale,
  });

beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('recording a receipt', () => {
  it.each([
    ['de-DE', 'EUR', '1.234,50', '31.03.2026'],
    ['en-US', 'USD', '1,234.50', '3/31/2026'],
  ])(
    'in %s an amount typed as the clerk writes it is sent in minor units',
    async (locale, base, typed, date) => {
      company(base);
      receipt(locale);
      await screen.findByText(/whole amount is kept on account/);
      fireEvent.change(screen.getByLabelText('Date'), { target: { value: date } });
      fireEvent.change(screen.getByLabelText('Amount'), { target: { value: typed } });
      fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
      await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/accounts/sales'));
      expect(core.last('accounts.recordPayment')).toEqual({
        side: 'receipt',
        partyId: 'party:bayside',
        date: '2026-03-31',
        currency: base,
        rate: '1',
        amount: 123_450,
        account: '1010',
        memo: '',
        reference: '',
      });
    },
  );

  it('shows the core’s refusal beside the field it names, and stays on the page', async () => {
    company('EUR');
    core.responses['accounts.recordPayment'] = () => {
      throw refusal('The books are locked up to 31 March 2026.', {
        date: 'The books are locked up to 31 March 2026.',
      });
    };
    receipt('de-DE');
    await screen.findByText(/whole amount is kept on account/);
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '15.03.2026' } });
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '250' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() =>
      expect(errorBeside(screen.getByLabelText('Date'))).toBe(
        'The books are locked up to 31 March 2026.',
      ),
    );
    expect(core.last('accounts.recordPayment')).toMatchObject({
      date: '2026-03-15',
      amount: 25_000,
    });
    expect(screen.queryByTestId('where')).toBeNull();
  });

  it('an allocation that does not read, or is more than is open, keeps the receipt from being sent', async () => {
    company('EUR', [invoice('tradeDoc:1', 'NYC-A-INV-000007', '2026-02-01', 40_000, 'EUR')]);
    receipt('de-DE');
    const row = await screen.findByLabelText('Allocate to NYC-A-INV-000007');
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '500' } });
    fireEvent.change(row, { target: { value: '12,345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(errorBeside(row)).toMatch(/^Not an amount in EUR/));
    fireEvent.change(row, { target: { value: '450' } });
    await waitFor(() => expect(errorBeside(row)).toBe('Only 400,00 is open.'));
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    fireEvent.change(row, { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/accounts/sales'));
    expect(core.calls.filter((c) => c.method === 'accounts.recordPayment')).toHaveLength(1);
    expect(core.last('accounts.recordPayment')).toMatchObject({
      amount: 50_000,
      allocations: [{ documentId: 'tradeDoc:1', amount: 40_000 }],
    });
  });

  it('says what is missing beside each field before anything is sent', async () => {
    company('EUR');
    receipt('de-DE');
    await screen.findByText(/whole amount is kept on account/);
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() =>
      expect(errorBeside(screen.getByLabelText('Amount'))).toBe('Enter the amount.'),
    );
    expect(errorBeside(screen.getByLabelText('Date'))).toBe('Enter the date of the payment.');
    expect(core.called('accounts.recordPayment')).toBe(false);
  });
});
