import { OutpostError } from './errors';
import { MASTER_DB } from './db/names';
import type { PouchEnv } from './db/pouch';
import type { DexieDeps } from './index/index-db';
import { dashboardSummary, searchCatalog } from './index/queries';
import { createCompany } from './org/create-company';
import {
  DeviceConfigStore,
  serverConfigOf,
  serverUrlOf,
  serverUrlsOf,
  type DeviceConfig,
} from './org/device-config';
import { addBranch, branchActivity, updateCompany } from './org/org-service';
import type { AppState, CoreEvent, ServerCredentials, SyncOverview } from './rpc/contract';
import { joinHandlers, type RpcHandlers } from './rpc/server';
import type { HandlersOf } from './rpc/define';
import { coreContract, type CoreContract } from './rpc/contract';
import { Session } from './session';
import { fetchSessionUser, testConnection } from './sync/connection';
import { inspectServer, joinCompany } from './sync/join';
import { signIn, signOut } from './sync/sign-in';
import { adoptSessionUser } from './sync/adopt-user';
import { serverUrlSchema, serverUrlsSchema } from './sync/server-addresses';
import { z } from 'zod';
import { countConflicts, listConflicts, resolveConflict } from './conflicts/conflict-service';
import { correctWaiting, listForgeries } from './conflicts/forgery-service';
import { loadWorkers, type CoreModule } from './module';
import { parseOrThrow } from './db/validation';
import { backupHandlers } from './backup/backup-handlers';

export interface CoreOptions {
  env: PouchEnv;
  dexie?: DexieDeps;
  emit(event: CoreEvent): void;
  fetch?: typeof fetch;
  /** The app's origin, for CORS advice ("app://outpost", "http://127.0.0.1:4173"). */
  origin?: string;
  /** True in a browser or worker, where cross-origin requests are subject to CORS. */
  corsApplies?: boolean;
  now?: () => Date;
  /** The modules this build includes (accounts…); the worker passes them in. */
  modules?: readonly CoreModule[];
}

export interface Core {
  handlers: RpcHandlers;
  setOnline(online: boolean): void;
  /** The open session (tests and benchmarks reach the repositories through it). */
  session(): Session | null;
  close(): Promise<void>;
}

const credentialsSchema = z.object({
  serverUrl: serverUrlSchema,
  serverUrls: serverUrlsSchema,
  username: z.string().trim().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});

