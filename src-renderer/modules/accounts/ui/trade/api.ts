import { run } from '../../../../app/api';
import type { RpcMethod, RpcMethods } from '../../../../core/rpc/contract';
import { accountsApi } from '../api';

/**
 * Sales and purchases endpoints, injected into the app's one API slice next to the ledger's.
 * Names carry a `trade` prefix so they never clash with endpoints other screens inject.
 */
type P<M extends RpcMethod> = RpcMethods[M]['params'];
type R<M extends RpcMethod> = RpcMethods[M]['result'];

/** Anything that changes a document, a payment, a party or the index can change these reads. */
const TRADE_TAGS = ['tradeDoc', 'payment', 'party', 'index'] as const;
const TRADE_WRITES = ['tradeDoc', 'payment', 'party'] as const;

export const tradeApi = accountsApi.injectEndpoints({
  endpoints: (b) => ({
    tradeParties: b.query<R<'accounts.listParties'>, void>({ queryFn: () => run('accounts.listParties', undefined), providesTags: [...TRADE_TAGS] }),
    tradeSaveParty: b.mutation<R<'accounts.saveParty'>, P<'accounts.saveParty'>>({ queryFn: (p) => run('accounts.saveParty', p), invalidatesTags: [...TRADE_WRITES] }),
    tradeSaveDraft: b.mutation<R<'accounts.saveTradeDraft'>, P<'accounts.saveTradeDraft'>>({
      queryFn: (p) => run('accounts.saveTradeDraft', p),
      invalidatesTags: [...TRADE_WRITES],
    }),
    tradeIssue: b.mutation<R<'accounts.issueTradeDoc'>, P<'accounts.issueTradeDoc'>>({ queryFn: (p) => run('accounts.issueTradeDoc', p), invalidatesTags: [...TRADE_WRITES] }),
    tradeDoc: b.query<R<'accounts.getTradeDoc'>, P<'accounts.getTradeDoc'>>({ queryFn: (p) => run('accounts.getTradeDoc', p), providesTags: [...TRADE_TAGS] }),
    tradeRecordPayment: b.mutation<R<'accounts.recordPayment'>, P<'accounts.recordPayment'>>({
      queryFn: (p) => run('accounts.recordPayment', p),
      invalidatesTags: [...TRADE_WRITES],
    }),
    tradeOpenItems: b.query<R<'accounts.openItems'>, P<'accounts.openItems'>>({ queryFn: (p) => run('accounts.openItems', p), providesTags: [...TRADE_TAGS] }),
    tradeAgedReport: b.query<R<'accounts.agedReport'>, P<'accounts.agedReport'>>({ queryFn: (p) => run('accounts.agedReport', p), providesTags: [...TRADE_TAGS] }),
    tradeDocList: b.query<R<'accounts.listDocs'>, P<'accounts.listDocs'>>({ queryFn: (p) => run('accounts.listDocs', p), providesTags: [...TRADE_TAGS] }),
    tradeAccounts: b.query<R<'accounts.listAccounts'>, void>({ queryFn: () => run('accounts.listAccounts', undefined), providesTags: ['account'] }),
    tradeTaxCodes: b.query<R<'accounts.listTaxCodes'>, void>({ queryFn: () => run('accounts.listTaxCodes', undefined), providesTags: ['taxCode'] }),
    tradeSetup: b.query<R<'accounts.getSetup'>, void>({ queryFn: () => run('accounts.getSetup', undefined), providesTags: ['account', 'ledgerSettings'] }),
  }),
});

export const {
  useTradePartiesQuery,
  useTradeSavePartyMutation,
  useTradeSaveDraftMutation,
  useTradeIssueMutation,
  useTradeDocQuery,
  useTradeRecordPaymentMutation,
  useTradeOpenItemsQuery,
  useTradeAgedReportQuery,
  useTradeDocListQuery,
  useTradeAccountsQuery,
  useTradeTaxCodesQuery,
  useTradeSetupQuery,
} = tradeApi;
