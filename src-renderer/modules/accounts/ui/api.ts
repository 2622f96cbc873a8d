import { api, run } from '../../../app/api';
import type { RpcMethod, RpcMethods } from '../../../core/rpc/contract';

/** The Accounts module's RTK Query endpoints, injected into the app's one API slice. */
type P<M extends RpcMethod> = RpcMethods[M]['params'];
type R<M extends RpcMethod> = RpcMethods[M]['result'];

const LEDGER_TAGS = ['journalEntry', 'tradeDoc', 'payment', 'account', 'index'] as const;

export const accountsApi = api.injectEndpoints({
  endpoints: (b) => ({
    ledgerSetup: b.query<R<'accounts.getSetup'>, void>({ queryFn: () => run('accounts.getSetup', undefined), providesTags: ['account', 'ledgerSettings'] }),
    setupStarterChart: b.mutation<R<'accounts.setupStarterChart'>, void>({
      queryFn: () => run('accounts.setupStarterChart', undefined),
      invalidatesTags: ['account', 'ledgerSettings', 'taxCode'],
    }),
    accounts: b.query<R<'accounts.listAccounts'>, void>({ queryFn: () => run('accounts.listAccounts', undefined), providesTags: ['account'] }),
    saveAccount: b.mutation<R<'accounts.saveAccount'>, P<'accounts.saveAccount'>>({ queryFn: (p) => run('accounts.saveAccount', p), invalidatesTags: ['account'] }),
    parties: b.query<R<'accounts.listParties'>, void>({ queryFn: () => run('accounts.listParties', undefined), providesTags: ['party'] }),
    docs: b.query<R<'accounts.listDocs'>, P<'accounts.listDocs'>>({ queryFn: (p) => run('accounts.listDocs', p), providesTags: [...LEDGER_TAGS] }),
    journal: b.query<R<'accounts.getJournal'>, P<'accounts.getJournal'>>({ queryFn: (p) => run('accounts.getJournal', p), providesTags: ['journalEntry'] }),
    saveJournalDraft: b.mutation<R<'accounts.saveJournalDraft'>, P<'accounts.saveJournalDraft'>>({
      queryFn: (p) => run('accounts.saveJournalDraft', p),
      invalidatesTags: ['journalEntry'],
    }),
    discardDraft: b.mutation<R<'accounts.discardDraft'>, P<'accounts.discardDraft'>>({
      queryFn: (p) => run('accounts.discardDraft', p),
      invalidatesTags: ['journalEntry', 'tradeDoc'],
    }),
    postJournal: b.mutation<R<'accounts.postJournal'>, P<'accounts.postJournal'>>({ queryFn: (p) => run('accounts.postJournal', p), invalidatesTags: ['journalEntry'] }),
    reverseJournal: b.mutation<R<'accounts.reverseJournal'>, P<'accounts.reverseJournal'>>({
      queryFn: (p) => run('accounts.reverseJournal', p),
      invalidatesTags: ['journalEntry'],
    }),
    setLockDate: b.mutation<R<'accounts.setLockDate'>, P<'accounts.setLockDate'>>({ queryFn: (p) => run('accounts.setLockDate', p), invalidatesTags: ['ledgerSettings'] }),
    closeYear: b.mutation<R<'accounts.closeYear'>, P<'accounts.closeYear'>>({ queryFn: (p) => run('accounts.closeYear', p), invalidatesTags: ['journalEntry'] }),
    trialBalance: b.query<R<'accounts.trialBalance'>, P<'accounts.trialBalance'>>({ queryFn: (p) => run('accounts.trialBalance', p), providesTags: [...LEDGER_TAGS] }),
    profitAndLoss: b.query<R<'accounts.profitAndLoss'>, P<'accounts.profitAndLoss'>>({ queryFn: (p) => run('accounts.profitAndLoss', p), providesTags: [...LEDGER_TAGS] }),
    balanceSheet: b.query<R<'accounts.balanceSheet'>, P<'accounts.balanceSheet'>>({ queryFn: (p) => run('accounts.balanceSheet', p), providesTags: [...LEDGER_TAGS] }),
    rates: b.query<R<'accounts.listRates'>, void>({ queryFn: () => run('accounts.listRates', undefined), providesTags: ['currencyRate'] }),
    saveRate: b.mutation<R<'accounts.saveRate'>, P<'accounts.saveRate'>>({ queryFn: (p) => run('accounts.saveRate', p), invalidatesTags: ['currencyRate'] }),
    rateFor: b.query<R<'accounts.rateFor'>, P<'accounts.rateFor'>>({ queryFn: (p) => run('accounts.rateFor', p), providesTags: ['currencyRate'] }),
    taxSummary: b.query<R<'accounts.taxSummary'>, P<'accounts.taxSummary'>>({ queryFn: (p) => run('accounts.taxSummary', p), providesTags: [...LEDGER_TAGS] }),
    accountsDashboard: b.query<R<'accounts.dashboard'>, P<'accounts.dashboard'>>({ queryFn: (p) => run('accounts.dashboard', p), providesTags: [...LEDGER_TAGS] }),
    importJournalCsv: b.mutation<R<'accounts.importJournalCsv'>, P<'accounts.importJournalCsv'>>({ queryFn: (p) => run('accounts.importJournalCsv', p), invalidatesTags: ['journalEntry'] }),
    importChartCsv: b.mutation<R<'accounts.importChartCsv'>, P<'accounts.importChartCsv'>>({ queryFn: (p) => run('accounts.importChartCsv', p), invalidatesTags: ['account'] }),
    exportHledger: b.mutation<R<'accounts.exportHledger'>, P<'accounts.exportHledger'>>({ queryFn: (p) => run('accounts.exportHledger', p) }),
    generalLedger: b.query<R<'accounts.generalLedger'>, P<'accounts.generalLedger'>>({ queryFn: (p) => run('accounts.generalLedger', p), providesTags: [...LEDGER_TAGS] }),
  }),
});

export const {
  useLedgerSetupQuery,
  useSetupStarterChartMutation,
  useAccountsQuery,
  useSaveAccountMutation,
  usePartiesQuery,
  useDocsQuery,
  useJournalQuery,
  useSaveJournalDraftMutation,
  useDiscardDraftMutation,
  usePostJournalMutation,
  useReverseJournalMutation,
  useSetLockDateMutation,
  useCloseYearMutation,
  useTrialBalanceQuery,
  useProfitAndLossQuery,
  useBalanceSheetQuery,
  useGeneralLedgerQuery,
  useAccountsDashboardQuery,
  useTaxSummaryQuery,
  useRatesQuery,
  useSaveRateMutation,
  useRateForQuery,
  useImportJournalCsvMutation,
  useImportChartCsvMutation,
  useExportHledgerMutation,
} = accountsApi;
