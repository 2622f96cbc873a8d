// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { ChartOfAccountsPage } from './ChartOfAccountsPage';
import { PeriodClosePage } from './PeriodClosePage';
import { RatesPage } from './RatesPage';
import { errorBeside, fakeCore, mountPage, refusal } from './testing/kit';

let core: ReturnType<typeof fakeCore>;
const settings = {
  defaultSalesAccount: '4000',
  defaultPurchaseAccount: '6000',
  receivableAccount: '1200',
  payableAccount: '2000',
  retainedEarningsAccount: '3200',
  lockDate: '2025-12-31',
};

beforeAll(() => {
  installBrowserStubs();
  // The account form's description grows with its text, listening for web fonts jsdom lacks.
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener() {}, removeEventListener() {} },
    });
  core = fakeCore();
});
beforeEach(() => {
  core.responses['accounts.getSetup'] = () => ({
    ready: true,
    baseCurrency: 'EUR',
    accounts: 40,
    settings,
  });
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('exchange rates', () => {
  it('reads a rate typed the German way and sends it as exact decimal text', async () => {
    core.responses['accounts.listRates'] = () => [];
    core.responses['accounts.saveRate'] = (p: object) => ({ _id: 'currencyRate:1', ...p });
    mountPage(<RatesPage />, { locale: 'de-DE' });
    const date = await screen.findByLabelText('Date');
    fireEvent.change(date, { target: { value: '31.03.2026' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Currency' }));
    fireEvent.click(await screen.findByRole('option', { name: 'USD', hidden: true }));
    fireEvent.change(screen.getByLabelText('Rate (EUR per unit)'), {
      target: { value: '0,9213' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save rate' }));
    await waitFor(() =>
      expect(core.last('accounts.saveRate')).toMatchObject({
        date: '2026-03-31',
        currency: 'USD',
        rate: '0.9213',
      }),
    );
  });

  it('says what is missing beside each field and sends nothing', async () => {
    core.responses['accounts.listRates'] = () => [];
    mountPage(<RatesPage />, { locale: 'en-US' });
    fireEvent.click(await screen.findByRole('button', { name: 'Save rate' }));
    await waitFor(() =>
      expect(errorBeside(screen.getByLabelText('Rate (EUR per unit)'))).toBe('Enter the rate.'),
    );
    expect(errorBeside(screen.getByRole('combobox', { name: 'Currency' }))).toBe(
      'Choose the currency.',
    );
    expect(core.called('accounts.saveRate')).toBe(false);
  });
});

describe('period close', () => {
  it('a date that does not read never removes the lock; an empty one does', async () => {
    core.responses['accounts.setLockDate'] = (p: { lockDate: string | null }) => ({
      ...settings,
      ...p,
    });
    mountPage(<PeriodClosePage />, { locale: 'en-GB' });
    // The field starts from the saved lock date once the settings have loaded.
    await waitFor(() =>
      expect((screen.getByLabelText('Lock the books up to') as HTMLInputElement).value).toBe(
        '31/12/2025',
      ),
    );
    const lock = screen.getByLabelText('Lock the books up to');
    fireEvent.focus(lock);
    fireEvent.change(lock, { target: { value: '31/13/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save lock date' }));
    await waitFor(() => expect(errorBeside(lock)).toMatch(/^Not a date/));
    expect(core.called('accounts.setLockDate')).toBe(false);

    fireEvent.change(lock, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save lock date' }));
    await waitFor(() => expect(core.last('accounts.setLockDate')).toEqual({ lockDate: null }));
  });

  it('shows the core’s refusal of a year-end beside the date', async () => {
    core.responses['accounts.closeYear'] = () => {
      throw refusal('2025-12-31 is on or before the lock date (2025-12-31).', {
        yearEnd: '2025-12-31 is on or before the lock date (2025-12-31).',
      });
    };
    mountPage(<PeriodClosePage />, { locale: 'en-GB' });
    const yearEnd = await screen.findByLabelText('Last day of the year');
    fireEvent.click(screen.getByRole('button', { name: 'Close the year' }));
    await waitFor(() =>
      expect(errorBeside(yearEnd)).toBe('Enter the last day of the year to close.'),
    );
    fireEvent.change(yearEnd, { target: { value: '31/12/2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Close the year' }));
    await waitFor(() =>
      expect(errorBeside(yearEnd)).toBe('2025-12-31 is on or before the lock date (2025-12-31).'),
    );
    expect(core.last('accounts.closeYear')).toEqual({ yearEnd: '2025-12-31' });
  });
});

describe('chart of accounts', () => {
  it('checks the account with the schema, then shows the core’s refusal on its field', async () => {
    core.responses['accounts.listAccounts'] = () => [];
    core.responses['accounts.saveAccount'] = () => {
      throw refusal('The account was not saved.', { code: 'Account 6100 already exists.' });
    };
    mountPage(<ChartOfAccountsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add account' }));
    const code = await screen.findByLabelText('Account code');
    fireEvent.change(code, { target: { value: '6100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() =>
      expect(errorBeside(screen.getByLabelText('Account name'))).toBe('Enter the account name.'),
    );
    expect(core.called('accounts.saveAccount')).toBe(false);
    // The message follows the clerk's correction, before saving again.
    fireEvent.change(screen.getByLabelText('Account name'), { target: { value: 'Rent' } });
    await waitFor(() => expect(errorBeside(screen.getByLabelText('Account name'))).toBeUndefined());
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(errorBeside(code)).toBe('Account 6100 already exists.'));
    expect(core.last('accounts.saveAccount')).toMatchObject({
      fields: { code: '6100', name: 'Rent', kind: 'expense', subtype: 'expense' },
    });
  });
});
