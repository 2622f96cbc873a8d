// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../../core/format';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { ChartOfAccountsPage } from './ChartOfAccountsPage';
import { JournalEntryPage } from './JournalEntryPage';
import { JournalListPage } from './JournalListPage';
import { fakeCore, mountPage } from './testing/kit';
import { TradeListPage } from './trade/TradeListPage';

/**
 * Issue 11, item 14: every page shows money and dates one way (core/format.ts) and no word
 * meant for developers: no type names, no sub-type codes, no "1 records", no "558.00 USD",
 * no ISO dates where the clerk's locale writes them otherwise.
 */
const DEVELOPER_WORDS =
  /journalEntry|tradeDoc|bankImportProfile|bankStatement|currencyRate|ledgerSettings|taxCode|tax-receivable|tax-payable|retained-earnings|fx-gain|\b1 records\b|\d [A-Z]{3}\b|\b\d{4}-\d{2}-\d{2}\b/;

function pageText(): string {
  return document.body.textContent ?? '';
}

const core = fakeCore();

const account = (code: string, name: string, kind: string, subtype: string) => ({
  _id: `account:${code}`,
  type: 'account',
  v: 1,
  branch: '',
  createdAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'ann',
  device: 'device:01HQA',
  code,
  name,
  kind,
  subtype,
  isGroup: false,
  parentCode: null,
  currency: null,
  description: '',
  archived: false,
});

const ACCOUNTS = [
  account('1000', 'Operating account', 'asset', 'bank'),
  account('1300', 'VAT recoverable', 'asset', 'tax-receivable'),
  account('3200', 'Retained earnings', 'equity', 'retained-earnings'),
  account('4000', 'Consulting income', 'income', 'sales'),
];

const docRow = (n: number, over: Record<string, unknown> = {}) => ({
  id: `journalEntry:01J${n}`,
  type: 'journalEntry',
  db: 'branch-nyc',
  branch: 'NYC',
  number: `NYC-A-JE-00000${n}`,
  date: '2026-12-01',
  status: 'posted',
  memo: 'Office rent December',
  reference: `R-${n}`,
  partyId: null,
  currency: 'USD',
  total: 55_800,
  side: null,
  kind: 'manual',
  reverses: null,
  creditFor: null,
  createdBy: 'ann',
  ...over,
});

beforeAll(() => {
  installBrowserStubs();
  // jsdom lays nothing out; the lists' virtualiser reads the scroller's height from clientHeight.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 400,
  });
});

afterEach(() => {
  cleanup();
  core.reset();
});

describe('words and numbers on Accounts pages', () => {
  it('the journal list shows amounts and dates through the one formatter and "1 entry"', async () => {
    core.responses['accounts.listDocs'] = () => ({
      rows: [docRow(1)],
      total: 1,
      searchLimited: false,
    });
    mountPage(<JournalListPage />);
    await screen.findByText('NYC-A-JE-000001');
    expect(pageText()).toContain(formatMoney(55_800, 'USD'));
    expect(pageText()).toContain(formatDate('2026-12-01'));
    expect(pageText()).toContain('1 entry');
    expect(pageText()).not.toMatch(DEVELOPER_WORDS);
  });

  it('the sales list shows a paid invoice’s open amount as money, not "0 USD"', async () => {
    core.responses['accounts.listParties'] = () => [
      {
        _id: 'party:01JACME',
        type: 'party',
        code: 'C-1',
        name: 'Acme Trading',
        kind: 'customer',
        archived: false,
      },
    ];
    core.responses['accounts.listDocs'] = () => ({ rows: [], total: 0, searchLimited: false });
    core.responses['accounts.openItems'] = () => [
      {
        docId: 'tradeDoc:01JINV',
        number: 'NYC-A-INV-000042',
        kind: 'invoice',
        partyId: 'party:01JACME',
        date: '2026-11-02',
        dueDate: '2026-12-02',
        currency: 'USD',
        gross: 55_800,
        open: 0,
        status: 'paid',
      },
    ];
    mountPage(<TradeListPage side="sales" />);
    await screen.findByText('NYC-A-INV-000042');
    await waitFor(() => expect(pageText()).toContain('Acme Trading'));
    expect(pageText()).toContain(formatMoney(55_800, 'USD'));
    expect(pageText()).toContain(formatMoney(0, 'USD'));
    expect(pageText()).toContain(formatDate('2026-12-02'));
    expect(pageText()).not.toMatch(DEVELOPER_WORDS);
  });

  it('the chart of accounts names sub-types in words', async () => {
    core.responses['accounts.listAccounts'] = () => ACCOUNTS;
    mountPage(<ChartOfAccountsPage />);
    await screen.findByText('VAT recoverable');
    expect(pageText()).toContain('Tax receivable');
    expect(pageText()).toContain('Retained earnings');
    expect(pageText()).not.toMatch(DEVELOPER_WORDS);
  });

  it('a posted foreign-currency closing entry: its kind in words, base amounts in base currency', async () => {
    core.responses['accounts.listAccounts'] = () => ACCOUNTS;
    core.responses['accounts.getSetup'] = () => ({
      ready: true,
      baseCurrency: 'USD',
      accounts: 4,
      settings: null,
    });
    core.responses['accounts.getJournal'] = () => ({
      readOnly: true,
      reversedBy: [],
      entry: {
        _id: 'journalEntry:01JCLOSE',
        type: 'journalEntry',
        v: 1,
        branch: 'NYC',
        createdAt: '2026-12-31T17:00:00.000Z',
        createdBy: 'ann',
        device: 'device:01HQA',
        kind: 'closing',
        status: 'posted',
        postedAt: '2026-12-31T17:00:00.000Z',
        postedBy: 'ann',
        number: 'NYC-A-JE-000099',
        date: '2026-12-31',
        reference: '',
        memo: 'Year-end close 2026',
        currency: 'EUR',
        rate: '1.1',
        lines: [
          {
            account: '4000',
            debit: 100_000,
            credit: 0,
            baseDebit: 110_000,
            baseCredit: 0,
            memo: '',
          },
          {
            account: '3200',
            debit: 0,
            credit: 100_000,
            baseDebit: 0,
            baseCredit: 110_000,
            memo: '',
          },
        ],
      },
    });
    mountPage(<JournalEntryPage />, {
      path: '/accounts/journal/journalEntry:01JCLOSE',
      route: '/accounts/journal/:id',
    });
    await screen.findByText('NYC-A-JE-000099');
    expect(screen.getByText('Year-end closing')).toBeTruthy();
    await waitFor(() => expect(pageText()).toContain(formatMoney(110_000, 'USD')));
    expect(pageText()).toContain(formatMoney(100_000, 'EUR'));
    expect(pageText()).toContain(formatDate('2026-12-31'));
    expect(pageText()).not.toMatch(DEVELOPER_WORDS);
  });
});
