// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { fakeCore, mountPage } from '../../../../ui/testing/page-kit';
import type { GeneralLedgerPage } from '../../rpc-contract';
import { RecordLinks, recordPathsOf } from '../../../../ui/record-links';
import type { LoadedModuleUi } from '../../../../ui/module-ui';
import { GeneralLedgerReport } from './GeneralLedgerReport';

/** Another module's UI part as the app loads it: only its record paths matter here. */
const inventory = {
  name: 'inventory',
  ui: { recordPaths: { stockMove: (id: string) => `/inventory/moves/${encodeURIComponent(id)}` } },
} as unknown as LoadedModuleUi;

const line = {
  db: 'branch-nyc',
  account: '1300',
  branch: 'NYC',
  party: null,
  docDebit: 0,
  docCredit: 0,
  currency: 'USD',
};
/** The inventory account's March: beans received, then a delivery's cost going out. */
const gl: GeneralLedgerPage = {
  account: { code: '1300', name: 'Inventory', kind: 'asset' },
  from: '2026-03-01',
  to: '2026-03-31',
  opening: 0,
  rows: [
    {
      ...line,
      id: 'stockMove:01J9GR#0',
      docId: 'stockMove:01J9GR',
      docType: 'stockMove',
      number: 'NYC-A-GR-000012',
      date: '2026-03-02',
      memo: 'Goods receipt',
      debit: 80_000,
      credit: 0,
      balance: 80_000,
    },
    {
      ...line,
      id: 'testThing:01J9X#0',
      docId: 'testThing:01J9X',
      docType: 'testThing',
      number: 'NYC-A-X-000001',
      date: '2026-03-03',
      memo: 'A type no module opens',
      debit: 0,
      credit: 1_000,
      balance: 79_000,
    },
  ],
  total: 2,
  closing: 79_000,
};

const responses: Record<string, (params: never) => unknown> = {
  'accounts.getSetup': () => ({ ready: true, settings: null, baseCurrency: 'USD', accounts: 1 }),
  'app.getState': () => ({
    phase: 'ready',
    company: { name: 'Acme', baseCurrency: 'USD', fiscalYearStartMonth: 4 },
  }),
  'org.listBranches': () => [
    { _id: 'b1', code: 'NYC', name: 'New York', currency: 'USD', archived: false },
  ],
  'org.listDevices': () => [],
  'accounts.listAccounts': () => [
    {
      code: '1300',
      name: 'Inventory',
      kind: 'asset',
      subtype: 'inventory',
      isGroup: false,
      archived: false,
    },
  ],
  'accounts.listParties': () => [],
  'accounts.generalLedger': () => gl,
};

const core = fakeCore();
beforeAll(() => {
  installBrowserStubs();
  Object.assign(core.responses, responses);
});
afterEach(cleanup);

/** Two cores under load render slowly: wait for the condition, with room to spare. */
const WAIT = { timeout: 15_000 };

function mount(path: string) {
  return mountPage(
    <RecordLinks.Provider value={recordPathsOf([inventory])}>
      <GeneralLedgerReport />
    </RecordLinks.Provider>,
    {
      path,
      route: '/accounts/reports/ledger/:code',
      platform: { files: {} } as unknown as Platform,
    },
  );
}

describe("another module's documents in the general ledger", () => {
  it('open where their module says; a type no module opens is plain text', async () => {
    mount('/accounts/reports/ledger/1300?from=2026-03-01&to=2026-03-31');
    const receipt = await screen.findByTestId('gl-row-0', {}, WAIT);
    expect(within(screen.getByTestId('gl-row-1')).queryByRole('link')).toBeNull();
    fireEvent.click(within(receipt).getByRole('link', { name: 'NYC-A-GR-000012' }));
    expect((await screen.findByTestId('where', {}, WAIT)).textContent).toBe(
      '/inventory/moves/stockMove%3A01J9GR',
    );
  });
});
