import { api, run } from '../../../client/api';
import { endpointsFor } from '../../../client/endpoints';
import { tagsOf } from '../../../core/rpc/define';
import { accountsContract } from '../rpc-contract';

/**
 * The Accounts module's endpoints (banking's included), generated from its contract and
 * injected into the app's one API slice: one endpoint per method, named as the method.
 */
export const accountsApi = api
  .enhanceEndpoints({ addTagTypes: tagsOf(accountsContract) })
  .injectEndpoints({ endpoints: (b) => endpointsFor(b, accountsContract, run) });

const e = accountsApi.endpoints;

// The hooks the ledger's pages use, under the names they have always had.
export const useLedgerSetupQuery = e['accounts.getSetup'].useQuery;
export const useSetupStarterChartMutation = e['accounts.setupStarterChart'].useMutation;
export const useSaveLedgerSettingsMutation = e['accounts.saveLedgerSettings'].useMutation;
export const useAccountsQuery = e['accounts.listAccounts'].useQuery;
export const useSaveAccountMutation = e['accounts.saveAccount'].useMutation;
export const useTaxCodesQuery = e['accounts.listTaxCodes'].useQuery;
export const usePartiesQuery = e['accounts.listParties'].useQuery;
export const useDocsQuery = e['accounts.listDocs'].useQuery;
export const useJournalQuery = e['accounts.getJournal'].useQuery;
export const useSaveJournalDraftMutation = e['accounts.saveJournalDraft'].useMutation;
export const useDiscardDraftMutation = e['accounts.discardDraft'].useMutation;
export const usePostJournalMutation = e['accounts.postJournal'].useMutation;
export const useReverseJournalMutation = e['accounts.reverseJournal'].useMutation;
export const useSetLockDateMutation = e['accounts.setLockDate'].useMutation;
export const useCloseYearMutation = e['accounts.closeYear'].useMutation;
export const useTrialBalanceQuery = e['accounts.trialBalance'].useQuery;
export const useProfitAndLossQuery = e['accounts.profitAndLoss'].useQuery;
export const useBalanceSheetQuery = e['accounts.balanceSheet'].useQuery;
export const useGeneralLedgerQuery = e['accounts.generalLedger'].useQuery;
export const useAccountsDashboardQuery = e['accounts.dashboard'].useQuery;
export const useTaxSummaryQuery = e['accounts.taxSummary'].useQuery;
export const useRatesQuery = e['accounts.listRates'].useQuery;
export const useSaveRateMutation = e['accounts.saveRate'].useMutation;
export const useRateForQuery = e['accounts.rateFor'].useQuery;
export const useImportJournalCsvMutation = e['accounts.importJournalCsv'].useMutation;
export const useImportChartCsvMutation = e['accounts.importChartCsv'].useMutation;
export const useExportHledgerMutation = e['accounts.exportHledger'].useMutation;
