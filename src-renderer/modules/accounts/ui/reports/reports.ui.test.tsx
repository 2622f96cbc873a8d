// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setRpcClient } from '../../../../client/api';
import { PlatformContext } from '../../../../client/platform-context';
import type { RpcClient } from '../../../../client/rpc-client';
import { createStore } from '../../../../client/store';
import type { Platform } from '../../../../platform';
import type {
  BalanceSheet,
  GeneralLedgerPage,
  ProfitAndLoss,
  TrialBalance,
} from '../../rpc-contract';
import { BalanceSheetReport } from './BalanceSheetReport';
import { GeneralLedgerReport } from './GeneralLedgerReport';
import { ProfitAndLossReport } from './ProfitAndLossReport';
import { ReportsHome } from './ReportsHome';
import { TrialBalanceReport } from './TrialBalanceReport';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { formatMoney } from '../../../../core/format';
import { parseLocaleDate } from '../../../../ui/inputs/date-format';

/** "1,500.00" as the page shows a USD amount: through the one money formatter. */
const usd = (text: string) => formatMoney(Number(text.replace(/[^\d-]/g, '')), 'USD');

const calls: { method: string; params: unknown }[] = [];
let responses: Record<string, (params: never) => unknown> = {};

const tb: TrialBalance = {
  asOf: '2026-03-31',
  rows: [
    { code: '1000', name: 'Cash', kind: 'asset', debit: 150000, credit: 0 },
    { code: '3000', name: 'Capital', kind: 'equity', debit: 0, credit: 150000 },
  ],
  totalDebit: 150000,
  totalCredit: 150000,
};

function glPage(p: {
  offset?: number;
  limit?: number;
  from: string;
  to: string;
}): GeneralLedgerPage {
  const total = 450;
  const offset = p.offset ?? 0;
  const limit = p.limit ?? 200;
  const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => {
    const n = offset + i;
    return {
      id: `je-${n}#0`,
      docId: `je-${n}`,
      docType: n === 0 ? 'journalEntry' : 'payment',
      db: 'b',
      number: `JE-${n}`,
      date: p.from,
      account: '1000',
      branch: 'HQ',
      party: null,
      memo: `line ${n}`,
      debit: 100,
      credit: 0,
      docDebit: 100,
      docCredit: 0,
      currency: 'USD',
      balance: 1000 + (n + 1) * 100,
    };
  });
  return {
    account: { code: '1000', name: 'Cash', kind: 'asset' },
    from: p.from,
    to: p.to,
    opening: 1000,
    rows,
    total,
    closing: 1000 + total * 100,
  };
}

const saveFile = vi.fn(async () => true);

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

afterEach(() => {
  cleanup();
  calls.length = 0;
  saveFile.mockClear();
});

function baseResponses() {
  responses = {
    'accounts.getSetup': () => ({ ready: true, settings: null, baseCurrency: 'USD', accounts: 2 }),
    'app.getState': () => ({
      phase: 'ready',
      company: { name: 'Acme', baseCurrency: 'USD', fiscalYearStartMonth: 4 },
    }),
    'org.listBranches': () => [
      { _id: 'b1', code: 'HQ', name: 'Head office', currency: 'USD', archived: false },
    ],
    'accounts.listAccounts': () => [
      { code: '1000', name: 'Cash', kind: 'asset', isGroup: false, archived: false },
      { code: '1200', name: 'Receivables', kind: 'asset', isGroup: false, archived: false },
    ],
  };
}

function Where() {
  return <span data-testid="where">{useLocation().pathname + useLocation().search}</span>;
}

function mount(path: string, element: ReactNode, routePath: string) {
  const platform = { files: { saveFile } } as unknown as Platform;
  return render(
    <Provider store={createStore()}>
      <PlatformContext.Provider value={platform}>
        <MantineProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={routePath} element={element} />
              <Route path="*" element={<Where />} />
            </Routes>
          </MemoryRouter>
        </MantineProvider>
      </PlatformContext.Provider>
    </Provider>,
  );
}

