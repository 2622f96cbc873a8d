// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayLocal } from '../../../../core/dates';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { OpenOrderLineRow, OpenOrdersResult } from '../../rpc-contract';
import { beans, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { OpenOrdersReport } from './OpenOrdersReport';

/**
 * Open orders as of a day: Andes Coffee's PO for 10 bags, 5 received on 5 March and 5 on
 * 12 March. The stand-in core answers as the worker would: half open as of the 8th, none today.
 */
const line: OpenOrderLineRow = {
  order: 'purchaseOrder:01JPO00000000000000000000',
  side: 'purchase',
  number: 'NYC-A-PO-000001',
  branch: 'NYC',
  party: 'Andes Coffee Importers',
  date: '2026-03-02',
  expectedDate: '2026-03-09',
  late: false,
  line: 0,
  item: beans._id,
  sku: 'BEAN-1KG',
  name: 'Coffee beans 1 kg',
  unit: 'bag',
  ordered: '10',
  open: '5',
  currency: 'USD',
  openValue: 5000,
};
const asOf = (q: { asOf?: string | null }): OpenOrdersResult =>
  q.asOf === '2026-03-08'
    ? { asOf: q.asOf, rows: [line], totals: [{ side: 'purchase', currency: 'USD', value: 5000 }] }
    : { asOf: q.asOf ?? '', rows: [], totals: [] };

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['org.listBranches'] = () => [{ code: 'NYC', name: 'New York' }];
  core.responses['inventory.openOrders'] = asOf as never;
});
afterEach(() => {
  cleanup();
  core.reset();
});

function mount() {
  const saveFile = vi.fn(async () => undefined);
  mountPage(<OpenOrdersReport />, {
    locale: 'en-US',
    platform: { files: { saveFile } } as unknown as Platform,
  });
  return saveFile;
}

describe('open orders as of a date', () => {
  it('asks for today first, then for the day typed, and names the day in the CSV file', async () => {
    const saveFile = mount();
    await waitFor(() =>
      expect(core.last('inventory.openOrders')).toMatchObject({ asOf: todayLocal() }),
    );
    expect(
      await screen.findByText('No confirmed order has goods still to receive or deliver.'),
    ).toBeTruthy();
    const user = userEvent.setup();
    const date = screen.getByLabelText('As of');
    await user.clear(date);
    await user.type(date, '03/08/2026');
    await user.tab();
    await waitFor(() =>
      expect(core.last('inventory.openOrders')).toMatchObject({ asOf: '2026-03-08' }),
    );
    const grid = await screen.findByRole('grid', { name: 'Open orders' });
    await waitFor(() => expect(within(grid).getByText('5 bag')).toBeTruthy());
    expect(screen.getByText('Purchase orders still open: $50.00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const file = (saveFile.mock.calls[0] as unknown as [{ suggestedName: string }])[0];
    expect(file.suggestedName).toBe('open-orders-2026-03-08.csv');
  });

  it('says in past tense that nothing was open at the end of an earlier day', async () => {
    mount();
    const user = userEvent.setup();
    const date = await screen.findByLabelText('As of');
    await user.clear(date);
    await user.type(date, '03/01/2026');
    await user.tab();
    expect(
      await screen.findByText(
        'No confirmed order had goods still to receive or deliver at the end of 03/01/2026.',
      ),
    ).toBeTruthy();
  });
});
