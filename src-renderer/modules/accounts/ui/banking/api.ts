import { run } from '../../../../app/api';
import type { RpcMethod, RpcMethods } from '../../../../core/rpc/contract';
import { accountsApi } from '../api';

/**
 * Banking endpoints, injected next to the ledger's. A match or a new entry changes both the
 * reconciliation and the books, so every write invalidates the ledger's tags too.
 */
type P<M extends RpcMethod> = RpcMethods[M]['params'];
type R<M extends RpcMethod> = RpcMethods[M]['result'];

const BANKING_TAGS = ['bankStatement', 'bankMatch', 'journalEntry', 'index'] as const;

export const bankingApi = accountsApi.injectEndpoints({
  endpoints: (b) => ({
    bankingAccounts: b.query<R<'accounts.listAccounts'>, void>({ queryFn: () => run('accounts.listAccounts', undefined), providesTags: ['account'] }),
    bankingStatements: b.query<R<'banking.listStatements'>, P<'banking.listStatements'>>({
      queryFn: (p) => run('banking.listStatements', p),
      providesTags: [...BANKING_TAGS],
    }),
    bankingReconciliation: b.query<R<'banking.reconciliation'>, P<'banking.reconciliation'>>({
      queryFn: (p) => run('banking.reconciliation', p),
      // Receipts and payments recorded elsewhere show up here as book entries.
      providesTags: [...BANKING_TAGS, 'payment', 'tradeDoc'],
    }),
    bankingImport: b.mutation<R<'banking.importStatement'>, P<'banking.importStatement'>>({
      queryFn: (p) => run('banking.importStatement', p),
      invalidatesTags: ['bankStatement', 'bankImportProfile', 'index'],
    }),
    bankingMatch: b.mutation<R<'banking.match'>, P<'banking.match'>>({ queryFn: (p) => run('banking.match', p), invalidatesTags: ['bankMatch', 'index'] }),
    bankingUnmatch: b.mutation<R<'banking.unmatch'>, P<'banking.unmatch'>>({ queryFn: (p) => run('banking.unmatch', p), invalidatesTags: ['bankMatch', 'index'] }),
    bankingCreateEntry: b.mutation<R<'banking.createEntry'>, P<'banking.createEntry'>>({
      queryFn: (p) => run('banking.createEntry', p),
      invalidatesTags: [...BANKING_TAGS],
    }),
  }),
});

export const {
  useBankingAccountsQuery,
  useBankingStatementsQuery,
  useBankingReconciliationQuery,
  useBankingImportMutation,
  useBankingMatchMutation,
  useBankingUnmatchMutation,
  useBankingCreateEntryMutation,
} = bankingApi;
