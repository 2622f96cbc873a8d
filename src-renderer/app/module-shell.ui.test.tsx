// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { IconArchive, IconLock, IconTruck } from '@tabler/icons-react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { lazy } from 'react';
import { Provider } from 'react-redux';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreModule } from '../core/module';
import type { AppState } from '../core/rpc/contract';
import type { Platform } from '../platform';
import type { ModuleUi } from '../ui/module-ui';
import { installBrowserStubs } from '../ui/testing/browser-stubs';
import { setRpcClient } from '../client/api';
import { PlatformContext } from '../client/platform-context';
import type { RpcClient } from '../client/rpc-client';
import { createStore } from '../client/store';

/**
 * The shell is built from the registry: a module registered only here (Fleet) gets its
 * navigation entry in the registry's place, its page (loaded on first visit) and its dashboard
 * card, and a module whose permission says no is not offered at all — with no edit to app/.
 */
type PageModule = { default: () => React.ReactElement };
let openFleetPage: (page: PageModule) => void = () => {};
const fleetPageArrives = new Promise<PageModule>((resolve) => (openFleetPage = resolve));
const FleetPage = lazy(() => fleetPageArrives);
const FleetCards = lazy(async () => ({
  default: () => <p data-testid="fleet-card">3 vans on the road</p>,
}));

const fleetUi: ModuleUi = {
  nav: { path: '/fleet', label: 'Fleet', icon: IconTruck },
  routes: [{ path: 'fleet/*', element: <FleetPage /> }],
  dashboardCards: FleetCards,
};
const vaultUi: ModuleUi = {
  nav: { path: '/vault', label: 'Vault', icon: IconLock },
  routes: [{ path: 'vault', element: <p>Vault contents</p> }],
  permission: (p) => p.manageMaster,
};
// A page whose code cannot be fetched (an old file gone after an update in a browser).
const LostPage = lazy(() =>
  Promise.reject(new Error('Failed to fetch dynamically imported module')),
);
const archiveUi: ModuleUi = {
  nav: { path: '/archive', label: 'Archive', icon: IconArchive },
  routes: [{ path: 'archive', element: <LostPage /> }],
};
const uiModule = (name: string, ui: ModuleUi): CoreModule => ({
  name,
  registerTypes() {},
  worker: async () => ({ projections: [], handlers: () => ({}) }),
  ui: async () => ui,
});
const workerOnly: CoreModule = { ...uiModule('audit', fleetUi), ui: undefined };

vi.mock('../modules/registry', () => ({
  MODULES: [
    uiModule('fleet', fleetUi),
    workerOnly,
    uiModule('vault', vaultUi),
    uiModule('archive', archiveUi),
  ],
}));

const clerkState: AppState = {
  phase: 'ready',
  company: { name: 'Harbour Traders Ltd', orgCode: 'harbour', baseCurrency: 'AUD' },
  branch: { code: 'SYD', name: 'Sydney' },
  device: { letter: 'A' },
  userName: 'Mia Chen',
  user: { name: 'mia', roles: ['clerk', 'branch:SYD'] },
  signedOut: false,
  serverUrl: 'http://127.0.0.1:5984',
} as AppState;

const replies: Record<string, unknown> = {
  'app.getState': clerkState,
  'sync.getStatus': {
    configured: false,
    server: null,
    online: true,
    paused: false,
    state: 'not-configured',
    pending: 0,
    lastSyncedAt: null,
    refused: 0,
    databases: [],
  },
  'conflicts.count': 0,
  'index.dashboard': { branches: 1, devices: 1, recent: [] },
};

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string) => {
      if (method in replies) return replies[method];
      throw new Error(`unexpected ${method}`);
    },
  } as unknown as RpcClient);
});
afterEach(cleanup);

const platform = {
  kind: 'web',
  version: 'test',
  vault: { load: async () => null },
} as unknown as Platform;

async function mount() {
  const { App } = await import('./App');
  render(
    <Provider store={createStore()}>
      <MantineProvider>
        <PlatformContext.Provider value={platform}>
          <App />
        </PlatformContext.Provider>
      </MantineProvider>
    </Provider>,
  );
  return within(await screen.findByRole('navigation', { name: 'Main' }));
}

describe('the shell built from the module registry', () => {
  it('lists each module with a UI part between the dashboard and the company pages', async () => {
    const nav = await mount();
    expect(nav.getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Dashboard',
      'Fleet',
      'Archive',
      'Sync',
      'Conflicts',
      'Settings',
    ]);
    // The clerk may not manage master data, so Vault is neither offered nor reachable.
    expect(nav.queryByRole('link', { name: 'Vault' })).toBeNull();
  });

  it("loads a module's page the first time it is opened", async () => {
    window.location.hash = '#/fleet';
    await mount();
    expect(await screen.findByLabelText('Loading page')).toBeTruthy();
    openFleetPage({ default: () => <h2>Fleet vans</h2> });
    expect(await screen.findByRole('heading', { name: 'Fleet vans' })).toBeTruthy();
  });

  it("shows the module's dashboard card and leads to its page", async () => {
    window.location.hash = '#/';
    const nav = await mount();
    expect((await screen.findByTestId('fleet-card')).textContent).toBe('3 vans on the road');
    fireEvent.click(nav.getByRole('link', { name: 'Fleet' }));
    expect(await screen.findByRole('heading', { name: 'Fleet vans' })).toBeTruthy();
  });

  it('sends an address no visible module owns back to the dashboard', async () => {
    window.location.hash = '#/vault';
    await mount();
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(screen.queryByText('Vault contents')).toBeNull();
  });

  it('says so in words when a page cannot be loaded, and the rest of the window keeps working', async () => {
    // React reports the caught error on the console; the boundary is what this test is about.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    window.location.hash = '#/archive';
    const nav = await mount();
    expect(await screen.findByText('This page could not be opened')).toBeTruthy();
    fireEvent.click(nav.getByRole('link', { name: 'Dashboard' }));
    expect(await screen.findByTestId('fleet-card')).toBeTruthy();
    expect(screen.queryByText('This page could not be opened')).toBeNull();
    quiet.mockRestore();
  });
});
