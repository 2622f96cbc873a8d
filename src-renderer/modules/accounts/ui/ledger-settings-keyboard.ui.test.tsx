// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { AccountsPage } from './AccountsPage';
import { fakeCore, mountPage } from './testing/kit';

/**
 * Ledger settings is a form of account pickers: Enter on a filled one keeps the account and
 * moves on instead of clearing it or saving the form half-checked; a code and Enter picks.
 */

const core = fakeCore();
const chart = (
  [
    ['1100', 'Debtors', 'asset', 'receivable'],
    ['1200', 'Bank current account', 'asset', 'bank'],
    ['2100', 'Creditors', 'liability', 'payable'],
    ['2200', 'VAT', 'liability', 'tax-payable'],
    ['3200', 'Retained earnings', 'equity', 'retained-earnings'],
    ['4000', 'Sales', 'income', 'sales'],
    ['4910', 'Foreign exchange gain', 'income', 'fx-gain'],
    ['5000', 'Cost of sales', 'expense', 'cost-of-sales'],
    ['8210', 'Exchange rate losses', 'expense', 'fx-loss'],
    ['8220', 'Rounding differences', 'expense', 'rounding'],
    ['8221', 'Rounding, foreign invoices', 'expense', 'rounding'],
  ] as const
).map(([code, name, kind, subtype]) => ({
  _id: `account:${code}`,
  code,
  name,
  kind,
  subtype,
  parentCode: null,
  isGroup: false,
  currency: null,
  description: '',
  archived: false,
}));

beforeAll(() => installBrowserStubs());
afterEach(() => {
  cleanup();
  core.reset();
});

describe('ledger settings from the keyboard', () => {
  it('Enter keeps a chosen account and moves on without saving; typing a code picks it', async () => {
    const user = userEvent.setup();
    core.responses['app.getState'] = () => ({ phase: 'ready' });
    core.responses['accounts.getSetup'] = () => ({
      ready: true,
      baseCurrency: 'GBP',
      accounts: chart.length,
      settings: {
        lockDate: null,
        receivableAccount: '1100',
        payableAccount: '2100',
        retainedEarningsAccount: '3200',
        fxGainAccount: '4910',
        fxLossAccount: '8210',
        roundingAccount: '8220',
        defaultSalesAccount: '4000',
        defaultPurchaseAccount: '5000',
      },
    });
    core.responses['accounts.listAccounts'] = () => chart;
    core.responses['accounts.listTaxCodes'] = () => [];
    core.responses['accounts.saveLedgerSettings'] = () => ({});
    mountPage(<AccountsPage />, { path: '/accounts/ledger-settings', route: '/accounts/*' });
    const receivable = (await screen.findByLabelText('Accounts receivable', {
      selector: 'input',
    })) as HTMLInputElement;
    await waitFor(() => expect(receivable.value).toBe('1100 Debtors'));
    receivable.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).not.toBe(receivable));
    expect(receivable.value).toBe('1100 Debtors');
    expect(core.called('accounts.saveLedgerSettings')).toBe(false);

    const rounding = screen.getByLabelText(/^Rounding/, { selector: 'input' }) as HTMLInputElement;
    rounding.focus();
    await user.keyboard('8221{Enter}');
    await waitFor(() => expect(rounding.value).toBe('8221 Rounding, foreign invoices'));
    expect(core.called('accounts.saveLedgerSettings')).toBe(false);
  });
});
