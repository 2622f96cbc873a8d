/// <reference lib="webworker" />
import { createCore } from './core/create-core';
import { MODULES } from './modules/registry';
import { browserPouchEnv } from './core/db/pouch-browser';
import { OutpostError } from './core/errors';
import type { CoreEvent, RpcRequest } from './core/rpc/contract';
import { serveRpc, type RpcHandlers } from './core/rpc/server';

/**
 * The data-core worker (DESIGN §1). The UI thread never touches a database: it sends RPC
 * requests here and listens to the events the core pushes. Requests that arrive while the
 * core is still opening its databases wait for it instead of failing.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let emit: (event: CoreEvent) => void = () => undefined;

const corePromise = createCore({
  env: browserPouchEnv(),
  emit: (event) => emit(event),
  origin: scope.location.origin === 'null' ? 'app://outpost' : scope.location.origin,
  corsApplies: true,
  modules: MODULES,
});

const handlers = new Proxy({} as RpcHandlers, {
  get: (_t, method: string) => async (params: unknown) => {
    const core = await corePromise;
    const h = core.handlers[method];
    if (typeof h !== 'function') throw new OutpostError('internal', `Unknown request "${method}".`);
    return h(params);
  },
});

emit = serveRpc(scope, handlers, (msg) => {
  if (msg.host === 'online') void corePromise.then((core) => core.setOnline(msg.online));
});

corePromise.catch((e) => console.error('[core] failed to start', e));
export type { RpcRequest };
