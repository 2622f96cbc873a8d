// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PlatformContext } from '../../../client/platform-context';
import type { Platform } from '../../../platform';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { ACCOUNT_SUBTYPES, type AccountSubtype } from '../domain/schemas';
import { AccountsPage } from './AccountsPage';
import { fakeCore, mountPage } from './testing/kit';

/** A UK chart as the company's old package exports it: no sub-type column. */
const UK_CSV = [
  'code,name,type',
  '1100,Debtors,asset',
  '1200,Bank current account,asset',
  '2100,Creditors,liability',
  '2200,VAT,liability',
  '3200,Retained earnings,equity',
  '4000,Sales,income',
  '4910,Foreign exchange gain/loss,income',
  '5000,Cost of sales,expense',
  '8210,Exchange rate losses,expense',
  '8220,Rounding differences,expense',
].join('\r\n');

const UK_ACCOUNTS: [string, string, AccountSubtype][] = [
  ['1100', 'Debtors', 'receivable'],
  ['1200', 'Bank current account', 'bank'],
  ['2100', 'Creditors', 'payable'],
  ['2200', 'VAT', 'tax-payable'],
  ['3200', 'Retained earnings', 'retained-earnings'],
  ['4000', 'Sales', 'sales'],
  ['4910', 'Foreign exchange gain/loss', 'fx-gain'],
  ['5000', 'Cost of sales', 'cost-of-sales'],
  ['8210', 'Exchange rate losses', 'fx-loss'],
  ['8220', 'Rounding differences', 'rounding'],
];
const account = ([code, name, subtype]: (typeof UK_ACCOUNTS)[number]) => ({
  _id: `account:${code}`,
  code,
  name,
  kind: ACCOUNT_SUBTYPES[subtype],
  subtype,
  parentCode: null,
  isGroup: false,
  currency: null,
  description: '',
  archived: false,
});

const core = fakeCore();
const openFile = vi.fn(async (_f: unknown) => null as { name: string; data: Uint8Array } | null);
const platform = { files: { openFile } } as unknown as Platform;

beforeAll(() => installBrowserStubs());
afterEach(() => {
  cleanup();
  core.reset();
  openFile.mockReset();
});

function mount(path: string) {
  core.responses['app.getState'] = () => ({ phase: 'ready' });
  return mountPage(
    <PlatformContext.Provider value={platform}>
      <AccountsPage />
    </PlatformContext.Provider>,
    { path, route: '/accounts/*' },
  );
}

const setup = (accounts: number, settings: unknown = null) => ({
  ready: settings !== null && accounts > 0,
  settings,
  baseCurrency: 'GBP',
  accounts,
});

