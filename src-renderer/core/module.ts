import type { DatabaseKind } from './db/kinds';
import type { SchemaRegistry } from './db/schema-registry';
import type { Projection } from './index/index-db';
import type { ModuleContext } from './module-context';
import type { RpcHandlers } from './rpc/server';
import type { Contract } from './rpc/define';

/**
 * A module as the platform sees it (issue 10; DESIGN §7). What every process may read is
 * declared here and stays small: the database kinds the module brings and its document types
 * (zod schemas, postings). What runs only in the data-core worker (projections, RPC handlers)
 * and only on the UI thread (routes, navigation, dashboard cards) is loaded on demand, so the
 * server, the worker and the UI each load only their part, and each module's pages are a
 * bundle of their own.
 *
 * `modules/registry.ts` lists the modules; core and server read that list and name none.
 */
export interface CoreModule<Ui = unknown> {
  /** Lowercase, unique: the first part of its RPC method names ('accounts.listAccounts'). */
  name: string;
  /** Database kinds this module brings (core brings master and branch). */
  databases?: readonly DatabaseKind[];
  /**
   * The module's RPC methods: each one's params and result types and the tags it reads or
   * writes. The UI's endpoints are generated from it; the worker checks the handlers against it.
   */
  contract?: Contract;
  /** Registers the module's document types: schema, home database kind, postings. */
  registerTypes(registry: SchemaRegistry): void;
  /** The worker part: projections and RPC handlers. */
  worker(): Promise<ModuleWorker>;
  /** The UI part (typed by the UI layer, see ui/module-ui.ts). */
  ui?(): Promise<Ui>;
}

export interface ModuleWorker {
  projections: Projection[];
  /** A handler for every method of the module's contract (typed there with HandlersOf). */
  handlers(context: () => ModuleContext): RpcHandlers;
}

/** A module whose worker part is loaded: what the session and createCore work with. */
export interface LoadedModule {
  module: CoreModule;
  worker: ModuleWorker;
}

export async function loadWorkers(modules: readonly CoreModule[]): Promise<LoadedModule[]> {
  return Promise.all(modules.map(async (module) => ({ module, worker: await module.worker() })));
}

/** Every database kind: core's and the modules'. A kind declared twice is a programming error. */
export function databaseKinds(
  core: readonly DatabaseKind[],
  modules: readonly CoreModule[],
): DatabaseKind[] {
  const all = [...core, ...modules.flatMap((m) => m.databases ?? [])];
  const seen = new Set<string>();
  for (const k of all) {
    if (seen.has(k.kind)) throw new Error(`Database kind "${k.kind}" declared twice`);
    seen.add(k.kind);
  }
  return all;
}
