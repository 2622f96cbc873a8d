// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setRpcClient } from '../../../../client/api';
import { PlatformContext } from '../../../../client/platform-context';
import type { RpcClient } from '../../../../client/rpc-client';
import { createStore } from '../../../../client/store';
import type { Platform } from '../../../../platform';
import type { ReconciliationView } from '../../banking-contract';
import { BankingPage } from './BankingPage';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { formatDate, formatMoney } from '../../../../core/format';

/** A date as the page shows it (the one date formatter), for matching accessible names. */
const shown = (iso: string) => formatDate(iso).replace(/[./]/g, '\\$&');

const calls: { method: string; params: unknown }[] = [];
let responses: Record<string, (params: never) => unknown> = {};
const openFile = vi.fn(
  async (_filters: unknown) => null as { name: string; data: Uint8Array } | null,
);

const acct = (code: string, name: string, subtype: string, kind = 'asset') => ({
  code,
  name,
  kind,
  subtype,
  isGroup: false,
  archived: false,
  currency: null,
});
const bankLine = (
  id: string,
  date: string,
  amount: number,
  description: string,
  matchId: string | null = null,
) => ({
  id,
  statementId: 'bankStatement:1',
  date,
  amount,
  description,
  reference: '',
  counterparty: '',
  matchId,
});
const bookLine = (id: string, date: string, amount: number, number: string, memo = '') => ({
  id,
  docId: id.split('#')[0]!,
  docType: 'payment',
  number,
  date,
  amount,
  memo,
  reference: '',
});

function view(): ReconciliationView {
  return {
    account: { code: '1200', name: 'Bank', currency: 'USD' },
    statementLines: [
      bankLine('s#1', '2026-03-02', 1_250_000, 'ACME INV 1043 & 1044'),
      bankLine('s#2', '2026-03-31', -1_550, 'MONTHLY SERVICE FEE'),
    ],
    unmatchedBook: [
      bookLine('p:1#0', '2026-03-01', 750_000, 'RCPT-1'),
      bookLine('p:2#0', '2026-03-01', 500_000, 'RCPT-2'),
    ],
    suggestions: [
      {
        statementLine: 's#1',
        suggestions: [
          {
            statementLine: 's#1',
            ledgerLines: ['p:1#0', 'p:2#0'],
            score: 50,
            reason: 'Two entries add up to the amount, 1 day apart',
          },
        ],
      },
      { statementLine: 's#2', suggestions: [] },
    ],
    matches: [
      {
        id: 'bankMatch:9',
        note: '',
        createdAt: '2026-03-10T00:00:00.000Z',
        createdBy: 'ann',
        statementLines: [bankLine('s#0', '2026-03-05', -125_000, 'CHEQUE 1187', 'bankMatch:9')],
        ledgerLines: [bookLine('p:3#0', '2026-03-04', -125_000, 'PAY-1')],
      },
    ],
    asOf: '2026-03-31',
    summary: {
      statementBalance: 4_523_025,
      bookBalance: 4_524_575,
      reconciled: -125_000,
      unreconciled: 1_248_450,
      difference: -1_550,
      balanced: false,
    },
  };
}

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      const f = responses[method];
      if (!f) throw new Error(`unexpected ${method}`);
      return f(params as never);
    },
  } as unknown as RpcClient);
});

beforeEach(() => {
  responses = {
    'accounts.listAccounts': () => [
      acct('1200', 'Bank', 'bank'),
      acct('1210', 'Cash on hand', 'cash'),
      acct('4100', 'Sales', 'sales', 'income'),
      acct('6700', 'Bank charges', 'expense', 'expense'),
    ],
    'banking.listStatements': () => [
      {
        id: 'bankStatement:1',
        account: '1200',
        format: 'ofx',
        fileName: 'march.ofx',
        currency: 'USD',
        statementDate: '2026-03-31',
        openingBalance: null,
        closingBalance: 4_523_025,
        lines: 3,
        from: '2026-03-02',
        to: '2026-03-31',
        createdAt: '2026-04-01T00:00:00.000Z',
        createdBy: 'ann',
      },
    ],
    'banking.reconciliation': () => view(),
    'banking.match': () => ({ matchId: 'bankMatch:10' }),
    'banking.unmatch': () => undefined,
    'banking.createEntry': () => ({
      entryId: 'journalEntry:1',
      number: 'NYC-A-JE-000001',
      matchId: 'bankMatch:11',
    }),
  };
});

