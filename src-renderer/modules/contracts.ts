import { coreContract, type CoreContract } from '../core/rpc/contract';
import { combineContracts, type Contract, type MethodsOf } from '../core/rpc/define';
import { MODULES } from './registry';

/**
 * Every RPC method of this build: core's contract and the contract of each module in the one
 * list (registry.ts), joined (a name declared twice stops start-up). Core never sees this
 * file; tests, benchmarks and whatever else calls across areas are typed by it. A module added
 * to the registry is here with no edit.
 */
type ContractOf<M> = M extends { contract: infer C extends Contract } ? C : Record<never, never>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;
type ModuleContracts = UnionToIntersection<ContractOf<(typeof MODULES)[number]>>;

export const moduleContracts: readonly Contract[] = MODULES.map((m) =>
  'contract' in m && m.contract ? m.contract : {},
);

export const allContract = combineContracts(coreContract, ...moduleContracts) as CoreContract &
  ModuleContracts;

export type AllContract = typeof allContract;
export type RpcMethods = MethodsOf<AllContract>;
export type RpcMethod = keyof RpcMethods;

declare module '../core/testing/node-core' {
  /** A test device answers every method of this build (node-core.ts stays free of module names). */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- widens core's interface by merging
  interface TestDeviceMethods extends RpcMethods {}
}
