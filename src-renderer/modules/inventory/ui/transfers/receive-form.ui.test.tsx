// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'react-redux';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRpcClient } from '../../../../client/api';
import type { RpcClient } from '../../../../client/rpc-client';
import { createStore } from '../../../../client/store';
import { InputLocale } from '../../../../ui/inputs/input-locale';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { TransferView } from '../../rpc-contract';
import { ReceiveForm } from './ReceiveForm';

/** Manila receives New York's chairs and paper on a stand-in core that answers each call. */
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

function Where() {
  return <span data-testid="where">{useLocation().pathname}</span>;
}

function mount(branch = 'MNL') {
  return render(
    <Provider store={createStore()}>
      <MantineProvider>
        <InputLocale.Provider value="en-US">
          <MemoryRouter initialEntries={[`/inventory/transfers/${transfer.id}/receive`]}>
            <Routes>
              <Route
                path="/inventory/transfers/:id/receive"
                element={<ReceiveForm branch={branch} />}
              />
              <Route path="*" element={<Where />} />
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
  answers['inventory.getTransfer'] = () => transfer;
  answers['app.getState'] = () => ({
    phase: 'ready',
    company: { name: 'Acme Trading Ltd', orgCode: 'acme', baseCurrency: 'USD' },
    branch: { code: 'HQ', name: 'Head office' },
    device: { letter: 'A' },
    userName: 'dana',
    user: null,
    signedOut: false,
    serverUrl: null,
  });
  answers['inventory.listWarehouses'] = () => [
    { _id: 'warehouse:MNL-MAIN', code: 'MNL-MAIN', name: 'Manila main store', archived: false },
  ];
});
afterEach(() => {
  cleanup();
  calls.length = 0;
  delete answers['inventory.receiveTransfer'];
});

const sent = () => calls.filter((c) => c.method === 'inventory.receiveTransfer');

describe('receive form', () => {
  it('starts each line at what is still on the way and records it as it stands', async () => {
    answers['inventory.receiveTransfer'] = () => ({ _id: 'transferReceipt:1' });
    mount();
    const chairs = await screen.findByLabelText('Received now, line 1');
    expect(screen.getByText('Receive transfer NYC-A-TRF-000001 from New York')).toBeTruthy();
    expect(chairs).toHaveProperty('value', '2');
    expect(screen.getByLabelText('Received now, line 2')).toHaveProperty('value', '40.5');
    await userEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]!.params).toMatchObject({
      transfer: transfer.id,
      warehouse: 'warehouse:MNL-MAIN',
      lines: [
        { line: 0, qty: '2' },
        { line: 1, qty: '40.5' },
      ],
      closesShort: false,
    });
    expect(await screen.findByTestId('where')).toHaveProperty(
      'textContent',
      `/inventory/transfers/${encodeURIComponent(transfer.id)}`,
    );
  });

  it('refuses more than is on the way, in words, and sends nothing', async () => {
    mount();
    const chairs = await screen.findByLabelText('Received now, line 1');
    await userEvent.clear(chairs);
    await userEvent.type(chairs, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Line 1 (CHAIR-ERGO-BLK): 3 each entered, but only 2 each are still on the way. Enter what arrived, at most what is on the way.',
    );
    expect(sent()).toHaveLength(0);
  });

  it('closes short with what came: the lowered line and the box ticked', async () => {
    answers['inventory.receiveTransfer'] = () => ({ _id: 'transferReceipt:2' });
    mount();
    const paper = await screen.findByLabelText('Received now, line 2');
    await userEvent.clear(paper);
    await userEvent.type(paper, '38');
    await userEvent.click(screen.getByLabelText(/Close as short/));
    await userEvent.click(screen.getByRole('button', { name: 'Record receipt' }));
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]!.params).toMatchObject({
      lines: [
        { line: 0, qty: '2' },
        { line: 1, qty: '38' },
      ],
      closesShort: true,
    });
  });

  it('opens read-only for another branch, saying who receives, with nothing to record', async () => {
    mount('HQ');
    expect((await screen.findByTestId('who-receives')).textContent).toBe(
      'Manila receives these goods: only a clerk there records what arrived.',
    );
    expect(screen.queryByLabelText('Received now, line 1')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record receipt' })).toBeNull();
    expect(sent()).toHaveLength(0);
  });
});