afterEach(() => {
  cleanup();
  calls.length = 0;
  openFile.mockReset();
});

function mount() {
  const platform = { files: { openFile } } as unknown as Platform;
  return render(
    <Provider store={createStore()}>
      <PlatformContext.Provider value={platform}>
        <MantineProvider>
          <BankingPage />
        </MantineProvider>
      </PlatformContext.Provider>
    </Provider>,
  );
}

const inputLabelled = (label: string) =>
  screen
    .getAllByLabelText(label)
    .find((el): el is HTMLInputElement => el instanceof HTMLInputElement)!;
const lastCall = (method: string) => [...calls].reverse().find((c) => c.method === method)?.params;

describe('BankingPage', () => {
  it('shows the summary, the statements and the suggestion; Match takes the suggested entries', async () => {
    mount();
    expect((await screen.findByTestId('bank-statement-balance')).textContent).toContain(
      '45,230.25',
    );
    expect(screen.getByTestId('bank-book-balance').textContent).toContain('45,245.75');
    expect(screen.getByTestId('bank-difference').textContent).toBe(formatMoney(-1_550, 'USD'));
    expect(screen.getByRole('table', { name: 'Imported statements' }).textContent).toContain(
      'march.ofx',
    );
    expect(screen.getByText(/Two entries add up to the amount/)).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: new RegExp(`^Match ${shown('2026-03-02')} ACME`) }),
    );
    await waitFor(() =>
      expect(lastCall('banking.match')).toEqual({
        account: '1200',
        statementLines: ['s#1'],
        ledgerLines: ['p:1#0', 'p:2#0'],
      }),
    );
  });

  it('enables "Match selected" only when the ticked sides add up', async () => {
    mount();
    const button = await screen.findByRole('button', { name: 'Match selected' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(
      screen.getByRole('checkbox', { name: new RegExp(`Select bank line ${shown('2026-03-02')}`) }),
    );
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: new RegExp(`Select book entry ${shown('2026-03-01')} RCPT-1 `),
      }),
    );
    expect(screen.getByTestId('bank-selection-difference').textContent).toContain('$5,000.00');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: new RegExp(`Select book entry ${shown('2026-03-01')} RCPT-2 `),
      }),
    );
    expect(screen.getByTestId('bank-selection-difference').textContent).toContain('$0.00');
    expect((button as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() =>
      expect(lastCall('banking.match')).toEqual({
        account: '1200',
        statementLines: ['s#1'],
        ledgerLines: ['p:1#0', 'p:2#0'],
      }),
    );
  });

  it('creates an entry for a bank fee against bank charges, memo from the description', async () => {
    mount();
    fireEvent.click(
      await screen.findByRole('button', {
        name: new RegExp(`^Create entry for ${shown('2026-03-31')} MONTHLY SERVICE FEE`),
      }),
    );
    expect(((await screen.findByLabelText('Memo')) as HTMLInputElement).value).toBe(
      'MONTHLY SERVICE FEE',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Post and match' }));
    await waitFor(() =>
      expect(lastCall('banking.createEntry')).toEqual({
        account: '1200',
        statementLine: 's#2',
        contraAccount: '6700',
        memo: 'MONTHLY SERVICE FEE',
      }),
    );
  });

  it('before any statement is imported it asks for one instead of claiming all is matched', async () => {
    responses['banking.reconciliation'] = () => ({
      ...view(),
      statementLines: [],
      suggestions: [],
      matches: [],
    });
    mount();
    expect((await screen.findByTestId('bank-no-statement')).textContent).toMatch(/Import/);
    expect(screen.queryByText('Every statement line is matched.')).toBeNull();
  });

  it('unmatches a matched pair', async () => {
    mount();
    fireEvent.click(
      await screen.findByRole('button', { name: new RegExp(`^Unmatch ${shown('2026-03-05')}`) }),
    );
    await waitFor(() => expect(lastCall('banking.unmatch')).toEqual({ matchId: 'bankMatch:9' }));
  });

  it('asks for the CSV columns, prefilled from the guess, and sends the mapping', async () => {
    const csv = 'Buchungstag;Verwendungszweck;Betrag;Saldo\n02.03.2026;Miete;-1.250,00;8.750,00\n';
    openFile.mockResolvedValue({ name: 'kasse.csv', data: new TextEncoder().encode(csv) });
    let asked = 0;
    responses['banking.importStatement'] = (p: { mapping?: unknown }) =>
      p.mapping
        ? {
            kind: 'imported',
            statementId: 'bankStatement:2',
            imported: 1,
            skipped: 0,
            warnings: [],
          }
        : (asked++,
          {
            kind: 'needs-mapping',
            needsMapping: true,
            header: ['Buchungstag', 'Verwendungszweck', 'Betrag', 'Saldo'],
            guess: {
              date: 'Buchungstag',
              description: 'Verwendungszweck',
              amount: 'Betrag',
              balance: 'Saldo',
            },
            problems: [],
          });
    // The file's first lines are split into cells by the data core, not on the UI thread.
    responses['banking.previewStatement'] = () => ({
      header: ['Buchungstag', 'Verwendungszweck', 'Betrag', 'Saldo'],
      rows: [['02.03.2026', 'Miete', '-1.250,00', '8.750,00']],
    });
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Import statement…' }));
    const go = await screen.findByRole('button', { name: 'Import with these columns' });
    expect(asked).toBe(1);
    expect(lastCall('banking.previewStatement')).toEqual({ text: csv, rows: 20 });
    expect(
      within(screen.getByRole('table', { name: 'First lines of the file' })).getByText('-1.250,00'),
    ).toBeTruthy();
    expect(inputLabelled('Date format').value).toBe('DD.MM.YYYY');
    expect(inputLabelled('Decimal separator').value).toBe('Comma (1.234,56)');
    fireEvent.click(go);
    await waitFor(() =>
      expect(lastCall('banking.importStatement')).toEqual({
        account: '1200',
        fileName: 'kasse.csv',
        text: csv,
        mapping: {
          date: 'Buchungstag',
          description: 'Verwendungszweck',
          amount: 'Betrag',
          balance: 'Saldo',
          dateFormat: 'DD.MM.YYYY',
          decimalSeparator: ',',
        },
      }),
    );
    expect(await screen.findByText(/Imported 1 line from kasse.csv/)).toBeTruthy();
  });

  it('says so when a statement was read as Windows-1252, and refuses damaged UTF-8 without sending it', async () => {
    const ofx = '<OFX>\n<NAME>Caf\u00e9 Central\n</OFX>\n';
    openFile.mockResolvedValueOnce({
      name: 'old-bank.ofx',
      data: Uint8Array.from([...ofx].map((c) => c.charCodeAt(0))),
    });
    responses['banking.importStatement'] = () => ({
      kind: 'imported',
      statementId: 'bankStatement:2',
      imported: 1,
      skipped: 0,
      warnings: [],
    });
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Import statement…' }));
    expect(await screen.findByText(/read as Western European \(Windows-1252\) text/)).toBeTruthy();
    expect((lastCall('banking.importStatement') as { text: string }).text).toContain(
      'Café Central',
    );

    calls.length = 0;
    const good = new TextEncoder().encode('Datum;Text;Betrag\n03.03.2026;Müller GmbH;-4,50\n');
    openFile.mockResolvedValueOnce({
      name: 'broken.csv',
      data: Uint8Array.from([...good, 0x30, 0x34, 0x3b, 0xc3, 0x28, 0x0a]),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import statement…' }));
    expect(await screen.findByText(/broken.csv was not imported/)).toBeTruthy();
    expect(screen.getByText(/Line 3: This line is not valid UTF-8 text/)).toBeTruthy();
    expect(lastCall('banking.importStatement')).toBeUndefined();
  });
});
