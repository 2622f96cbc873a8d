import { accountsApi } from '../api';

/**
 * The banking screen's hooks. Their endpoints are generated from the banking contract as part
 * of the Accounts one (see ../api.ts); the tags each method reads or writes are declared there.
 */
const e = accountsApi.endpoints;

export const useBankingAccountsQuery = e['accounts.listAccounts'].useQuery;
export const useBankingStatementsQuery = e['banking.listStatements'].useQuery;
export const useBankingReconciliationQuery = e['banking.reconciliation'].useQuery;
export const useBankingImportMutation = e['banking.importStatement'].useMutation;
export const useBankingMatchMutation = e['banking.match'].useMutation;
export const useBankingUnmatchMutation = e['banking.unmatch'].useMutation;
export const useBankingCreateEntryMutation = e['banking.createEntry'].useMutation;
export const useBankingPreviewMutation = e['banking.previewStatement'].useMutation;
