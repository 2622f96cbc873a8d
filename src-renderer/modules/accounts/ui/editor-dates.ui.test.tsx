// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { JournalEditor } from './JournalEditor';
import { JournalEntryPage } from './JournalEntryPage';
import { errorBeside, fakeCore, mountPage, refusal } from './testing/kit';
import { TradeDocPage } from './trade/TradeDocPage';

let core: ReturnType<typeof fakeCore>;

beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['accounts.getSetup'] = () => ({
    ready: true,
    baseCurrency: 'EUR',
    accounts: 40,
    settings: { defaultSalesAccount: '4000', receivableAccount: '1200', lockDate: null },
  });
  core.responses['accounts.listAccounts'] = () => [
    {
      code: '4000',
      name: 'Sales',
      kind: 'income',
      subtype: 'sales',
      isGroup: false,
      archived: false,
      currency: null,
    },
    {
      code: '6100',
      name: 'Rent',
      kind: 'expense',
      subtype: 'expense',
      isGroup: false,
      archived: false,
      currency: null,
    },
  ];
  core.responses['accounts.listParties'] = () => [
    {
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
      currency: 'EUR',
      archived: false,
    },
  ];
  core.responses['accounts.listTaxCodes'] = () => [];
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('dates in the journal and invoice editors', () => {
  it('an empty journal entry is not called "Balanced"', async () => {
    mountPage(<JournalEditor initial={null} />);
    const difference = await screen.findByTestId('journal-difference');
    expect(difference.textContent).toBe('No amounts yet');
  });

  it('a journal date that does not read keeps the entry from being sent; the input says why', async () => {
    core.responses['accounts.saveJournalDraft'] = () => ({ _id: 'journalEntry:1' });
    mountPage(<JournalEditor initial={null} />, { locale: 'de-DE' });
    const date = await screen.findByLabelText('Date');
    fireEvent.change(date, { target: { value: '31.04.2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      await screen.findByText('The date does not read. Correct it, then save again.'),
    ).toBeTruthy();
    expect(errorBeside(date)).toMatch(/^Not a date/);
    expect(core.called('accounts.saveJournalDraft')).toBe(false);

    fireEvent.change(date, { target: { value: '30.04.2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() =>
      expect(core.last('accounts.saveJournalDraft')).toMatchObject({ date: '2026-04-30' }),
    );
  });

  it('a due date that does not read is not taken as "empty = from terms"', async () => {
    mountPage(<TradeDocPage side="sales" />, {
      path: '/accounts/sales/new?kind=invoice',
      route: '/accounts/sales/new',
      locale: 'de-DE',
    });
    const due = await screen.findByLabelText('Due date');
    fireEvent.click(screen.getByRole('combobox', { name: 'Customer' }));
    fireEvent.click(
      await screen.findByRole('option', { name: 'C-100 Bayside Cafe', hidden: true }),
    );
    fireEvent.change(screen.getByLabelText('Description, line 1'), {
      target: { value: 'Espresso beans 1 kg' },
    });
    fireEvent.change(screen.getByLabelText('Unit price, line 1'), { target: { value: '19,99' } });
    fireEvent.change(due, { target: { value: '30.02.2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(errorBeside(due)).toMatch(/^Not a date/));
    expect(core.called('accounts.saveTradeDraft')).toBe(false);
  });

  it('a reversal date that does not read is held back; the core’s refusal shows beside the date', async () => {
    const entry = {
      _id: 'journalEntry:1',
      type: 'journalEntry',
      v: 1,
      branch: 'NYC',
      createdAt: '2026-04-01T09:00:00.000Z',
      createdBy: 'ann',
      device: 'A',
      kind: 'manual',
      number: 'NYC-A-JE-000001',
      date: '2026-04-01',
      reference: '',
      memo: 'Rent for April',
      currency: 'EUR',
      rate: '1',
      lines: [
        {
          account: '6100',
          debit: 120_000,
          credit: 0,
          baseDebit: 120_000,
          baseCredit: 0,
          party: null,
          memo: '',
          branch: null,
        },
        {
          account: '4000',
          debit: 0,
          credit: 120_000,
          baseDebit: 0,
          baseCredit: 120_000,
          party: null,
          memo: '',
          branch: null,
        },
      ],
      status: 'posted',
      reverses: null,
      postedAt: '2026-04-01T09:00:00.000Z',
      postedBy: 'ann',
    };
    core.responses['accounts.getJournal'] = () => ({ entry, readOnly: true, reversedBy: [] });
    core.responses['accounts.reverseJournal'] = () => {
      throw refusal('The books are locked up to 31 March 2026.', {
        date: 'The books are locked up to 31 March 2026.',
      });
    };
    mountPage(<JournalEntryPage />, {
      path: '/accounts/journal/journalEntry:1',
      route: '/accounts/journal/:id',
      locale: 'de-DE',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Reverse entry' }));
    const date = await screen.findByLabelText('Reversal date');
    fireEvent.change(date, { target: { value: '31.3.26x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post reversal' }));
    await waitFor(() => expect(errorBeside(date)).toMatch(/^Not a date/));
    expect(core.called('accounts.reverseJournal')).toBe(false);
    fireEvent.change(date, { target: { value: '31.03.2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post reversal' }));
    await waitFor(() =>
      expect(errorBeside(date)).toBe('The books are locked up to 31 March 2026.'),
    );
    expect(core.last('accounts.reverseJournal')).toEqual({
      id: 'journalEntry:1',
      date: '2026-03-31',
    });
  });
});
