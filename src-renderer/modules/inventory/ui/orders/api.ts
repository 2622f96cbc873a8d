import { useEffect, useState } from 'react';
import { run } from '../../../../client/api';
import type { ResultOf } from '../../../../core/rpc/define';
import type { AccountsContract } from '../../../accounts';
import { inventoryApi } from '../api';

/** Orders' endpoints (generated from the inventory contract with every other method). */
const e = inventoryApi.endpoints;

export const useOrdersQuery = e['inventory.listOrders'].useQuery;
export const useOrderQuery = e['inventory.getOrder'].useQuery;
export const useSaveOrderMutation = e['inventory.saveOrder'].useMutation;
export const useConfirmOrderMutation = e['inventory.confirmOrder'].useMutation;
export const useDiscardOrderMutation = e['inventory.discardOrder'].useMutation;
export const useCloseOrderMutation = e['inventory.closeOrder'].useMutation;
export const useReceiveOrderMutation = e['inventory.receiveOrder'].useMutation;
export const useDeliverOrderMutation = e['inventory.deliverOrder'].useMutation;
export const useBillFromReceiptsMutation = e['inventory.billFromReceipts'].useMutation;
export const useInvoiceFromDeliveriesMutation = e['inventory.invoiceFromDeliveries'].useMutation;
export const useMatchBillQuery = e['inventory.matchBill'].useQuery;
export const useOrderItemsQuery = e['inventory.listItems'].useQuery;
export const useOrderWarehousesQuery = e['inventory.listWarehouses'].useQuery;

type Parties = ResultOf<AccountsContract['accounts.listParties']>;
type TaxCodes = ResultOf<AccountsContract['accounts.listTaxCodes']>;

/**
 * Accounts' customers and suppliers and tax codes, asked through Accounts' public contract by
 * a plain call: each method has one endpoint (Accounts' own, which Inventory may not import).
 */
function useAccountsList<T>(method: 'accounts.listParties' | 'accounts.listTaxCodes') {
  const [data, setData] = useState<T>();
  useEffect(() => {
    let live = true;
    void run(method, undefined).then((r) => {
      if (live && 'data' in r) setData(r.data as T);
    });
    return () => {
      live = false;
    };
  }, [method]);
  return data;
}

export const useParties = () => useAccountsList<Parties>('accounts.listParties');
export const useTaxCodes = () => useAccountsList<TaxCodes>('accounts.listTaxCodes');
