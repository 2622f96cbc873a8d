import { describe, expect, it, vi } from 'vitest';
import { api, setRpcClient } from '../client/api';
import type { RpcClient } from '../client/rpc-client';
import { connectCoreEvents, createStore, type AppStore } from '../client/store';
import { SchemaRegistry } from '../core/db/schema-registry';
import { registerOrgTypes } from '../core/org/doc-types';
import { CORE_TAGS, type CoreEvent } from '../core/rpc/contract';
import { tagsOf, type MethodSpec } from '../core/rpc/define';
import { accountsApi } from './accounts/ui/api';
// Injects Inventory's endpoints into the same slice (accountsApi.endpoints then lists them too).
import './inventory/ui/api';
import { MODULES } from './registry';
import { allContract } from './contracts';

const specs = Object.entries(allContract as Record<string, MethodSpec>);
const queries = specs.filter(([, s]) => s.kind === 'query');

/** Arguments that make every query run (the fake core answers anything). */
const ARGS: Record<string, unknown> = { 'index.search': { text: 'rent' } };

/** A core that answers every call and counts them, and pushes events when told. */
function fakeCore() {
  const calls: string[] = [];
  const listeners = new Set<(e: CoreEvent) => void>();
  const client = {
    call: async (method: string) => {
      calls.push(method);
      return method.endsWith('.listRefused') ? [] : {};
    },
    onEvent: (l: (e: CoreEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    calls,
    client: client as unknown as RpcClient,
    push: (e: CoreEvent) => listeners.forEach((l) => l(e)),
  };
}

async function settled(store: AppStore): Promise<void> {
  await Promise.all(store.dispatch(api.util.getRunningQueriesThunk()));
}

/** A store with one subscription to every query of the build, each answered once. */
async function everyQueryOnScreen() {
  const core = fakeCore();
  setRpcClient(core.client);
  const store = createStore();
  connectCoreEvents(store, core.client);
  const endpoints = accountsApi.endpoints as unknown as Record<
    string,
    { initiate(arg: unknown): never }
  >;
  for (const [method] of queries) store.dispatch(endpoints[method]!.initiate(ARGS[method]));
  await settled(store);
  expect(new Set(core.calls)).toEqual(new Set(queries.map(([m]) => m)));
  core.calls.length = 0;
  return { store, core };
}

/** The queries a change of these types must refresh: those that read one of them or the catalogue. */
function readers(tags: string[]): string[] {
  return queries
    .filter(([, s]) => s.kind === 'query' && s.reads.some((t) => tags.includes(t)))
    .map(([m]) => m);
}

describe('the endpoints are generated from the contracts', () => {
  it('one endpoint per method, named as the method, of the kind the contract declares', () => {
    const endpoints = accountsApi.endpoints as unknown as Record<
      string,
      { useQuery?: unknown; useMutation?: unknown }
    >;
    expect(Object.keys(endpoints).sort()).toEqual(specs.map(([m]) => m).sort());
    for (const [method, spec] of specs) {
      expect(
        typeof endpoints[method]?.[spec.kind === 'query' ? 'useQuery' : 'useMutation'],
        method,
      ).toBe('function');
    }
  });

  it('every tag is a registered document type or one of core’s own', () => {
    const registry = new SchemaRegistry();
    registerOrgTypes(registry);
    for (const m of MODULES) m.registerTypes(registry);
    const known = new Set([...registry.types(), ...CORE_TAGS]);
    expect(tagsOf(allContract).filter((t) => !known.has(t))).toEqual([]);
  });
});

describe('a changed event refreshes only what is derived from the changed types', () => {
  it('bank statements arriving refresh the statements and the reconciliation, not the trial balance', async () => {
    const { store, core } = await everyQueryOnScreen();
    core.push({ kind: 'changed', db: 'branch-nyc', types: ['bankStatement'] });
    await settled(store);
    expect(core.calls.sort()).toEqual(readers(['bankStatement', 'catalog']).sort());
    expect(core.calls).toContain('banking.reconciliation');
    expect(core.calls).not.toContain('accounts.trialBalance');
    expect(core.calls).not.toContain('conflicts.list');
    expect(core.calls).not.toContain('index.getStatus');
  });

  it('a posted journal entry refreshes every report over the books, and the catalogue', async () => {
    const { store, core } = await everyQueryOnScreen();
    core.push({ kind: 'changed', db: 'branch-nyc', types: ['journalEntry'] });
    await settled(store);
    expect(core.calls.sort()).toEqual(readers(['journalEntry', 'catalog']).sort());
    expect(core.calls).toEqual(
      expect.arrayContaining(['accounts.trialBalance', 'accounts.listDocs', 'index.search']),
    );
    expect(core.calls).not.toContain('accounts.listParties');
  });

  it('the conflict list is read again only when the change can have moved it', async () => {
    const { store, core } = await everyQueryOnScreen();
    core.push({ kind: 'changed', db: 'master', types: ['party'], conflicts: true });
    await settled(store);
    expect(core.calls.sort()).toEqual(readers(['party', 'catalog', 'conflict']).sort());
    expect(core.calls).toEqual(
      expect.arrayContaining(['conflicts.list', 'conflicts.count', 'accounts.listParties']),
    );
  });
});

describe('the other pushed events', () => {
  it('a sync status is written into the cache; the refused list is read again only when its count moved', async () => {
    const { store, core } = await everyQueryOnScreen();
    const overview = {
      configured: true,
      server: null,
      online: true,
      paused: false,
      state: 'up-to-date' as const,
      pending: 0,
      lastSyncedAt: null,
      databases: [],
    };
    core.push({ kind: 'sync', overview: { ...overview, refused: 0 } });
    await settled(store);
    expect(core.calls).toEqual([]);
    // The upsert lands once its thunk resolves: waited for, not slept on.
    const status = () => api.endpoints['sync.getStatus'].select()(store.getState()).data;
    await vi.waitFor(() => expect(status()).toMatchObject({ state: 'up-to-date', refused: 0 }), {
      timeout: 5_000,
      interval: 10,
    });

    // The status upsert is a request of its own: the invalidation waits for it (RTK's delayed invalidation).
    core.push({ kind: 'sync', overview: { ...overview, refused: 1 } });
    await vi.waitFor(() => expect(core.calls).toContain('sync.listRefused'), {
      timeout: 5_000,
      interval: 10,
    });
    await settled(store);
    expect(core.calls.sort()).toEqual(['sync.listRefused', 'sync.listWithdrawn']);
  });
});
