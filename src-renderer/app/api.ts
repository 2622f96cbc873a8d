import { createApi, fakeBaseQuery } from '@reduxjs/toolkit/query/react';
import type { SerializedError } from '../core/errors';
import { OutpostError } from '../core/errors';
import { TAG_TYPES, type RpcMethod, type RpcMethods, type TagType } from '../core/rpc/contract';
import type { RpcClient } from './rpc-client';

/**
 * RTK Query over the core's RPC map. Reads are cached per tag; the core's `changed` events
 * invalidate the tags of the document types that changed (see store.ts), so a document that
 * arrives by replication refreshes the screens that show it.
 */
let client: RpcClient | null = null;
export function setRpcClient(c: RpcClient): void {
  client = c;
}
export function rpc(): RpcClient {
  if (!client) throw new Error('RPC client not set');
  return client;
}

/** One RPC call as an RTK Query result; every module's endpoints use it. */
export async function run<M extends RpcMethod>(method: M, params: RpcMethods[M]['params']) {
  try {
    return { data: await rpc().call(method, params) };
  } catch (e) {
    return { error: OutpostError.from(e).toJSON() as SerializedError };
  }
}

type P<M extends RpcMethod> = RpcMethods[M]['params'];
type R<M extends RpcMethod> = RpcMethods[M]['result'];

