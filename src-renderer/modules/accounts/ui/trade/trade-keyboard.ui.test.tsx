// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { CHART, nameOf } from '../testing/keyboard';
import { fakeCore, mountPage } from '../testing/kit';
import { TradeDocPage } from './TradeDocPage';

/**
 * Issue 11 items 11 and 12 on a new invoice: it starts on the date, one Tab stop per field,
 * Enter keeps the default account 4100, a new line takes the previous line's tax code.
 */

let core: ReturnType<typeof fakeCore>;

const meta = {
  branch: '*',
  v: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'ann',
  device: 'A',
};
const acme = {
  ...meta,
  _id: 'party:acme',
  type: 'party',
  kind: 'customer',
  code: 'C-0042',
  name: 'Acme Ltd',
  email: 'accounts@acme.example',
  phone: '',
  address: '',
  taxId: '',
  paymentTermsDays: 30,
  currency: 'USD',
  archived: false,
};
const taxCode = (code: string, name: string, rateBp: number) => ({
  ...meta,
  _id: `taxCode:${code}`,
  type: 'taxCode',
  code,
  name,
  rateBp,
  salesAccount: '2200',
  purchaseAccount: '1400',
  archived: false,
});

beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['accounts.getSetup'] = () => ({
    ready: true,
    baseCurrency: 'USD',
    accounts: CHART.length,
    settings: { defaultSalesAccount: '4100', receivableAccount: '1100', lockDate: null },
  });
  core.responses['accounts.listAccounts'] = () => CHART;
  core.responses['accounts.listParties'] = () => [acme];
  core.responses['accounts.listTaxCodes'] = () => [
    taxCode('STD', 'Standard rate', 2000),
    taxCode('RED', 'Reduced rate', 500),
    taxCode('ZERO', 'Zero rated', 0),
  ];
});
afterEach(() => {
  cleanup();
  core.reset();
});

const box = (name: string) => screen.getByRole('combobox', { name }) as HTMLInputElement;
const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const mountInvoice = () =>
  mountPage(<TradeDocPage side="sales" />, {
    path: '/accounts/sales/new?kind=invoice',
    route: '/accounts/sales/new',
  });

describe('new invoice keyboard', () => {
  it('starts on the date; Tab visits each head field once, then the first line', async () => {
    const user = userEvent.setup();
    mountInvoice();
    await waitFor(() => expect(document.activeElement).toBe(field('Date')));
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await user.tab();
      order.push(nameOf(document.activeElement));
    }
    expect(order).toEqual([
      'Customer',
      'Due date',
      'Reference',
      'Currency',
      'Tax exclusive',
      'Memo',
      'Description, line 1',
    ]);
    // Arriving on a picker does not open its list over the fields below.
    expect(box('Customer').getAttribute('aria-expanded')).toBe('false');
  });

  it('typing a customer code and Enter picks it and moves on; Enter on the default account keeps 4100', async () => {
    const user = userEvent.setup();
    mountInvoice();
    await waitFor(() => expect(box('Account, line 1').value).toBe('4100 Sales — consulting'));
    box('Customer').focus();
    await user.keyboard('C-0042{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Due date')));
    expect(box('Customer').value).toBe('C-0042 Acme Ltd');

    await user.click(field('Description, line 1'));
    await user.keyboard('Consulting, March');
    await screen.findByRole('combobox', { name: 'Account, line 2' });
    box('Account, line 1').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Description, line 2')));
    expect(box('Account, line 1').value).toBe('4100 Sales — consulting');
  });

  it('a new line takes the tax code chosen on the line above', async () => {
    const user = userEvent.setup();
    mountInvoice();
    await screen.findByRole('combobox', { name: 'Tax code, line 1' });
    await user.click(field('Description, line 1'));
    await user.keyboard('Consulting, March');
    await screen.findByRole('combobox', { name: 'Tax code, line 2' });
    box('Tax code, line 1').focus();
    await user.keyboard('RED{Enter}');
    await waitFor(() => expect(box('Tax code, line 1').value).toBe('RED Reduced rate (5 %)'));
    expect(box('Tax code, line 2').value).toBe('RED Reduced rate (5 %)');
    expect(box('Account, line 2').value).toBe('4100 Sales — consulting');
  });
});
