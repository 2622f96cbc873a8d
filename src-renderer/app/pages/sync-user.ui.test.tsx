// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppState, DbSyncStatus, SyncOverview } from '../../core/rpc/contract';
import type { CredentialVault, Platform } from '../../platform';
import { setRpcClient } from '../../client/api';
import { vaultAccount } from '../credentials';
import { PlatformContext } from '../../client/platform-context';
import type { RpcClient } from '../../client/rpc-client';
import { createStore } from '../../client/store';
import { SyncPage } from './SyncPage';
import { installBrowserStubs } from '../../ui/testing/browser-stubs';

/**
 * The Sync page on a shared desktop: who is signed in, Switch user (the vault entry is replaced
 * only after the server accepted the new user) and Sign out (the vault entry is removed).
 */
const URL = 'http://127.0.0.1:5984';
const ALICE_CREDS = { serverUrl: URL, username: 'alice', password: 'alice-pass-1' };

const ready = (over: Partial<Extract<AppState, { phase: 'ready' }>>): AppState =>
  ({
    phase: 'ready',
    company: { name: 'Acme', orgCode: 'acme', baseCurrency: 'USD' },
    branch: { code: 'NYC', name: 'New York' },
    device: { letter: 'A' },
    userName: 'Alice Admin',
    user: { name: 'alice', roles: ['admin', 'hq', 'branch:NYC'] },
    signedOut: false,
    serverUrl: URL,
    ...over,
  }) as AppState;

const dbRow = (db: string, over: Partial<DbSyncStatus> = {}): DbSyncStatus => ({
  db,
  remote: `acme-${db}`,
  state: 'up-to-date',
  pending: 0,
  lastSyncedAt: '2026-05-01T10:00:00.000Z',
  error: null,
  progress: null,
  refused: 0,
  heldBackFor: null,
  ...over,
});
const overview = (username: string | null, databases: DbSyncStatus[]): SyncOverview => ({
  configured: username !== null,
  server: username ? { url: URL, username } : null,
  online: true,
  paused: false,
  state: username ? 'up-to-date' : 'not-configured',
  pending: databases.reduce((n, d) => n + d.pending, 0),
  lastSyncedAt: null,
  refused: 0,
  databases,
});

let state: AppState;
let sync: SyncOverview;
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
      switch (method) {
        case 'app.getState':
          return state;
        case 'sync.getStatus':
          return sync;
        case 'sync.listRefused':
        case 'sync.listWithdrawn':
          return [];
        case 'user.signIn': {
          const p = params as { username: string; password: string };
          if (p.password !== 'jane-pass-1') {
            throw {
              code: 'auth',
              message:
                'The sync server did not accept the username or password. Check them on the Sync page, or ask your administrator to reset your password. Nothing changed: alice is still signed in.',
            };
          }
          state = ready({
            user: { name: 'jane', roles: ['clerk', 'branch:NYC'] },
            userName: 'jane',
          });
          sync = overview('jane', [
            dbRow('master'),
            dbRow('branch-nyc'),
            dbRow('branch-bos', { state: 'not-synced', heldBackFor: 'jane', pending: 12 }),
          ]);
          return state;
        }
        case 'user.signOut':
          state = ready({ user: null, signedOut: true, userName: 'Not signed in (device NYC-A)' });
          sync = overview(
            null,
            sync.databases.map((d) => ({ ...d, state: 'not-configured', heldBackFor: null })),
          );
          return state;
        default:
          throw new Error(`unexpected ${method}`);
      }
    },
  } as unknown as RpcClient);
});

beforeEach(() => {
  state = ready({});
  sync = overview('alice', [dbRow('master'), dbRow('branch-nyc'), dbRow('branch-bos')]);
  stored.clear();
  stored.set(vaultAccount('acme'), JSON.stringify(ALICE_CREDS));
});

afterEach(() => {
  cleanup();
  calls.length = 0;
});

