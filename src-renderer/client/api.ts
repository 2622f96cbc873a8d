import { createApi, fakeBaseQuery } from '@reduxjs/toolkit/query/react';
import type { SerializedError } from '../core/errors';
import { OutpostError } from '../core/errors';
import { coreContract } from '../core/rpc/contract';
import { tagsOf } from '../core/rpc/define';
import { endpointsFor } from './endpoints';
import type { RpcClient } from './rpc-client';

/**
 * RTK Query over the core's RPC map. Every endpoint is generated from a contract (core's here,
 * each module's injected by its ui/api.ts), named as its method. Reads are cached per tag; the
 * core's `changed` events invalidate the tags of the document types that changed (see
 * store.ts), so a document that arrives by replication refreshes the screens that show it.
 */
let client: RpcClient | null = null;
export function setRpcClient(c: RpcClient): void {
  client = c;
}
export function rpc(): RpcClient {
  if (!client) throw new Error('RPC client not set');
  return client;
}

/** The client as generated endpoints use it: any method by name, its contract having typed the call. */
type AnyMethodClient = { call(method: string, params: unknown): Promise<unknown> };

/** One RPC call as an RTK Query result; every generated endpoint uses it. */
export async function run(
  method: string,
  params: unknown,
): Promise<{ data: unknown } | { error: SerializedError }> {
  try {
    return { data: await (rpc() as AnyMethodClient).call(method, params) };
  } catch (e) {
    return { error: OutpostError.from(e).toJSON() as SerializedError };
  }
}

export const api = createApi({
  reducerPath: 'api',
  baseQuery: fakeBaseQuery<SerializedError>(),
  // Modules add theirs as they inject their endpoints (enhanceEndpoints).
  tagTypes: tagsOf(coreContract),
  endpoints: (b) => endpointsFor(b, coreContract, run),
});

const e = api.endpoints;

// The hooks the pages use, under the names they have always had.
export const useAppStateQuery = e['app.getState'].useQuery;
export const useCreateCompanyMutation = e['setup.createCompany'].useMutation;
export const useInspectServerMutation = e['setup.inspectServer'].useMutation;
export const useJoinCompanyMutation = e['setup.joinCompany'].useMutation;
export const useCompanyQuery = e['org.getCompany'].useQuery;
export const useBranchesQuery = e['org.listBranches'].useQuery;
export const useDevicesQuery = e['org.listDevices'].useQuery;
export const useBranchActivityQuery = e['org.branchActivity'].useQuery;
export const useAddBranchMutation = e['org.addBranch'].useMutation;
export const useUpdateCompanyMutation = e['org.updateCompany'].useMutation;
export const useSyncStatusQuery = e['sync.getStatus'].useQuery;
export const useSyncConnectMutation = e['sync.connect'].useMutation;
export const useSyncDisconnectMutation = e['sync.disconnect'].useMutation;
export const useSyncPauseMutation = e['sync.pause'].useMutation;
export const useSyncResumeMutation = e['sync.resume'].useMutation;
export const useTestConnectionMutation = e['sync.testConnection'].useMutation;
export const useRefusedQuery = e['sync.listRefused'].useQuery;
export const useWithdrawnQuery = e['sync.listWithdrawn'].useQuery;
export const useResendRefusedMutation = e['sync.resendRefused'].useMutation;
export const useWithdrawRefusedMutation = e['sync.withdrawRefused'].useMutation;
export const useSignInMutation = e['user.signIn'].useMutation;
export const useSignOutMutation = e['user.signOut'].useMutation;
export const useIndexStatusQuery = e['index.getStatus'].useQuery;
export const useRebuildIndexMutation = e['index.rebuild'].useMutation;
export const useDashboardQuery = e['index.dashboard'].useQuery;
export const useSearchQuery = e['index.search'].useQuery;
export const useConflictsQuery = e['conflicts.list'].useQuery;
export const useForgeriesQuery = e['conflicts.forgeries'].useQuery;
export const useConflictCountQuery = e['conflicts.count'].useQuery;
export const useResolveConflictMutation = e['conflicts.resolve'].useMutation;
