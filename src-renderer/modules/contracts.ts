import { coreContract } from '../core/rpc/contract';
import { combineContracts, type MethodsOf } from '../core/rpc/define';
import { accountsContract } from './accounts/rpc-contract';

/**
 * Every RPC method of this build: core's and each module's contract, joined (a name declared
 * twice stops start-up). Core never sees this file; tests, benchmarks and whatever else calls
 * across areas are typed by it. Adding a module adds its contract here.
 */
export const moduleContracts = [accountsContract] as const;

export const allContract = combineContracts(coreContract, ...moduleContracts);

export type AllContract = typeof allContract;
export type RpcMethods = MethodsOf<AllContract>;
export type RpcMethod = keyof RpcMethods;

declare module '../core/testing/node-core' {
  /** A test device answers every method of this build (node-core.ts stays free of module names). */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- widens core's interface by merging
  interface TestDeviceMethods extends RpcMethods {}
}