describe('report pages', () => {
  it('home links to each report', async () => {
    baseResponses();
    mount('/accounts/reports', <ReportsHome />, '/accounts/reports');
    fireEvent.click(screen.getByRole('link', { name: 'Trial balance' }));
    expect((await screen.findByTestId('where')).textContent).toBe(
      '/accounts/reports/trial-balance',
    );
  });

  it('trial balance shows rows, totals, drill-down and exports exact CSV', async () => {
    baseResponses();
    responses['accounts.trialBalance'] = () => tb;
    mount(
      '/accounts/reports/trial-balance',
      <TrialBalanceReport />,
      '/accounts/reports/trial-balance',
    );
    expect((await screen.findByTestId('tb-total-debit')).textContent).toBe(usd('1,500.00'));
    expect(screen.getByTestId('tb-total-credit').textContent).toBe(usd('1,500.00'));
    expect(within(screen.getByTestId('tb-row-1000')).getByText('Cash')).toBeTruthy();
    expect(calls.find((c) => c.method === 'accounts.trialBalance')?.params).toMatchObject({
      branch: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(saveFile.mock.calls[0]).toEqual([
      expect.objectContaining({
        data: expect.stringContaining('1000,Cash,1500.00,0.00\r\n'),
        suggestedName: 'trial-balance-2026-03-31.csv',
      }),
    ]);
    fireEvent.click(within(screen.getByTestId('tb-row-1000')).getByRole('link', { name: '1000' }));
    expect((await screen.findByTestId('where')).textContent).toBe(
      '/accounts/reports/ledger/1000?to=2026-03-31',
    );
  });

  it('trial balance shows the empty state and errors', async () => {
    baseResponses();
    responses['accounts.trialBalance'] = () => ({ ...tb, rows: [], totalDebit: 0, totalCredit: 0 });
    mount('/tb', <TrialBalanceReport />, '/tb');
    expect(await screen.findByText('No postings in this period.')).toBeTruthy();
    cleanup();
    responses['accounts.trialBalance'] = () => {
      throw { code: 'state', message: 'The index is rebuilding.' };
    };
    mount('/tb', <TrialBalanceReport />, '/tb');
    expect(await screen.findByText('The index is rebuilding.')).toBeTruthy();
  });

  it('profit and loss defaults to the fiscal year and asks for the previous period', async () => {
    baseResponses();
    responses['accounts.profitAndLoss'] = (p: {
      from: string;
      to: string;
      compareFrom?: string;
      compareTo?: string;
    }): ProfitAndLoss => ({
      from: p.from,
      to: p.to,
      compare: p.compareFrom ? { from: p.compareFrom, to: p.compareTo! } : null,
      sections: [
        {
          title: 'Income',
          rows: [
            {
              code: '4000',
              name: 'Sales',
              kind: 'income',
              subtype: 'sales',
              amount: 90000,
              ...(p.compareFrom ? { compare: 5000 } : {}),
            },
          ],
          total: 90000,
          ...(p.compareFrom ? { compareTotal: 5000 } : {}),
        },
      ],
      netProfit: 90000,
      ...(p.compareFrom ? { compareNetProfit: 5000 } : {}),
    });
    mount('/pl', <ProfitAndLossReport />, '/pl');
    expect((await screen.findByTestId('pl-net-profit')).textContent).toBe(usd('900.00'));
    await waitFor(() =>
      // The field shows the clerk's date format; read back, it is the fiscal year's first day.
      expect(parseLocaleDate((screen.getByLabelText('From') as HTMLInputElement).value)).toMatch(
        /-04-01$/,
      ),
    );
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-04-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-06-30' } });
    fireEvent.click(screen.getByLabelText('Compare with previous period'));
    expect((await screen.findByTestId('pl-compare-net-profit')).textContent).toBe(usd('50.00'));
    expect(calls.filter((c) => c.method === 'accounts.profitAndLoss').at(-1)?.params).toMatchObject(
      { compareFrom: '2026-01-01', compareTo: '2026-03-31' },
    );
  });

  it('balance sheet shows current earnings and the check line', async () => {
    baseResponses();
    responses['accounts.balanceSheet'] = (p: { asOf: string }): BalanceSheet => ({
      asOf: p.asOf,
      compareAsOf: null,
      sections: [
        {
          title: 'Assets',
          rows: [{ code: '1000', name: 'Cash', kind: 'asset', subtype: 'cash', amount: 2000 }],
          total: 2000,
        } as never,
        { title: 'Liabilities', rows: [], total: 0 },
        {
          title: 'Equity',
          rows: [
            { code: '3000', name: 'Capital', kind: 'equity', subtype: 'equity', amount: 1500 },
          ],
          total: 1500,
        } as never,
      ],
      currentEarnings: 500,
      totalAssets: 2000,
      totalLiabilitiesAndEquity: 2000,
    });
    mount('/bs', <BalanceSheetReport />, '/bs');
    expect((await screen.findByTestId('bs-total-assets')).textContent).toBe(usd('20.00'));
    expect(screen.getByTestId('bs-total-le').textContent).toBe(usd('20.00'));
    expect(screen.getByTestId('bs-current-earnings').textContent).toContain(
      'Current year earnings',
    );
    expect(screen.getByTestId('bs-check').textContent).toContain('Assets = Liabilities + Equity');
    expect(screen.getByTestId('bs-check').getAttribute('data-balanced')).toBe('true');
  });

  it('general ledger pages through postings and links journal entries', async () => {
    baseResponses();
    responses['accounts.generalLedger'] = glPage;
    mount(
      '/accounts/reports/ledger/1000?to=2026-03-31',
      <GeneralLedgerReport />,
      '/accounts/reports/ledger/:code',
    );
    expect((await screen.findByTestId('gl-closing')).textContent).toBe(usd('460.00'));
    expect(calls.find((c) => c.method === 'accounts.generalLedger')?.params).toMatchObject({
      account: '1000',
      from: '2025-04-01',
      to: '2026-03-31',
      offset: 0,
      limit: 200,
    });
    expect(screen.getByTestId('gl-row-199')).toBeTruthy();
    expect(screen.queryByTestId('gl-row-200')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    expect(await screen.findByTestId('gl-row-399')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    expect(await screen.findByTestId('gl-row-449')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
    expect(
      within(screen.getByTestId('gl-row-1'))
        .getByRole('link', { name: 'JE-1' })
        .getAttribute('href'),
    ).toBe('/accounts/payments/je-1');
    fireEvent.click(within(screen.getByTestId('gl-row-0')).getByRole('link', { name: 'JE-0' }));
    expect((await screen.findByTestId('where')).textContent).toBe('/accounts/journal/je-0');
  });

  it('a general ledger receipt without a memo says what it is and from whom', async () => {
    baseResponses();
    responses['accounts.listParties'] = () => [{ _id: 'party:bayside', name: 'Bayside Cafe' }];
    responses['accounts.generalLedger'] = (p: Parameters<typeof glPage>[0]) => {
      const page = glPage({ ...p, limit: 2 });
      page.rows[1] = { ...page.rows[1]!, memo: '', party: 'party:bayside' };
      return { ...page, total: 2 };
    };
    mount(
      '/accounts/reports/ledger/1000?to=2026-03-31',
      <GeneralLedgerReport />,
      '/accounts/reports/ledger/:code',
    );
    const row = await screen.findByTestId('gl-row-1');
    await waitFor(() => expect(row.textContent).toContain('Receipt / payment — Bayside Cafe'), {
      timeout: 5000,
    });
  });

  it('general ledger exports every row, not just the page', async () => {
    baseResponses();
    responses['accounts.generalLedger'] = glPage;
    mount('/l/1000', <GeneralLedgerReport />, '/l/:code');
    await screen.findByTestId('gl-closing');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const data = (saveFile.mock.calls[0] as unknown as [{ data: string }])[0].data;
    expect(data.split('\r\n')).toHaveLength(450 + 4);
  });
});
