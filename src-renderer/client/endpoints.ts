import type {
  BaseQueryFn,
  EndpointBuilder,
  MutationDefinition,
  QueryDefinition,
} from '@reduxjs/toolkit/query';
import type { Contract, ParamsOf, ResultOf } from '../core/rpc/define';

/** The endpoint generated for each entry: named as the method, typed by its params and result. */
export type EndpointsOf<
  C extends Contract,
  BQ extends BaseQueryFn,
  T extends string,
  RP extends string,
> = {
  [K in keyof C & string]: C[K] extends { kind: 'query' }
    ? QueryDefinition<ParamsOf<C[K]>, BQ, T, ResultOf<C[K]>, RP>
    : MutationDefinition<ParamsOf<C[K]>, BQ, T, ResultOf<C[K]>, RP>;
};

/** One RPC call as an RTK Query result (see `run` in api.ts). */
export type RunRpc = (
  method: string,
  params: unknown,
) => Promise<{ data: unknown } | { error: unknown }>;

/**
 * One RTK Query endpoint per method of the contract, named as the method
 * (`api.endpoints['accounts.listAccounts']`): a query provides the tags it reads, a mutation
 * invalidates the tags it writes. Nothing is written by hand, so two screens reading the same
 * method share one cache entry and one set of tags.
 */
export function endpointsFor<
  C extends Contract,
  BQ extends BaseQueryFn,
  T extends string,
  RP extends string,
>(build: EndpointBuilder<BQ, T, RP>, contract: C, run: RunRpc): EndpointsOf<C, BQ, T, RP> {
  const endpoints: Record<string, unknown> = {};
  for (const [method, spec] of Object.entries(contract)) {
    const queryFn = (params: unknown) => run(method, params);
    // Typed by EndpointsOf below: the builder cannot follow a type that varies per entry.
    endpoints[method] =
      spec.kind === 'query'
        ? build.query({ queryFn, providesTags: [...spec.reads] } as never)
        : build.mutation({ queryFn, invalidatesTags: [...spec.writes] } as never);
  }
  return endpoints as EndpointsOf<C, BQ, T, RP>;
}