function mount() {
  return render(
    <Provider store={createStore()}>
      <MantineProvider>
        <PlatformContext.Provider value={platform}>
          <MemoryRouter>
            <SyncPage orgCode="acme" />
          </MemoryRouter>
        </PlatformContext.Provider>
      </MantineProvider>
    </Provider>,
  );
}

async function fillSwitch(password: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Switch user' }));
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'jane' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Switch user' }));
}

describe('Sync page: who is signed in', () => {
  it('shows the signed-in user, their roles and branches', async () => {
    mount();
    expect((await screen.findByTestId('signed-in-user')).textContent).toBe('alice');
    expect(screen.getByTestId('signed-in-roles').textContent).toBe(
      'Roles: Administrator, Head office',
    );
    expect(screen.getByTestId('signed-in-branches').textContent).toBe(
      'Branches: Every branch (head office)',
    );
    expect(screen.queryByRole('button', { name: 'Save and connect' })).toBeNull();
  });

  it('a wrong password says so and leaves the stored credentials and the user alone', async () => {
    mount();
    await fillSwitch('wrong-password');
    expect((await screen.findByTestId('sign-in-failure')).textContent).toMatch(
      /did not accept the username or password.*alice is still signed in/,
    );
    expect(stored.get(vaultAccount('acme'))).toBe(JSON.stringify(ALICE_CREDS));
    expect(screen.getByTestId('signed-in-user').textContent).toBe('alice');
  });

  it('switching replaces the stored credentials and says which branch now waits', async () => {
    mount();
    await fillSwitch('jane-pass-1');
    await waitFor(() => expect(screen.getByTestId('signed-in-user').textContent).toBe('jane'));
    expect(JSON.parse(stored.get(vaultAccount('acme'))!)).toEqual({
      serverUrl: URL,
      username: 'jane',
      password: 'jane-pass-1',
    });
    expect(screen.getByTestId('signed-in-branches').textContent).toBe('Branches: NYC');
    expect((await screen.findByTestId('held-back-branch-bos')).textContent).toBe(
      'Branch BOS is not synced while jane is signed in — 12 records waiting.',
    );
  });

  it('takes two addresses of the server, one per line, and keeps both for failover', async () => {
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Switch user' }));
    fireEvent.change(screen.getByLabelText('Server URL', { exact: false }), {
      target: { value: `${URL}\nhttp://127.0.0.1:5985/` },
    });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'jane' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'jane-pass-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch user' }));
    await waitFor(() => expect(screen.getByTestId('signed-in-user').textContent).toBe('jane'));
    const both = [URL, 'http://127.0.0.1:5985'];
    expect(calls.find((c) => c.method === 'user.signIn')?.params).toMatchObject({
      serverUrl: URL,
      serverUrls: both,
    });
    expect(JSON.parse(stored.get(vaultAccount('acme'))!)).toEqual({
      serverUrl: URL,
      serverUrls: both,
      username: 'jane',
      password: 'jane-pass-1',
    });
  });

  it('says the server refuses this app, with its origin, at the top of the page', async () => {
    const cors = {
      kind: 'cors' as const,
      message:
        'The sync server answered but does not allow this app (http://192.168.1.20:4173) to connect.',
    };
    sync = {
      ...overview('alice', [dbRow('master', { state: 'error', error: cors })]),
      state: 'error',
    };
    mount();
    expect((await screen.findByTestId('sync-problem')).textContent).toMatch(
      /Server refuses this app \(CORS\).*http:\/\/192\.168\.1\.20:4173/,
    );
  });

  it('signing out removes the stored credentials; the next person signs in with their own', async () => {
    mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out now' }));
    expect(await screen.findByText('Nobody is signed in on this computer')).toBeTruthy();
    expect(stored.has(vaultAccount('acme'))).toBe(false);
    expect((screen.getByLabelText('Server URL') as HTMLInputElement).value).toBe(URL);
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('');
    expect(calls.some((c) => c.method === 'user.signOut')).toBe(true);
  });
});
