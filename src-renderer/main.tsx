import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './app/App';
import { LockedElsewhere } from './app/LockedElsewhere';
import { Providers } from './app/Providers';
import { setRpcClient } from './client/api';
import { acquireOwnership } from './app/ownership';
import { RpcClient } from './client/rpc-client';
import { connectCoreEvents, createStore, uiSlice } from './client/store';
import { PlatformContext } from './client/platform-context';
import { detectPlatform } from './platform/select';

const root = createRoot(document.getElementById('root')!);

async function boot(): Promise<void> {
  // One owner per local database (DESIGN §1): only the tab holding the lock runs the core.
  if (!(await acquireOwnership())) {
    root.render(
      <Providers>
        <LockedElsewhere />
      </Providers>,
    );
    return;
  }
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'outpost-core',
  });
  const client = new RpcClient(worker);
  setRpcClient(client);
  const store = createStore();
  connectCoreEvents(store, client);
  const reportOnline = () => {
    store.dispatch(uiSlice.actions.setOnline(navigator.onLine));
    client.tell({ host: 'online', online: navigator.onLine });
  };
  window.addEventListener('online', reportOnline);
  window.addEventListener('offline', reportOnline);
  reportOnline();
  const platform = detectPlatform(import.meta.env.VITE_APP_VERSION ?? '0.1.0');
  root.render(
    <Provider store={store}>
      <PlatformContext.Provider value={platform}>
        <Providers>
          <App />
        </Providers>
      </PlatformContext.Provider>
    </Provider>,
  );
}

void boot();
