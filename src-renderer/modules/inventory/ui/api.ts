import { api, run } from '../../../client/api';
import { endpointsFor } from '../../../client/endpoints';
import { tagsOf, type ResultOf } from '../../../core/rpc/define';
import type { AccountsContract } from '../../accounts';
import { inventoryContract } from '../rpc-contract';

type ChartAccounts = ResultOf<AccountsContract['accounts.listAccounts']>;

/**
 * Inventory's endpoints, generated from its contract and injected into the app's one API
 * slice: one endpoint per method, named as the method. The item form also reads Accounts'
 * chart through Accounts' public contract, under a name of its own so the two modules never
 * inject the same endpoint twice.
 */
export const inventoryApi = api
  .enhanceEndpoints({ addTagTypes: [...tagsOf(inventoryContract), 'account'] })
  .injectEndpoints({
    endpoints: (b) => ({
      ...endpointsFor(b, inventoryContract, run),
      'inventory.chartAccounts': b.query<ChartAccounts, void>({
        queryFn: (() => run('accounts.listAccounts', undefined)) as never,
        providesTags: ['account'],
      }),
    }),
  });

const e = inventoryApi.endpoints;

export const useItemsQuery = e['inventory.listItems'].useQuery;
export const useItemQuery = e['inventory.getItem'].useQuery;
export const useSaveItemMutation = e['inventory.saveItem'].useMutation;
export const useWarehousesQuery = e['inventory.listWarehouses'].useQuery;
export const useSaveWarehouseMutation = e['inventory.saveWarehouse'].useMutation;
export const useInventorySettingsQuery = e['inventory.getSettings'].useQuery;
export const useSaveInventorySettingsMutation = e['inventory.saveSettings'].useMutation;
export const useSaveStockMoveMutation = e['inventory.saveStockMove'].useMutation;
export const useStockMoveQuery = e['inventory.getStockMove'].useQuery;
export const useStockOnHandQuery = e['inventory.stockOnHand'].useQuery;
export const useItemStockLedgerQuery = e['inventory.itemStockLedger'].useQuery;
export const useValuationQuery = e['inventory.valuation'].useQuery;
export const useNegativeStockQuery = e['inventory.negativeStock'].useQuery;
export const useChartAccountsQuery = e['inventory.chartAccounts'].useQuery;
