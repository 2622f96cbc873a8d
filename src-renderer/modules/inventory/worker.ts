import type { ModuleWorker } from '../../core/module';
import type { HandlersOf } from '../../core/rpc/define';
import type { InventoryContract } from './rpc-contract';
import { stockProjection } from './data/stock-projection';
import {
  listItems,
  listWarehouses,
  saveInventorySettings,
  saveItem,
  saveWarehouse,
} from './data/master-data';
import { loadInventorySettings } from './data/repos';
import { saveStockMove } from './data/stock-moves';
import {
  listPriceLists,
  listReorderRules,
  savePriceList,
  saveReorderRule,
} from './data/master-lists';
import { dispatchTransfer, receiveTransfer } from './data/transfers';
import { getTransfer, goodsInTransit, transferList } from './data/transfer-queries';
import { itemStockLedger, negativeStock, stockOnHand, valuation } from './data/stock-queries';
import { stockOnHandPage } from './data/stock-on-hand';
import { lockedPeriodMoves } from './data/locked-moves';
import { ledgerCheck } from './data/ledger-check';
import {
  closeOrder,
  confirmOrder,
  discardOrder,
  getOrder,
  listOrders,
  saveOrder,
} from './data/orders';
import { draftFromMoves, matchBill, moveAgainstOrder } from './data/orders-flow';
import { ordersProjection } from './data/orders-projection';
import { labelsPdf } from './data/labels-service';
import { listMoves, moveListProjection } from './data/move-list';
import { inventoryReportPdf } from './data/report-pdf';
import { movementSummary } from './data/report-movement';
import { stockAgeing } from './data/report-ageing';
import { openOrders, reorderSuggestions } from './data/report-orders';

/** Inventory's worker part (core/module.ts): the stock projection and every RPC handler. */
export const inventoryWorker: ModuleWorker = {
  projections: [stockProjection, ordersProjection, moveListProjection],
  handlers(session): HandlersOf<InventoryContract> {
    return {
      'inventory.listItems': (q) => listItems(session(), q ?? {}),
      'inventory.getItem': async ({ id }) =>
        (await session().repositoryOf(id, 'item')).get(id) as never,
      'inventory.saveItem': (input) => saveItem(session(), input),
      'inventory.listWarehouses': (q) => listWarehouses(session(), q ?? {}),
      'inventory.saveWarehouse': (input) => saveWarehouse(session(), input),
      'inventory.listReorderRules': () => listReorderRules(session()),
      'inventory.saveReorderRule': (input) => saveReorderRule(session(), input),
      'inventory.listPriceLists': () => listPriceLists(session()),
      'inventory.savePriceList': (input) => savePriceList(session(), input),
      'inventory.getSettings': () => loadInventorySettings(session()),
      'inventory.saveSettings': (input) => saveInventorySettings(session(), input),
      'inventory.saveStockMove': (input) => saveStockMove(session(), input),
      'inventory.listMoves': (q) => listMoves(session(), q),
      'inventory.getStockMove': async ({ id }) =>
        (await session().repositoryOf(id, 'stockMove')).get(id) as never,
      'inventory.stockOnHand': (q) => stockOnHand(session(), q ?? {}),
      'inventory.stockOnHandPage': (q) => stockOnHandPage(session(), q),
      'inventory.itemStockLedger': (q) => itemStockLedger(session(), q),
      'inventory.valuation': (q) => valuation(session(), q ?? {}),
      'inventory.ledgerCheck': (q) => ledgerCheck(session(), q ?? {}),
      'inventory.negativeStock': (q) => negativeStock(session(), q ?? {}),
      'inventory.lockedPeriodMoves': (q) => lockedPeriodMoves(session(), q ?? {}),
      'inventory.saveOrder': (input) => saveOrder(session(), input),
      'inventory.confirmOrder': ({ id }) => confirmOrder(session(), id),
      'inventory.discardOrder': async ({ id }) => {
        await discardOrder(session(), id);
        return null;
      },
      'inventory.closeOrder': (input) => closeOrder(session(), input),
      'inventory.getOrder': ({ id }) => getOrder(session(), id),
      'inventory.listOrders': (q) => listOrders(session(), q ?? {}),
      'inventory.receiveOrder': (input) => moveAgainstOrder(session(), input, 'receipt'),
      'inventory.deliverOrder': (input) => moveAgainstOrder(session(), input, 'delivery'),
      'inventory.billFromReceipts': (input) => draftFromMoves(session(), input, 'receipt'),
      'inventory.invoiceFromDeliveries': (input) => draftFromMoves(session(), input, 'delivery'),
      'inventory.matchBill': ({ id }) => matchBill(session(), id),
      'inventory.dispatchTransfer': (input) => dispatchTransfer(session(), input),
      'inventory.receiveTransfer': (input) => receiveTransfer(session(), input),
      'inventory.listTransfers': (q) => transferList(session(), q ?? {}),
      'inventory.getTransfer': ({ id }) => getTransfer(session(), id),
      'inventory.goodsInTransit': (q) => goodsInTransit(session(), q ?? {}),
      'inventory.labelsPdf': (q) => labelsPdf(session(), q),
      'inventory.reportPdf': (q) => inventoryReportPdf(session(), q),
      'inventory.movementSummary': (q) => movementSummary(session(), q),
      'inventory.stockAgeing': (q) => stockAgeing(session(), q),
      'inventory.reorderSuggestions': (q) => reorderSuggestions(session(), q ?? {}),
      'inventory.openOrders': (q) => openOrders(session(), q ?? {}),
    };
  },
};
