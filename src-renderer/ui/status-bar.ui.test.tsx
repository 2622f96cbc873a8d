// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setRpcClient } from '../client/api';
import type { RpcClient } from '../client/rpc-client';
import { createStore } from '../client/store';
import { StatusBar } from './StatusBar';
import { installBrowserStubs } from './testing/browser-stubs';

// A branch added before the server has its database: the server answered without a count.
const status = {
  state: 'syncing',
  pending: 0,
  refused: 0,
  lastSyncedAt: null,
  databases: [
    {
      db: 'branch-chi',
      remote: 'http://127.0.0.1:5984/acme-branch-chi',
      state: 'syncing',
      pending: 0,
      refused: 0,
      lastSyncedAt: null,
      error: null,
      progress: { done: 0, total: Number.NaN, startedAt: '2026-03-02T09:00:00.000Z' },
    },
  ],
};

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string) => {
      if (method === 'sync.getStatus') return status;
      if (method === 'conflicts.count') return 0;
      throw new Error(`unexpected ${method}`);
    },
  } as unknown as RpcClient);
});

afterEach(cleanup);

describe('StatusBar', () => {
  it('never shows NaN while a first copy has no total', async () => {
    render(
      <Provider store={createStore()}>
        <MantineProvider>
          <MemoryRouter>
            <StatusBar />
          </MemoryRouter>
        </MantineProvider>
      </Provider>,
    );
    const progress = await screen.findByTestId('status-progress');
    await waitFor(() => expect(progress.textContent).toBe('Copying 0 records'));
    expect(screen.getByTestId('status-bar').textContent).not.toMatch(/NaN/);
  });
});
