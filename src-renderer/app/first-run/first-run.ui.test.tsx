// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialVault, Platform } from '../../platform';
import { setRpcClient } from '../../client/api';
import { PlatformContext } from '../../client/platform-context';
import type { RpcClient } from '../../client/rpc-client';
import { createStore } from '../../client/store';
import { installBrowserStubs } from '../../ui/testing/browser-stubs';
import { vaultAccount } from '../credentials';
import { FirstRun } from './FirstRun';

/**
 * `npm start` names its demo sync server in a meta tag of the page (scripts/demo-offer.ts): the first run
 * offers that server, so a newcomer starts or joins the demo company without the Sync page.
 */
const OFFER = {
  serverUrl: 'http://127.0.0.1:5984',
  orgCode: 'demo',
  branchCode: 'HQ',
  headOffice: { username: 'demo-admin', password: 'demo-admin-pass' },
  branchOffice: { username: 'demo-clerk', password: 'demo-clerk-pass' },
};

const stored = new Map<string, string>();
const calls: { method: string; params: unknown }[] = [];
const vault: CredentialVault = {
  encrypted: true,
  save: async (account, secret) => void stored.set(account, secret),
  load: async (account) => stored.get(account) ?? null,
  remove: async (account) => void stored.delete(account),
};
const platform = { kind: 'web', version: 'test', vault } as unknown as Platform;

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      return {};
    },
  } as unknown as RpcClient);
});

function serve(offer: unknown) {
  const meta = document.createElement('meta');
  meta.name = 'outpost-demo-server';
  meta.content = JSON.stringify(offer);
  document.head.append(meta);
}

beforeEach(() => stored.clear());
afterEach(() => {
  cleanup();
  calls.length = 0;
  document.head.querySelector('meta[name="outpost-demo-server"]')?.remove();
});

function mount() {
  return render(
    <Provider store={createStore()}>
      <MantineProvider>
        <PlatformContext.Provider value={platform}>
          <FirstRun />
        </PlatformContext.Provider>
      </MantineProvider>
    </Provider>,
  );
}

describe('first run with the demo sync server of npm start', () => {
  it('joins the demo company as the clerk, server fields filled in', async () => {
    serve(OFFER);
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Join the demo company' }));
    expect(screen.getByLabelText('Organisation code')).toHaveProperty('value', 'demo');
    expect(screen.getByLabelText('Username')).toHaveProperty('value', 'demo-clerk');
    expect(screen.getByLabelText('Password')).toHaveProperty('value', 'demo-clerk-pass');
  });

  it('starts the demo company here and connects it to the server as demo-admin', async () => {
    serve(OFFER);
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Start the demo company' }));
    expect(screen.getByLabelText('Organisation code')).toHaveProperty('value', 'demo');
    expect(screen.getByLabelText('First branch code')).toHaveProperty('value', 'HQ');
    fireEvent.change(screen.getByLabelText('Device name'), { target: { value: 'Front desk' } });
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Maria Lopez' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create company' }));
    const creds = { serverUrl: OFFER.serverUrl, ...OFFER.headOffice };
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'sync.connect')?.params).toEqual(creds),
    );
    expect(calls.map((c) => c.method)).toEqual(['setup.createCompany', 'sync.connect']);
    expect(JSON.parse(stored.get(vaultAccount('demo')) ?? '{}')).toMatchObject(creds);
  });

  it('offers nothing when the tag is not a demo offer', async () => {
    serve({ serverUrl: 'ftp://example', orgCode: 'demo' });
    mount();
    await screen.findByRole('button', { name: 'Create a company' });
    expect(screen.queryByText('Try it with the demo sync server')).toBeNull();
  });

  it('offers nothing where there is no demo server (Electron, a real install)', async () => {
    mount();
    await screen.findByRole('button', { name: 'Create a company' });
    expect(screen.queryByText('Try it with the demo sync server')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Join an existing company' }));
    expect(screen.getByLabelText('Username')).toHaveProperty('value', '');
  });
});
