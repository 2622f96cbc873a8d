import { accountsApi } from '../api';

/**
 * The sales and purchases screens' hooks. Their endpoints are the Accounts contract's (see
 * ../api.ts); the `trade…` names stay so the pages read as before, several of them now the
 * same endpoint (and cache entry) the ledger's pages use.
 */
const e = accountsApi.endpoints;

export const useTradePartiesQuery = e['accounts.listParties'].useQuery;
export const useTradeSavePartyMutation = e['accounts.saveParty'].useMutation;
export const useTradeSaveDraftMutation = e['accounts.saveTradeDraft'].useMutation;
export const useTradeIssueMutation = e['accounts.issueTradeDoc'].useMutation;
export const useTradeDocQuery = e['accounts.getTradeDoc'].useQuery;
export const useTradeRecordPaymentMutation = e['accounts.recordPayment'].useMutation;
export const usePaymentQuery = e['accounts.getPayment'].useQuery;
export const useTradeOpenItemsQuery = e['accounts.openItems'].useQuery;
export const useTradeAgedReportQuery = e['accounts.agedReport'].useQuery;
export const useTradeDocListQuery = e['accounts.listDocs'].useQuery;
export const useTradeAccountsQuery = e['accounts.listAccounts'].useQuery;
export const useTradeTaxCodesQuery = e['accounts.listTaxCodes'].useQuery;
export const useTradeSetupQuery = e['accounts.getSetup'].useQuery;
