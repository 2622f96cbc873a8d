// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { ChartOfAccountsPage } from '../ChartOfAccountsPage';
import { errorBeside, fakeCore, mountPage } from '../testing/kit';
import { ImportOutcome } from './ImportOutcome';

let core: ReturnType<typeof fakeCore>;
const WAIT = { timeout: 15_000 };

const bank = {
  _id: 'account:1200',
  type: 'account',
  code: '1200',
  name: 'Commerzbank current account',
  kind: 'asset',
  subtype: 'bank',
  parentCode: null,
  isGroup: false,
  currency: null,
  description: '',
  archived: false,
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
afterEach(() => {
  cleanup();
  core.reset();
});

describe('bank account numbers in the chart', () => {
  it('a bank account takes its IBAN (checked) and OFX ids; other accounts do not show them', async () => {
    core.responses['accounts.getSetup'] = () => ({ ready: true, baseCurrency: 'EUR', accounts: 1 });
    core.responses['accounts.listAccounts'] = () => [bank];
    core.responses['accounts.saveAccount'] = () => bank;
    mountPage(<ChartOfAccountsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit 1200' }, WAIT));
    const iban = await screen.findByLabelText('IBAN', {}, WAIT);
    fireEvent.change(iban, { target: { value: 'DE88 3704 0044 0532 0130 00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(errorBeside(iban)).toMatch(/not a valid IBAN/), WAIT);
    expect(core.called('accounts.saveAccount')).toBe(false);

    fireEvent.change(iban, { target: { value: 'DE89 3704 0044 0532 0130 00' } });
    fireEvent.change(screen.getByLabelText('Bank id (OFX)'), { target: { value: '37040044' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(core.called('accounts.saveAccount')).toBe(true), WAIT);
    expect(core.last('accounts.saveAccount')).toMatchObject({
      fields: { code: '1200', iban: 'DE89370400440532013000', bankId: '37040044' },
    });
  });

  it('an account that is not a bank or cash account has no bank numbers', async () => {
    core.responses['accounts.getSetup'] = () => ({ ready: true, baseCurrency: 'EUR', accounts: 1 });
    core.responses['accounts.listAccounts'] = () => [
      {
        ...bank,
        _id: 'account:6100',
        code: '6100',
        name: 'Rent',
        kind: 'expense',
        subtype: 'expense',
      },
    ];
    mountPage(<ChartOfAccountsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit 6100' }, WAIT));
    await screen.findByLabelText('Account name', {}, WAIT);
    expect(screen.queryByLabelText('IBAN')).toBeNull();
  });
});

describe('the import result of a file for several accounts', () => {
  it('says what went to each bank account', () => {
    render(
      <MantineProvider>
        <ImportOutcome
          fileName="EBICS-2026-03-02.xml"
          onClose={() => {}}
          result={{
            kind: 'imported',
            statementId: 'bankStatement:1',
            imported: 2,
            skipped: 1,
            warnings: [],
            accounts: [
              {
                account: '1200',
                name: 'Commerzbank current account',
                statementId: 'bankStatement:1',
                imported: 1,
                skipped: 1,
              },
              {
                account: '1210',
                name: 'Sparkasse savings',
                statementId: 'bankStatement:2',
                imported: 1,
                skipped: 0,
              },
            ],
          }}
        />
      </MantineProvider>,
    );
    expect(
      screen.getByText(/Imported 2 lines from EBICS-2026-03-02\.xml into 2 bank accounts/),
    ).toBeTruthy();
    const list = screen.getByTestId('import-accounts');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '1200 Commerzbank current account: 1 new line, 1 imported before',
      '1210 Sparkasse savings: 1 new line',
    ]);
  });
});
