import { api, run } from '../../../client/api';
import { endpointsFor } from '../../../client/endpoints';
import { tagsOf } from '../../../core/rpc/define';
import { inventoryContract } from '../rpc-contract';

/**
 * Inventory's endpoints, generated from its contract and injected into the app's one API
 * slice: one endpoint per method, named as the method.
 */
export const inventoryApi = api
  .enhanceEndpoints({ addTagTypes: tagsOf(inventoryContract) })
  .injectEndpoints({ endpoints: (b) => endpointsFor(b, inventoryContract, run) });

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
export const useMovesQuery = e['inventory.listMoves'].useQuery;
export const useStockOnHandQuery = e['inventory.stockOnHand'].useQuery;
export const useStockOnHandPageQuery = e['inventory.stockOnHandPage'].useQuery;
export const useItemStockLedgerQuery = e['inventory.itemStockLedger'].useQuery;
export const useValuationQuery = e['inventory.valuation'].useQuery;
export const useLedgerCheckQuery = e['inventory.ledgerCheck'].useQuery;
export const useNegativeStockQuery = e['inventory.negativeStock'].useQuery;
export const useLockedPeriodMovesQuery = e['inventory.lockedPeriodMoves'].useQuery;
export const useMovementSummaryQuery = e['inventory.movementSummary'].useQuery;
export const useStockAgeingQuery = e['inventory.stockAgeing'].useQuery;
export const useReorderSuggestionsQuery = e['inventory.reorderSuggestions'].useQuery;
export const useOpenOrdersQuery = e['inventory.openOrders'].useQuery;