describe('starting from my own chart', () => {
  it('a new company chooses between the starter chart and its own; its own leads to the import', async () => {
    core.responses['accounts.getSetup'] = () => setup(0);
    core.responses['accounts.listAccounts'] = () => [];
    mount('/accounts');
    expect(await screen.findByRole('button', { name: 'Use the starter chart' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start from my own chart' }));
    expect(await screen.findByRole('button', { name: 'Import chart CSV…' })).toBeTruthy();
    expect(core.called('accounts.setupStarterChart')).toBe(false);
  });

  it('shows the guessed sub-types before saving and sends the clerk’s changes', async () => {
    core.responses['accounts.getSetup'] = () => setup(0);
    core.responses['accounts.listAccounts'] = () => [];
    core.responses['accounts.importChartCsv'] = () => ({
      ok: true,
      written: 10,
      problems: [],
      warnings: [],
    });
    openFile.mockResolvedValueOnce({
      name: 'uk-chart.csv',
      data: new TextEncoder().encode(UK_CSV),
    });
    mount('/accounts/io');
    fireEvent.click(await screen.findByRole('button', { name: 'Import chart CSV…' }));
    const preview = await screen.findByTestId('chart-preview');
    expect(core.called('accounts.importChartCsv')).toBe(false);
    expect(within(preview).getAllByText('guessed')).toHaveLength(10);
    const fx = within(preview).getByLabelText('Sub-type of 4910 Foreign exchange gain/loss');
    expect(fx).toHaveProperty('value', 'fx-gain');
    const vat = within(preview).getByLabelText<HTMLSelectElement>('Sub-type of 2200 VAT');
    expect(vat.value).toBe('tax-payable');
    // The file's codes are kept; the list reads in a bookkeeper's words.
    expect(vat.selectedOptions[0]!.textContent).toBe('Tax payable');
    fireEvent.change(fx, { target: { value: 'other-income' } });
    expect(within(preview).getAllByText('guessed')).toHaveLength(9);
    fireEvent.click(screen.getByRole('button', { name: 'Import 10 accounts' }));
    await waitFor(() => expect(core.called('accounts.importChartCsv')).toBe(true));
    const sent = core.last('accounts.importChartCsv') as {
      csv: string;
      subtypes: Record<string, string>;
    };
    expect(sent.csv).toBe(UK_CSV);
    expect(sent.subtypes).toMatchObject({
      '1100': 'receivable',
      '2100': 'payable',
      '3200': 'retained-earnings',
      '4910': 'other-income',
    });
    expect(await screen.findByText('Next: choose the special accounts')).toBeTruthy();
  });

  it('pages that post say which special accounts are missing and lead to the settings, which save them', async () => {
    const saved = {
      lockDate: null,
      receivableAccount: '1100',
      payableAccount: '2100',
      retainedEarningsAccount: '3200',
      fxGainAccount: '4910',
      fxLossAccount: '8210',
      roundingAccount: '8220',
      defaultSalesAccount: '4000',
      defaultPurchaseAccount: '5000',
    };
    core.responses['accounts.getSetup'] = () => setup(10);
    core.responses['accounts.listAccounts'] = () => UK_ACCOUNTS.map(account);
    core.responses['accounts.listTaxCodes'] = () => [];
    core.responses['accounts.saveLedgerSettings'] = () => saved;
    mount('/accounts/sales');
    const notice = await screen.findByTestId('missing-settings');
    expect(notice.textContent).toContain('Accounts receivable');
    expect(notice.textContent).toContain('Retained earnings');
    fireEvent.click(within(notice).getByRole('link', { name: 'Open ledger settings' }));
    const receivable = await screen.findByLabelText('Accounts receivable', { selector: 'input' });
    expect(receivable).toHaveProperty('value', '1100 Debtors');
    expect(screen.getByLabelText(/^Tax payable/, { selector: 'input' })).toHaveProperty(
      'value',
      '2200 VAT',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save ledger settings' }));
    await waitFor(() => expect(core.called('accounts.saveLedgerSettings')).toBe(true));
    const { lockDate: _lock, ...accounts } = saved;
    expect(core.last('accounts.saveLedgerSettings')).toEqual({
      accounts,
      tax: { taxPayableAccount: '2200', taxReceivableAccount: '2200' },
    });
  });

  it('a chart without exchange accounts cannot be saved until they exist, and says so', async () => {
    core.responses['accounts.getSetup'] = () => setup(8);
    core.responses['accounts.listAccounts'] = () =>
      UK_ACCOUNTS.filter(([, , s]) => s !== 'fx-gain' && s !== 'fx-loss').map(account);
    core.responses['accounts.listTaxCodes'] = () => [];
    mount('/accounts/ledger-settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Save ledger settings' }));
    expect(await screen.findByText('Choose the exchange gains account.')).toBeTruthy();
    expect(screen.getByText('Choose the exchange losses account.')).toBeTruthy();
    expect(core.called('accounts.saveLedgerSettings')).toBe(false);
  });

  it('the chart marks the accounts chosen in Ledger settings', async () => {
    core.responses['accounts.getSetup'] = () =>
      setup(10, {
        lockDate: null,
        receivableAccount: '1100',
        payableAccount: '2100',
        retainedEarningsAccount: '3200',
        fxGainAccount: '4910',
        fxLossAccount: '8210',
        roundingAccount: '8220',
        defaultSalesAccount: '4000',
        defaultPurchaseAccount: '5000',
      });
    core.responses['accounts.listAccounts'] = () => UK_ACCOUNTS.map(account);
    mount('/accounts/chart');
    const role = async (code: string) =>
      within(await screen.findByTestId(`account-${code}`)).getByTitle('Ledger settings')
        .textContent;
    expect(await role('1100')).toBe('Accounts receivable');
    expect(await role('4000')).toBe('Default sales account');
    expect(within(screen.getByTestId('account-1200')).queryByTitle('Ledger settings')).toBeNull();
  });
});
