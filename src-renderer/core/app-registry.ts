import { SchemaRegistry } from './db/schema-registry';
import { CORE_KINDS, type DatabaseKind } from './db/kinds';
import { registerOrgTypes } from './org/doc-types';
import { registerForgeryTypes } from './conflicts/forgery';
import { databaseKinds, type CoreModule } from './module';

/**
 * The document types of a build: core's own (company, branch, device, forgery reports) and
 * every module's. The session, the server's validate_doc_update and the tests all build it
 * from the same list of modules, so no type can be known to one and not the other.
 */
export function createRegistry(modules: readonly CoreModule[] = []): SchemaRegistry {
  const registry = new SchemaRegistry();
  registerOrgTypes(registry);
  registerForgeryTypes(registry);
  for (const m of modules) m.registerTypes(registry);
  const kinds = new Set(databaseKinds(CORE_KINDS, modules).map((k) => k.kind));
  for (const type of registry.types()) {
    const home = registry.require(type).home;
    if (!kinds.has(home)) {
      throw new Error(
        `Document type "${type}" lives in a database kind nobody declares ("${home}")`,
      );
    }
  }
  return registry;
}

/** Every database kind of a build: core's and the modules'. */
export function allKinds(modules: readonly CoreModule[] = []): DatabaseKind[] {
  return databaseKinds(CORE_KINDS, modules);
}