export const api = createApi({
  reducerPath: 'api',
  baseQuery: fakeBaseQuery<SerializedError>(),
  tagTypes: TAG_TYPES as unknown as TagType[],
  endpoints: (b) => ({
    appState: b.query<R<'app.getState'>, void>({ queryFn: () => run('app.getState', undefined), providesTags: ['app'] }),
    createCompany: b.mutation<R<'setup.createCompany'>, P<'setup.createCompany'>>({
      queryFn: (p) => run('setup.createCompany', p),
      invalidatesTags: ['app', 'company', 'branch', 'device', 'sync'],
    }),
    inspectServer: b.mutation<R<'setup.inspectServer'>, P<'setup.inspectServer'>>({
      queryFn: (p) => run('setup.inspectServer', p),
    }),
    joinCompany: b.mutation<R<'setup.joinCompany'>, P<'setup.joinCompany'>>({
      queryFn: (p) => run('setup.joinCompany', p),
      invalidatesTags: ['app', 'company', 'branch', 'device', 'sync'],
    }),
    branches: b.query<R<'org.listBranches'>, void>({ queryFn: () => run('org.listBranches', undefined), providesTags: ['branch'] }),
    branchActivity: b.query<R<'org.branchActivity'>, void>({ queryFn: () => run('org.branchActivity', undefined), providesTags: ['branch', 'index'] }),
    devices: b.query<R<'org.listDevices'>, void>({ queryFn: () => run('org.listDevices', undefined), providesTags: ['device'] }),
    addBranch: b.mutation<R<'org.addBranch'>, P<'org.addBranch'>>({
      queryFn: (p) => run('org.addBranch', p),
      invalidatesTags: ['branch', 'index'],
    }),
    updateCompany: b.mutation<R<'org.updateCompany'>, P<'org.updateCompany'>>({
      queryFn: (p) => run('org.updateCompany', p),
      invalidatesTags: ['company', 'app'],
    }),
    syncStatus: b.query<R<'sync.getStatus'>, void>({ queryFn: () => run('sync.getStatus', undefined), providesTags: ['sync'] }),
    syncConnect: b.mutation<R<'sync.connect'>, P<'sync.connect'>>({ queryFn: (p) => run('sync.connect', p), invalidatesTags: ['sync'] }),
    syncDisconnect: b.mutation<R<'sync.disconnect'>, void>({ queryFn: () => run('sync.disconnect', undefined), invalidatesTags: ['sync'] }),
    syncPause: b.mutation<R<'sync.pause'>, void>({ queryFn: () => run('sync.pause', undefined), invalidatesTags: ['sync'] }),
    syncResume: b.mutation<R<'sync.resume'>, void>({ queryFn: () => run('sync.resume', undefined), invalidatesTags: ['sync'] }),
    testConnection: b.mutation<R<'sync.testConnection'>, P<'sync.testConnection'>>({
      queryFn: (p) => run('sync.testConnection', p),
    }),
    refused: b.query<R<'sync.listRefused'>, void>({ queryFn: () => run('sync.listRefused', undefined), providesTags: ['refused'] }),
    withdrawn: b.query<R<'sync.listWithdrawn'>, void>({ queryFn: () => run('sync.listWithdrawn', undefined), providesTags: ['refused'] }),
    resendRefused: b.mutation<R<'sync.resendRefused'>, P<'sync.resendRefused'>>({ queryFn: (p) => run('sync.resendRefused', p), invalidatesTags: ['refused', 'sync'] }),
    withdrawRefused: b.mutation<R<'sync.withdrawRefused'>, P<'sync.withdrawRefused'>>({
      queryFn: (p) => run('sync.withdrawRefused', p),
      invalidatesTags: ['refused', 'sync', 'branch', 'index'],
    }),
    // Switch user: what syncs, what is held back, who stamps records and what the UI offers all change.
    signIn: b.mutation<R<'user.signIn'>, P<'user.signIn'>>({
      queryFn: (p) => run('user.signIn', p),
      invalidatesTags: ['app', 'sync', 'refused', 'branch', 'index', 'conflict'],
    }),
    signOut: b.mutation<R<'user.signOut'>, void>({
      queryFn: () => run('user.signOut', undefined),
      invalidatesTags: ['app', 'sync', 'refused', 'branch', 'index', 'conflict'],
    }),
    indexStatus: b.query<R<'index.getStatus'>, void>({ queryFn: () => run('index.getStatus', undefined), providesTags: ['index'] }),
    rebuildIndex: b.mutation<R<'index.rebuild'>, void>({ queryFn: () => run('index.rebuild', undefined), invalidatesTags: ['index'] }),
    dashboard: b.query<R<'index.dashboard'>, void>({
      queryFn: () => run('index.dashboard', undefined),
      providesTags: ['index', 'company', 'branch', 'device'],
    }),
    search: b.query<R<'index.search'>, P<'index.search'>>({ queryFn: (p) => run('index.search', p), providesTags: ['index'] }),
    conflicts: b.query<R<'conflicts.list'>, void>({ queryFn: () => run('conflicts.list', undefined), providesTags: ['conflict'] }),
    conflictCount: b.query<R<'conflicts.count'>, void>({ queryFn: () => run('conflicts.count', undefined), providesTags: ['conflict'] }),
    forgeries: b.query<R<'conflicts.forgeries'>, void>({ queryFn: () => run('conflicts.forgeries', undefined), providesTags: ['conflict'] }),
    resolveConflict: b.mutation<R<'conflicts.resolve'>, P<'conflicts.resolve'>>({
      queryFn: (p) => run('conflicts.resolve', p),
      // Refused or not, the list is read again: a refusal usually means it changed meanwhile.
      invalidatesTags: ['conflict', 'index'],
    }),
  }),
});

export const {
  useAppStateQuery,
  useCreateCompanyMutation,
  useInspectServerMutation,
  useJoinCompanyMutation,
  useBranchesQuery,
  useDevicesQuery,
  useBranchActivityQuery,
  useAddBranchMutation,
  useUpdateCompanyMutation,
  useSyncStatusQuery,
  useSyncConnectMutation,
  useSyncDisconnectMutation,
  useSyncPauseMutation,
  useSyncResumeMutation,
  useTestConnectionMutation,
  useRefusedQuery,
  useWithdrawnQuery,
  useResendRefusedMutation,
  useWithdrawRefusedMutation,
  useSignInMutation,
  useSignOutMutation,
  useIndexStatusQuery,
  useRebuildIndexMutation,
  useDashboardQuery,
  useSearchQuery,
  useConflictsQuery,
  useForgeriesQuery,
  useConflictCountQuery,
  useResolveConflictMutation,
} = api;
