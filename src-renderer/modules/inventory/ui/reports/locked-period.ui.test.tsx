// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { beans, mainStore, readyState } from '../testing/fixtures';
import { fakeCore, mountPage } from '../testing/kit';
import { ReportsHome } from './ReportsHome';

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['inventory.lockedPeriodMoves'] = () => [];
});
afterEach(() => {
  cleanup();
  core.reset();
});

describe('reports page: moves dated in a locked period', () => {
  it('says which moves arrived after the lock and from which day they count', async () => {
    core.responses['inventory.lockedPeriodMoves'] = () => [
      {
        moveId: 'stockMove:01JQ7Z3V9K2M4N6P8R0T2V4X6Z',
        date: '2026-03-10',
        valuedOn: '2026-04-01',
        lockDate: '2026-03-31',
        kind: 'receipt',
        reference: 'PO-118',
        item: beans._id,
        sku: 'BEAN-1KG',
        name: 'Coffee beans 1 kg',
        warehouse: mainStore._id,
        warehouseCode: 'NYC-MAIN',
        branch: 'NYC',
        qty: '6',
        value: 12_000,
      },
    ];
    mountPage(<ReportsHome />, { locale: 'en-US' });
    expect(await screen.findByText('Moves dated in a locked period')).toBeTruthy();
    const line = screen.getByText(/BEAN-1KG Coffee beans 1 kg in NYC-MAIN/);
    expect(line.textContent).toMatch(/counted on .*2026.* \(books locked up to .*2026\)/);
    expect(screen.getByRole('link', { name: /Receipt PO-118/ })).toBeTruthy();
  });

  it('shows nothing about a lock when no move arrived late', async () => {
    mountPage(<ReportsHome />, { locale: 'en-US' });
    await screen.findByText('Inventory reports');
    // The answer is in (an empty list): the page had its chance to show the notice.
    await waitFor(() => expect(core.last('inventory.lockedPeriodMoves')).toBeDefined());
    expect(screen.queryByText('Moves dated in a locked period')).toBeNull();
  });
});
