/**
 * How an area declares its RPC methods (DESIGN §1): one entry per method, with its kind and the
 * cache tags it reads or writes, and its params and result as TypeScript types. The worker
 * serves the entries (HandlersOf: a handler for every one), the UI generates one RTK Query
 * endpoint per entry from the same object, and the store invalidates by the tags declared here.
 *
 * A tag is a document type ('journalEntry', 'branch'…) or one of core's few non-document
 * tags (CORE_TAGS in contract.ts). A `changed` event names document types, so a query that
 * declares it reads 'payment' is refreshed when payments change, and nothing else is.
 */

declare const shape: unique symbol;

interface Typed<P, R> {
  /** Never set: carries the params and result types from the declaration to its users. */
  readonly [shape]?: (params: P) => R;
}

export interface QuerySpec<P = unknown, R = unknown> extends Typed<P, R> {
  readonly kind: 'query';
  /** What the result is derived from: a change to any of these refreshes it. */
  readonly reads: readonly string[];
}

export interface MutationSpec<P = unknown, R = unknown> extends Typed<P, R> {
  readonly kind: 'mutation';
  /** What it changes: the queries that read any of these are refreshed once it has run (refused or not: a refusal often means the data moved). */
  readonly writes: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any P/R: a contract is a map of differently typed entries
export type MethodSpec = QuerySpec<any, any> | MutationSpec<any, any>;
export type Contract = Readonly<Record<string, MethodSpec>>;

/** A read: `query<Params, Result>()({ reads: ['account'] })` (the double call lets P and R be given while the rest is inferred). */
export function query<P, R>() {
  return (spec: { reads: readonly string[] }): QuerySpec<P, R> => ({
    kind: 'query',
    reads: spec.reads,
  });
}

/** A write, or an action with no cached result (a connection test): `mutation<Params, Result>()({ writes: [...] })`. */
export function mutation<P, R>() {
  return (spec: { writes: readonly string[] }): MutationSpec<P, R> => ({
    kind: 'mutation',
    writes: spec.writes,
  });
}

export type ParamsOf<S> = S extends Typed<infer P, unknown> ? P : never;
export type ResultOf<S> = S extends Typed<never, infer R> ? R : never;

/** `{ params, result }` per method, the shape callers (RpcClient, test devices) are typed by. */
export type MethodsOf<C extends Contract> = {
  [K in keyof C]: { params: ParamsOf<C[K]>; result: ResultOf<C[K]> };
};

/** Every method of the contract answered: a missing or misspelt handler is a type error. */
export type HandlersOf<C extends Contract> = {
  [K in keyof C]: (params: ParamsOf<C[K]>) => Promise<ResultOf<C[K]>>;
};

/** The methods of a contract whose entries are queries (or mutations). */
export type QueryNames<C extends Contract> = {
  [K in keyof C]: C[K] extends { kind: 'query' } ? K : never;
}[keyof C];
export type MutationNames<C extends Contract> = {
  [K in keyof C]: C[K] extends { kind: 'mutation' } ? K : never;
}[keyof C];

/**
 * Joins contracts into one (core's and every module's): method names are global, so a name
 * declared twice is a mistake that would silently drop one handler, and it stops start-up.
 */
export function combineContracts<const Cs extends readonly Contract[]>(
  ...contracts: Cs
): UnionToIntersection<Cs[number]> {
  const all: Record<string, MethodSpec> = {};
  for (const c of contracts) {
    for (const [name, spec] of Object.entries(c)) {
      if (name in all) throw new Error(`The RPC method "${name}" is declared twice.`);
      all[name] = spec;
    }
  }
  return all as UnionToIntersection<Cs[number]>;
}

/** Every tag a contract mentions, each once (the API's tag types). */
export function tagsOf(contract: Contract): string[] {
  const tags = new Set<string>();
  for (const spec of Object.values(contract))
    for (const t of spec.kind === 'query' ? spec.reads : spec.writes) tags.add(t);
  return [...tags];
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;
