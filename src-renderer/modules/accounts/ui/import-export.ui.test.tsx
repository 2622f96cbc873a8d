// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setRpcClient } from '../../../client/api';
import { PlatformContext } from '../../../client/platform-context';
import type { RpcClient } from '../../../client/rpc-client';
import { createStore } from '../../../client/store';
import type { Platform } from '../../../platform';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { ImportExportPage } from './ImportExportPage';

const calls: { method: string; params: unknown }[] = [];
const openFile = vi.fn(
  async (_filters: unknown) => null as { name: string; data: Uint8Array } | null,
);

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      return { ok: true, written: 2, problems: [], warnings: [] };
    },
  } as unknown as RpcClient);
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
          <ImportExportPage />
        </MantineProvider>
      </PlatformContext.Provider>
    </Provider>,
  );
}

/** What the page sent to be written; the chart card's reads (accounts, setup) do not count. */
const imports = () => calls.filter((c) => c.method.startsWith('accounts.import'));

const HEADER = 'date,entry reference,account code,debit,credit,currency,memo,party,branch\r\n';

describe('ImportExportPage', () => {
  it('refuses a journal CSV that is not UTF-8, naming the line, without sending it', async () => {
    // Excel's "CSV (Comma delimited)" on a Western European Windows writes ü as the single byte 0xFC.
    const latin1 = `${HEADER}2026-04-02,R-1,6100,1250.00,,USD,Miete B\u00fcro,,\r\n2026-04-02,R-1,1200,,1250.00,USD,Miete,,\r\n`;
    openFile.mockResolvedValueOnce({
      name: 'april.csv',
      data: Uint8Array.from([...latin1].map((c) => c.charCodeAt(0))),
    });
    mount();
    fireEvent.click(screen.getByRole('button', { name: 'Import journal CSV…' }));
    const outcome = await screen.findByTestId('import-outcome');
    expect(outcome.textContent).toContain('april.csv: nothing was imported');
    expect(outcome.textContent).toMatch(/2.*not valid UTF-8 text.*CSV UTF-8/);
    expect(imports()).toEqual([]);
  });

  it('sends a UTF-8 file as text', async () => {
    const csv = `${HEADER}2026-04-02,R-1,6100,1250.00,,USD,Miete Büro,,\r\n2026-04-02,R-1,1200,,1250.00,USD,Miete,,\r\n`;
    openFile.mockResolvedValueOnce({ name: 'april.csv', data: new TextEncoder().encode(csv) });
    mount();
    fireEvent.click(screen.getByRole('button', { name: 'Import journal CSV…' }));
    await waitFor(() =>
      expect(imports()).toEqual([{ method: 'accounts.importJournalCsv', params: { csv } }]),
    );
  });
});
