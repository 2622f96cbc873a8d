// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { readyState } from './testing/fixtures';
import { errorBeside, fakeCore, mountPage, refusal } from './testing/kit';
import { StockAccountsNotice } from './MissingStockAccounts';
import { SettingsPage } from './SettingsPage';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});

const account = (code: string, name: string, kind: string, isGroup = false) => ({
  code,
  name,
  kind,
  isGroup,
  archived: false,
});
const settings = {
  _id: 'inventorySettings:company',
  type: 'inventorySettings',
  negativeStock: 'refuse',
  inventoryAccount: '1300',
  cogsAccount: '5100',
  grniAccount: '',
  goodsInTransitAccount: '',
  interBranchAccount: '1900',
  stockAdjustmentAccount: '5300',
};

beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.getSettings'] = () => settings;
  core.responses['accounts.listAccounts'] = () => [
    account('1000', 'Current assets', 'asset', true),
    account('1300', 'Inventory', 'asset'),
    account('1350', 'Goods in transit', 'asset'),
    account('1900', 'Between branches', 'asset'),
    account('2150', 'Goods received not billed', 'liability'),
    account('2300', 'Accrued expenses', 'liability'),
    account('5100', 'Cost of goods sold', 'expense'),
    account('5150', 'Purchase price differences', 'expense'),
    account('5300', 'Stock adjustments and shrinkage', 'expense'),
  ];
});
afterEach(() => {
  cleanup();
  core.reset();
});

const route = { route: '/inventory/settings', path: '/inventory/settings' };

describe('inventory settings: accounts for stock in the ledger', () => {
  it('says which accounts are missing, offers accounts of the right kind, and saves the choice', async () => {
    core.responses['inventory.saveSettings'] = (p: object) => ({ ...settings, ...p });
    mountPage(<SettingsPage />, route);
    const missing = await screen.findByTestId('missing-stock-accounts');
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Goods received not billed', 'Goods in transit']);
    const user = userEvent.setup();
    const grni = screen.getByLabelText(/^Goods received not billed/, { selector: 'input' });
    await user.type(grni, 'goods');
    // Only liabilities are offered: 1350 Goods in transit, an asset, is not.
    const list = await waitFor(() => document.getElementById(grni.getAttribute('aria-controls')!)!);
    const offered = within(list).getAllByRole('option', { hidden: true });
    expect(offered.map((o) => o.textContent)).toEqual(['2150 Goods received not billed']);
    await user.keyboard('{Enter}');
    await user.type(
      screen.getByLabelText(/^Goods in transit/, { selector: 'input' }),
      '1350{Enter}',
    );
    // Not needed for stock moves to post (it is not listed missing), but a bill from receipts is.
    await user.type(
      screen.getByLabelText(/^Purchase price differences/, { selector: 'input' }),
      'price{Enter}',
    );
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(core.called('inventory.saveSettings')).toBe(true));
    expect(core.last('inventory.saveSettings')).toEqual({
      negativeStock: 'refuse',
      inventoryAccount: '1300',
      cogsAccount: '5100',
      grniAccount: '2150',
      goodsInTransitAccount: '1350',
      interBranchAccount: '1900',
      stockAdjustmentAccount: '5300',
      priceDifferenceAccount: '5150',
    });
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
  });

  it('shows a refusal beside the account it is about', async () => {
    core.responses['inventory.saveSettings'] = () => {
      throw refusal(
        'Goods received not billed: 2300 Accrued expenses is archived. Choose another account. The inventory settings were not saved.',
        { grniAccount: 'Choose a liability account.' },
      );
    };
    mountPage(<SettingsPage />, route);
    const user = userEvent.setup();
    const grni = await screen.findByLabelText(/^Goods received not billed/, { selector: 'input' });
    await user.type(grni, '2300{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(errorBeside(grni)).toBe('Choose a liability account.'));
  });
});

describe('a page that moves stock', () => {
  it('says which stock accounts are still to choose, and where', async () => {
    core.responses['inventory.getSettings'] = () => null;
    mountPage(<StockAccountsNotice />, route);
    const missing = await screen.findByTestId('missing-stock-accounts');
    expect(within(missing).getAllByRole('listitem')).toHaveLength(6);
    expect(within(missing).getByRole('link', { name: 'Open inventory settings' })).toBeTruthy();
    // A standing note: the page's refusals stay its only alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing once every account is chosen', async () => {
    core.responses['inventory.getSettings'] = () => ({
      ...settings,
      grniAccount: '2150',
      goodsInTransitAccount: '1350',
    });
    mountPage(<SettingsPage />, route);
    const grni = await screen.findByLabelText(/^Goods received not billed/, { selector: 'input' });
    await waitFor(() =>
      expect((grni as HTMLInputElement).value).toBe('2150 Goods received not billed'),
    );
    expect(screen.queryByTestId('missing-stock-accounts')).toBeNull();
  });
});
