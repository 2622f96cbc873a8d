// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRpcClient } from '../../../../client/api';
import type { RpcClient } from '../../../../client/rpc-client';
import { createStore } from '../../../../client/store';
import { InputLocale } from '../../../../ui/inputs/input-locale';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { TransferView } from '../../rpc-contract';
import { TransferPage } from './TransferPage';

/** Manila's (and head office's) view of New York's transfer to Manila. */
let deviceBranch = { code: 'MNL', name: 'Manila' };
const calls: { method: string; params: unknown }[] = [];
const answers: Record<string, (p: never) => unknown> = {};

const line = (n: number, sku: string, name: string, unit: string, sent: string, onWay: string) => ({
  line: n,
  item: `item:${sku}`,
  sku,
  name,
  unit,
  unitCost: 8950,
  dispatched: sent,
  received: '0',
  inTransit: onWay,
  short: '0',
  over: '0',
  inTransitValue: 0,
  shortValue: 0,
});
const transfer: TransferView = {
  id: 'transferDispatch:01J9TRF',
  number: 'NYC-A-TRF-000001',
  date: '2026-03-02',
  from: 'NYC',
  to: 'MNL',
  fromName: 'New York',
  toName: 'Manila',
  fromWarehouse: 'warehouse:NYC-MAIN',
  fromWarehouseCode: 'NYC-MAIN',
  memo: '',
  status: 'partlyReceived',
  closedShort: false,
  value: 0,
  inTransitValue: 0,
  shortValue: 0,
  lines: [
    line(0, 'CHAIR-ERGO-BLK', 'Ergonomic chair, black', 'each', '12', '2'),
    line(1, 'PAPER-A4-80G', 'Copy paper A4 80 g', 'ream', '40.5', '40.5'),
  ],
  receipts: [],
  ignored: [],
};

function mount() {
  return render(
    <Provider store={createStore()}>
      <MantineProvider>
        <InputLocale.Provider value="en-US">
          <MemoryRouter initialEntries={[`/inventory/transfers/${transfer.id}`]}>
            <Routes>
              <Route path="/inventory/transfers/:id" element={<TransferPage />} />
            </Routes>
          </MemoryRouter>
        </InputLocale.Provider>
      </MantineProvider>
    </Provider>,
  );
}

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      const f = answers[method];
      if (!f) throw new Error(`unexpected ${method}`);
      return f(params as never);
    },
  } as unknown as RpcClient);
  answers['app.getState'] = () => ({
    phase: 'ready',
    company: { name: 'Acme Trading Ltd', orgCode: 'acme', baseCurrency: 'USD' },
    branch: deviceBranch,
    device: { letter: 'A' },
    userName: 'rosa',
    user: null,
    signedOut: false,
    serverUrl: null,
  });
  answers['org.listBranches'] = () => [
    { _id: 'branch:NYC', code: 'NYC', name: 'New York', currency: 'USD', archived: false },
    { _id: 'branch:MNL', code: 'MNL', name: 'Manila', currency: 'USD', archived: false },
  ];
});
afterEach(() => {
  cleanup();
  calls.length = 0;
  deviceBranch = { code: 'MNL', name: 'Manila' };
});

describe('transfer page', () => {
  it('shows the state in words, what is short per line, and no receive button once closed', async () => {
    answers['inventory.getTransfer'] = () => ({
      ...transfer,
      status: 'received',
      closedShort: true,
      value: 12 * 8950 + 16686,
      shortValue: 2 * 8950,
      lines: [
        { ...transfer.lines[0]!, received: '10', inTransit: '0', short: '2' },
        { ...transfer.lines[1]!, received: '40.5', inTransit: '0' },
      ],
      receipts: [
        {
          id: 'transferReceipt:1',
          date: '2026-03-09',
          warehouseCode: 'MNL-MAIN',
          closesShort: true,
          memo: '',
          lines: [
            { line: 0, qty: '10' },
            { line: 1, qty: '40.5' },
          ],
        },
      ],
    });
    mount();
    expect(await screen.findByText('Closed, some goods short')).toBeTruthy();
    // Branches by name, as a clerk knows them.
    expect(await screen.findByText(/: New York → Manila$/)).toBeTruthy();
    expect(screen.getByText('2 each')).toBeTruthy();
    expect(screen.getByText(/short \$179\.00/)).toBeTruthy();
    expect(
      screen.getByText(
        '03/09/2026 into MNL-MAIN: 10 each CHAIR-ERGO-BLK, 40.5 ream PAPER-A4-80G — closed as short',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Receive goods' })).toBeNull();
  });

  it('offers to receive while goods are on the way to this branch', async () => {
    answers['inventory.getTransfer'] = () => transfer;
    mount();
    expect(await screen.findByText('Partly received')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Receive goods' })).toBeTruthy();
    expect(screen.queryByTestId('who-receives')).toBeNull();
  });

  it('shows head office the transfer read-only, saying which branch receives it', async () => {
    deviceBranch = { code: 'HQ', name: 'Head office' };
    answers['inventory.getTransfer'] = () => transfer;
    mount();
    expect((await screen.findByTestId('who-receives')).textContent).toBe(
      'Manila receives these goods: only a clerk there records what arrived.',
    );
    expect(screen.getByText(/: New York → Manila$/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Receive goods' })).toBeNull();
  });
});
