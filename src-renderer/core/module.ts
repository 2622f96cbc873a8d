import type { SchemaRegistry } from './db/schema-registry';
import type { Projection } from './index/index-db';
import type { RpcHandlers } from './rpc/server';
import type { Session } from './session';

/**
 * What a module contributes to the core (DESIGN §7: a module's domain/ and data/ run in the
 * worker and register its document types, projections and RPC methods). The worker is the
 * composition root: it hands the list of modules to createCore, so core/ never imports a
 * module.
 */
export interface CoreModule {
  name: string;
  registerTypes(registry: SchemaRegistry): void;
  projections: Projection[];
  handlers(session: () => Session): Partial<RpcHandlers>;
}
