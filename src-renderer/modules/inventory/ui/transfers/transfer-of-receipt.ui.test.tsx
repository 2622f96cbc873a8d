// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import { fakeCore, mountPage } from '../../../../ui/testing/page-kit';
import { inventoryUi } from '../module';
import { TransferOfReceipt } from './TransferOfReceipt';

/**
 * A general-ledger line of a transfer receipt (Manila's goods from New York) opens the
 * transfer: the receipt's id does not name it, so the page looks it up.
 */
let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
afterEach(() => {
  cleanup();
  core.reset();
});

const receipt = 'transferReceipt:01JQ2M4K7Z9RECEIPT0000000';
const path = inventoryUi.recordPaths!.transferReceipt!(receipt);
const route = { path, route: '/inventory/transfers/receipt/:id' };

describe('a transfer receipt opened from the general ledger', () => {
  it('goes to the page of the transfer it belongs to', async () => {
    core.responses['inventory.getTransfer'] = () => ({ id: 'transferDispatch:01JQ1TRF' });
    expect(path).toBe(`/inventory/transfers/receipt/${encodeURIComponent(receipt)}`);
    mountPage(<TransferOfReceipt />, route);
    expect((await screen.findByTestId('where')).textContent).toBe(
      '/inventory/transfers/transferDispatch%3A01JQ1TRF',
    );
    expect(core.last('inventory.getTransfer')).toEqual({ id: receipt });
  });

  it('says so in words when the transfer is not on this device yet', async () => {
    core.responses['inventory.getTransfer'] = () => {
      throw Object.assign(
        new Error(
          'That transfer is not on this device yet. Wait for sync to bring it in, then try again.',
        ),
        { code: 'not-found' },
      );
    };
    mountPage(<TransferOfReceipt />, route);
    expect(await screen.findByText(/That transfer is not on this device yet/)).toBeTruthy();
  });
});
