// @vitest-environment jsdom
import { Notifications } from '@mantine/notifications';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { CHART, nameOf } from '../testing/keyboard';
import { fakeCore, mountPage } from '../testing/kit';
import { Announced } from './Announced';
import { PaymentPage } from './PaymentPage';

/**
 * Issue 11 items 11 and 12 on the receipt form: it starts on the date, Tab visits each field
 * once, a customer code and Enter picks the customer, and once recorded the clerk is told the
 * receipt's number, amount and customer — by a notification and on the page that follows.
 */

let core: ReturnType<typeof fakeCore>;

const bayside = {
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
  currency: 'USD',
  archived: false,
};

beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['accounts.getSetup'] = () => ({
    ready: true,
    baseCurrency: 'USD',
    accounts: CHART.length,
    settings: { receivableAccount: '1100', payableAccount: '2000', lockDate: null },
  });
  core.responses['accounts.listParties'] = () => [bayside];
  core.responses['accounts.listAccounts'] = () => CHART;
  core.responses['accounts.openItems'] = () => [];
  core.responses['accounts.recordPayment'] = (input: Record<string, unknown>) => ({
    ...input,
    _id: 'payment:01J',
    type: 'payment',
    number: 'NYC-A-RC-000123',
    status: 'posted',
  });
});
afterEach(() => {
  cleanup();
  core.reset();
});

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

function mountReceipt() {
  mountPage(
    <>
      <Notifications />
      <Routes>
        <Route path="receipts/new" element={<PaymentPage side="receipt" />} />
        <Route path="sales" element={<Announced />} />
      </Routes>
    </>,
    { path: '/accounts/receipts/new', route: '/accounts/*', locale: 'en-US' },
  );
}

describe('recording a receipt from the keyboard', () => {
  it('starts on the date and Tab visits each field once', async () => {
    const user = userEvent.setup();
    mountReceipt();
    await waitFor(() => expect(document.activeElement).toBe(field('Date')));
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await user.tab();
      order.push(nameOf(document.activeElement));
    }
    expect(order).toEqual([
      'Customer',
      'Amount',
      'Currency',
      'Bank or cash account',
      'Reference',
      'Memo',
    ]);
  });

  it('types the customer code, the amount, Enter through the filled bank account, and is told the number', async () => {
    const user = userEvent.setup();
    mountReceipt();
    await waitFor(() => expect(document.activeElement).toBe(field('Date')));
    await waitFor(() =>
      expect(
        (screen.getByRole('combobox', { name: 'Bank or cash account' }) as HTMLInputElement).value,
      ).toBe('1000 Cash on hand'),
    );
    await user.tab();
    await user.keyboard('C-100{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Amount')));
    await user.keyboard('1,250.00');
    const bank = screen.getByRole('combobox', { name: 'Bank or cash account' });
    await user.click(bank);
    await user.keyboard('oper{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Reference')));
    // Enter in the filled picker moves on without submitting the form or clearing it.
    bank.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Reference')));
    expect(core.called('accounts.recordPayment')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() =>
      expect(core.last('accounts.recordPayment')).toMatchObject({
        partyId: 'party:bayside',
        amount: 125_000,
        account: '1200',
      }),
    );
    const said = /^Receipt NYC-A-RC-000123 recorded — .*1,250\.00.* from Bayside Cafe$/;
    expect((await screen.findByTestId('trade-announced')).textContent).toMatch(said);
    expect(screen.getAllByText(said).length).toBeGreaterThanOrEqual(2);
  });
});