/**
 * The data core: the same code runs in the renderer's worker, in Node tests and in the
 * benchmark. It owns the device configuration and, once the device belongs to a company,
 * one Session; every RPC method is a thin call into the modules.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const now = opts.now ?? (() => new Date());
  // Each module's worker part (projections, handlers) is loaded once, before any session opens.
  const loaded = await loadWorkers(opts.modules ?? []);
  const store = new DeviceConfigStore(opts.env);
  let session: Session | null = null;
  let online = true;

  const openSession = async (config: DeviceConfig) => {
    session = await Session.open(config, {
      env: opts.env,
      dexie: opts.dexie,
      emit: opts.emit,
      now,
      modules: loaded,
      saveConfig: (c) => store.save(c),
      connection: {
        fetch: (input, init) => (opts.fetch ?? globalThis.fetch)(input, init),
        origin: opts.origin ?? 'this app',
        corsApplies: opts.corsApplies ?? false,
      },
      // The server answered again: roles granted (or CORS fixed) since take effect without a restart.
      onSessionUser: (user) => {
        const s = session;
        if (s)
          void adoptSessionUser(s, store, user)
            .then((changed) => (changed ? announce() : undefined))
            .catch(() => undefined);
      },
    });
    session.sync.setOnline(online);
    return session;
  };

  const existing = await store.load();
  if (existing) await openSession(existing);

  const ready = (): Session => {
    if (!session)
      throw new OutpostError('state', 'Set up this device first: create or join a company.');
    return session;
  };

  const appState = async (): Promise<AppState> => {
    if (!session) return { phase: 'setup' };
    const s = session;
    const [company, branches, devices] = await Promise.all([
      s.company(),
      s.branches.list(),
      s.devices.list(),
    ]);
    const branch = branches.find((b) => b.code === s.config.branchCode);
    const device = devices.find((d) => d._id === s.config.deviceId);
    if (!branch || !device)
      throw new OutpostError('internal', 'This device’s branch or device record is missing.');
    return {
      phase: 'ready',
      company,
      branch,
      device,
      userName: s.config.userName,
      user: s.config.user ?? null,
      signedOut: s.config.signedOut ?? false,
      serverUrl: serverUrlOf(s.config),
      serverUrls: serverUrlsOf(s.config),
    };
  };

  const announce = async (): Promise<AppState> => {
    const state = await appState();
    opts.emit({ kind: 'state', state });
    return state;
  };

  const syncStatus = (): SyncOverview => ready().sync.overview();
  // Called as `deps.fetch(…)`: a browser's own fetch must not be called as a method of another
  // object ("Illegal invocation" in a worker), so it is wrapped.
  const httpFetch: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const connection = () => ({
    fetch: httpFetch,
    origin: opts.origin ?? 'this app',
    corsApplies: opts.corsApplies ?? false,
  });

  const own: HandlersOf<CoreContract> = {
    'app.getState': appState,

    'setup.createCompany': async (input) => {
      const { config, written } = await createCompany(opts.env, store, input, now);
      const s = await openSession(config);
      s.sync.markPending(MASTER_DB, written);
      return announce();
    },
    'setup.inspectServer': (input) => inspectServer(opts.env, input),
    'setup.joinCompany': async (input) => {
      const { config, written } = await joinCompany(
        opts.env,
        store,
        input,
        now,
        (label, done, total, finished) =>
          opts.emit({ kind: 'progress', task: 'join', label, done, total, finished }),
      );
      const user = await fetchSessionUser(input.serverUrl, input, httpFetch).catch(() => null);
      const s = await openSession(user ? await store.update({ user }) : config);
      s.sync.markPending(MASTER_DB, written);
      s.sync.connect({
        serverUrl: input.serverUrl,
        serverUrls: input.serverUrls,
        username: input.username,
        password: input.password,
      });
      await s.projector.settle();
      return announce();
    },

    'org.getCompany': () => ready().company(),
    'org.updateCompany': async (input) => {
      const c = await updateCompany(ready(), input);
      await announce();
      return c;
    },
    'org.listBranches': () => ready().branches.list(),
    'org.addBranch': (input) => addBranch(ready(), input),
    'org.listDevices': () => ready().devices.list(),
    'org.branchActivity': async () => {
      const s = ready();
      await s.projector.settle();
      return branchActivity(s);
    },

    'sync.getStatus': async () => syncStatus(),
    'sync.connect': async (input: ServerCredentials) => {
      const creds = parseOrThrow(credentialsSchema, input, 'Sync was not started.');
      const s = ready();
      s.sync.connect(creds);
      // Who signed in decides which databases this device holds (head office: every branch).
      // From the engine's own first request: a second one with a wrong password would count towards a lockout.
      const user = (await s.sync.signedInUser()) ?? undefined;
      const signedBackIn =
        user && s.config.signedOut
          ? { signedOut: false, userName: s.config.displayNames?.[user.name] ?? user.name }
          : {};
      s.config = await store.update({
        server: serverConfigOf(creds),
        ...(user !== undefined ? { user } : {}),
        ...signedBackIn,
      });
      await s.reconcileDatabases();
      await announce();
      return syncStatus();
    },
    'sync.disconnect': async () => {
      const s = ready();
      s.sync.disconnect();
      s.config = await store.update({ server: null });
      return syncStatus();
    },
    'sync.pause': async () => {
      ready().sync.pause();
      return syncStatus();
    },
    'sync.resume': async () => {
      ready().sync.resume();
      return syncStatus();
    },
    'sync.testConnection': (input) => testConnection(input, connection()),
    'sync.listRefused': async () => ready().sync.listRefused(),
    'sync.listWithdrawn': async () => ready().sync.listWithdrawn(),
    'sync.resendRefused': async ({ db, docId }) => {
      await ready().sync.resend(db, docId);
      return syncStatus();
    },
    'sync.withdrawRefused': async ({ db, docId }) => {
      const s = ready();
      await s.sync.withdraw(db, docId, s.config.userName);
      void s.projector.schedule(db);
      return syncStatus();
    },

    'user.signIn': async (input) => {
      await signIn({ session: ready(), store, connection: connection() }, input);
      return announce();
    },
    'user.signOut': async () => {
      await signOut({ session: ready(), store });
      return announce();
    },

    'index.getStatus': () => ready().projector.status(),
    'index.rebuild': async () => {
      const s = ready();
      await s.projector.rebuild();
      return s.projector.status();
    },
    'index.dashboard': async () => {
      const s = ready();
      await s.projector.settle();
      return dashboardSummary(s.index);
    },
    'index.search': async ({ text, limit }) => {
      // What was just saved is found: the search waits for the index to take in the writes so far.
      const s = ready();
      await s.projector.settle();
      return searchCatalog(s.index, text, limit);
    },

    'conflicts.list': async () => {
      // A forged change of a posted record is corrected, not offered as a choice (DESIGN §10).
      await correctWaiting(ready());
      return listConflicts(ready());
    },
    'conflicts.count': () => countConflicts(ready()),
    'conflicts.resolve': (input) => resolveConflict(ready(), input),
    'conflicts.forgeries': () => listForgeries(ready()),
    ...backupHandlers({
      env: opts.env,
      dexie: opts.dexie,
      store,
      now,
      emit: opts.emit,
      session: () => session,
      open: async (c) => (await openSession(c), announce()),
    }),
  };
  // Checked against the contracts at start-up: a method with no handler, a handler for no
  // method, or a name two areas declare stops here with its name, not at a clerk's click.
  const handlers: RpcHandlers = joinHandlers([
    { area: 'core', contract: coreContract, handlers: own },
    ...loaded.map((m) => ({
      area: m.module.name,
      contract: m.module.contract ?? {},
      handlers: m.worker.handlers(ready),
    })),
  ]);

  return {
    handlers,
    setOnline(value) {
      online = value;
      session?.sync.setOnline(value);
    },
    session: () => session,
    async close() {
      await session?.close();
      await store.close();
    },
  };
}
