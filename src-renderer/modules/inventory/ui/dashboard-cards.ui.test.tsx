// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { InventoryDashboardCards } from './InventoryDashboardCards';
import { readyState } from './testing/fixtures';
import { fakeCore, mountPage } from './testing/kit';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});

const check = { asOf: '2026-03-31', valuation: 3_600, accounts: ['1300'], missing: [] as string[] };

beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.valuation'] = () => ({
    asOf: '2026-03-31',
    rows: [
      {
        item: 'item:01BEANS',
        sku: 'BEAN-1KG',
        name: 'Colombian coffee beans 1 kg',
        method: 'average',
        qty: '4',
        value: 3_600,
      },
    ],
    total: 3_600,
  });
  core.responses['inventory.negativeStock'] = () => [];
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('the Inventory dashboard: stock in the books', () => {
  it('says the inventory account equals the valuation', async () => {
    core.responses['inventory.ledgerCheck'] = () => ({ ...check, books: 3_600, difference: 0 });
    mountPage(<InventoryDashboardCards />);
    expect((await screen.findByTestId('dash-ledger-check')).textContent).toBe(
      'Inventory in the books $36.00 = valuation $36.00',
    );
  });

  it('warns with the difference in words and where to look', async () => {
    core.responses['inventory.ledgerCheck'] = () => ({ ...check, books: 4_100, difference: 500 });
    mountPage(<InventoryDashboardCards />);
    expect((await screen.findByTestId('dash-ledger-check')).textContent).toBe(
      'Inventory in the books $41.00, valuation $36.00: the books show $5.00 more. Look for journal entries by hand to account 1300.',
    );
  });

  it('says stock is not in the books while accounts are missing, and links to settings', async () => {
    core.responses['inventory.ledgerCheck'] = () => ({
      ...check,
      books: 0,
      difference: -3_600,
      missing: ['Goods received not billed'],
    });
    mountPage(<InventoryDashboardCards />);
    expect((await screen.findByTestId('dash-ledger-check')).textContent).toBe(
      'Stock moves are not in the books yet: choose the stock accounts in Inventory settings.',
    );
    expect(screen.getByRole('link', { name: 'Choose the accounts' }).getAttribute('href')).toBe(
      '/inventory/settings',
    );
  });
});
