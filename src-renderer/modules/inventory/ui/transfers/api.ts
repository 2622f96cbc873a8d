import { inventoryApi } from '../api';

/** Transfers' endpoints (generated from the inventory contract with every other method). */
const e = inventoryApi.endpoints;

export const useTransfersQuery = e['inventory.listTransfers'].useQuery;
export const useTransferQuery = e['inventory.getTransfer'].useQuery;
export const useGoodsInTransitQuery = e['inventory.goodsInTransit'].useQuery;
export const useDispatchTransferMutation = e['inventory.dispatchTransfer'].useMutation;
export const useReceiveTransferMutation = e['inventory.receiveTransfer'].useMutation;
export const useTransferItemsQuery = e['inventory.listItems'].useQuery;
export const useTransferWarehousesQuery = e['inventory.listWarehouses'].useQuery;
