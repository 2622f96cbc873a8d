import type { MethodsOf } from '../../core/rpc/define';
import { mutation, query } from '../../core/rpc/define';
import type {
  InventorySettings,
  InventorySettingsFields,
  Item,
  ItemFields,
  MoveKind,
  PriceList,
  PriceListFields,
  ReorderRule,
  ReorderRuleFields,
  StockMove,
  Warehouse,
  WarehouseFields,
} from './domain/schemas';
import type { SavedStockMove, StockMoveInput, StockMoveLineInput } from './data/stock-moves';
import type { DispatchInput, ReceiveInput } from './data/transfers';
import type { TransferDirection, TransferView, TransitRow } from './data/transfer-queries';
import type { TransferDispatch, TransferReceipt } from './domain/transfer-schemas';

export type { SavedStockMove, StockMoveInput, StockMoveLineInput };
import type { PageSize, PdfFile } from '../../core/pdf/document';
import type { LabelsPdfRequest } from './data/labels-service';
import type { MoveListEntry, MoveListQuery, MoveListResult } from './data/move-list';
export type { MoveListEntry, MoveListQuery, MoveListResult };
export type { LabelsPdfRequest, PdfFile };
import type { Order, OrderClose } from './domain/orders-schema';
import type {
  OrderInput,
  OrderLineInput,
  OrderLineView,
  OrderSide,
  OrderView,
} from './data/orders';
import type { BillDraftResult, MatchLineView, OrderMoveInput } from './data/orders-flow';
import type { LedgerCheckQuery, LedgerCheckResult } from './data/ledger-check';
export type { LedgerCheckQuery, LedgerCheckResult };

export type { Order, OrderClose, OrderInput, OrderLineInput, OrderLineView, OrderSide, OrderView };
export type { BillDraftResult, MatchLineView, OrderMoveInput };
import type {
  AgeingQuery,
  AgeingResult,
  MovementQuery,
  MovementResult,
  OpenOrdersQuery,
  OpenOrdersResult,
  ReorderQuery,
  ReorderRow,
} from './data/report-types';
export type * from './data/report-types';
export type { DispatchInput, ReceiveInput } from './data/transfers';
export type {
  TransferDirection,
  TransferLineView,
  TransferView,
  TransitRow,
} from './data/transfer-queries';

/**
 * Inventory's part of the RPC map. Quantities are decimal text in base units ("12.5");
 * values are minor units of the company's base currency. Stock reports are derived from
 * stock moves and from the items and warehouses that name them.
 */

export interface StockOnHandQuery {
  /** End of this day; absent: everything saved. */
  asOf?: string | null;
  /** A branch code; absent: the whole company (what this device holds). */
  branch?: string | null;
  warehouse?: string | null;
  item?: string | null;
}

/** A page of stock on hand: `limit` rows (at most 10,000) after the `next` of the page before. */
export interface StockOnHandPageQuery extends StockOnHandQuery {
  limit: number;
  /** The previous page's `next`; absent: the first page. */
  after?: string | null;
}

/** Rows in the order of the whole list (SKU, then warehouse code); zero rows are left out. */
export interface StockOnHandPage {
  rows: StockOnHandRow[];
  /** Where the next page starts; null: these are the last rows. */
  next: string | null;
}

export interface StockOnHandRow {
  item: string;
  sku: string;
  name: string;
  unit: string;
  warehouse: string;
  warehouseCode: string;
  branch: string;
  qty: string;
  value: number;
}

export interface ValuationQuery {
  asOf?: string | null;
  branch?: string | null;
}

export interface ValuationResult {
  asOf: string | null;
  rows: {
    item: string;
    sku: string;
    name: string;
    method: 'fifo' | 'average';
    qty: string;
    value: number;
  }[];
  total: number;
}

export interface ItemLedgerQuery {
  item: string;
  warehouse?: string | null;
  branch?: string | null;
  offset?: number;
  limit?: number;
}

export interface ItemLedgerRow {
  moveId: string;
  /** Valuation id `<moveId>#<line>`. */
  line: string;
  date: string;
  kind: MoveKind;
  reference: string;
  warehouse: string;
  warehouseCode: string;
  /** Signed, base units. */
  qty: string;
  /** Change of the stock's value (negative: the cost of what left). */
  value: number;
  cogsAdjustment: number;
  wentNegative: boolean;
  runningQty: string;
  runningValue: number;
}

export interface ItemLedgerResult {
  total: number;
  rows: ItemLedgerRow[];
}

/** An item × warehouse below zero now, with the moves that took it there (DESIGN: never hidden). */
export interface NegativeStockRow {
  item: string;
  sku: string;
  name: string;
  warehouse: string;
  warehouseCode: string;
  branch: string;
  qty: string;
  value: number;
  /** The outgoing moves since the last incoming one before the balance went below zero. */
  moves: { moveId: string; date: string; kind: MoveKind; reference: string; qty: string }[];
}

/**
 * A move dated on or before the lock date that was saved after the lock was set (a device that
 * had not heard of it): valued on `valuedOn`, the day after the lock, so the locked books keep
 * their values (data/stock-lock.ts).
 */
export interface LockedPeriodMoveRow {
  moveId: string;
  date: string;
  valuedOn: string;
  lockDate: string;
  kind: MoveKind;
  reference: string;
  item: string;
  sku: string;
  name: string;
  warehouse: string;
  warehouseCode: string;
  branch: string;
  qty: string;
  value: number;
}

/** Which report as a PDF, with its query's parameters; `today` is the clerk's date for the heading. */
export type InventoryReportPdfRequest = { locale?: string; pageSize?: PageSize; today: string } & (
  | {
      report: 'stockOnHand';
      asOf?: string | null;
      branch?: string | null;
      warehouse?: string | null;
    }
  | { report: 'valuation'; asOf?: string | null; branch?: string | null }
  | { report: 'itemLedger'; item: string; branch?: string | null; warehouse?: string | null }
  | { report: 'negativeStock'; branch?: string | null }
  | { report: 'goodsInTransit'; branch?: string | null }
  | ({ report: 'movement' } & MovementQuery)
  | ({ report: 'reorder' } & ReorderQuery)
  | ({ report: 'ageing' } & AgeingQuery)
  | ({ report: 'openOrders' } & OpenOrdersQuery)
);

const STOCK = ['stockMove', 'item', 'warehouse', 'index'] as const;
/** An order's state is derived from the moves and bills that name it (orders-state.ts). */
const ORDERS = [
  'purchaseOrder',
  'salesOrder',
  'orderClose',
  'stockMove',
  'tradeDoc',
  'index',
] as const;
// Transfers move stock too (data/transfer-rows.ts): their writes refresh stock reports.
const TRANSFERS = ['transferDispatch', 'transferReceipt', 'item', 'warehouse'] as const;

export const inventoryContract = {
  'inventory.listItems': query<{ search?: string; includeArchived?: boolean }, Item[]>()({
    reads: ['item'],
  }),
  'inventory.getItem': query<{ id: string }, Item>()({ reads: ['item'] }),
  'inventory.saveItem': mutation<{ id?: string; fields: ItemFields }, Item>()({ writes: ['item'] }),
  'inventory.listWarehouses': query<{ branch?: string | null }, Warehouse[]>()({
    reads: ['warehouse'],
  }),
  'inventory.saveWarehouse': mutation<{ id?: string; fields: WarehouseFields }, Warehouse>()({
    writes: ['warehouse'],
  }),
  'inventory.listReorderRules': query<undefined, ReorderRule[]>()({ reads: ['reorderRule'] }),
  'inventory.saveReorderRule': mutation<{ id?: string; fields: ReorderRuleFields }, ReorderRule>()({
    writes: ['reorderRule'],
  }),
  'inventory.listPriceLists': query<undefined, PriceList[]>()({ reads: ['priceList'] }),
  'inventory.savePriceList': mutation<{ id?: string; fields: PriceListFields }, PriceList>()({
    writes: ['priceList'],
  }),
  'inventory.getSettings': query<undefined, InventorySettings | null>()({
    reads: ['inventorySettings'],
  }),
  'inventory.saveSettings': mutation<InventorySettingsFields, InventorySettings>()({
    writes: ['inventorySettings'],
  }),
  'inventory.saveStockMove': mutation<StockMoveInput, SavedStockMove>()({ writes: ['stockMove'] }),
  'inventory.getStockMove': query<{ id: string }, StockMove>()({ reads: ['stockMove'] }),
  'inventory.listMoves': query<MoveListQuery, MoveListResult>()({ reads: STOCK }),
  'inventory.stockOnHand': query<StockOnHandQuery, StockOnHandRow[]>()({ reads: STOCK }),
  'inventory.stockOnHandPage': query<StockOnHandPageQuery, StockOnHandPage>()({ reads: STOCK }),
  'inventory.itemStockLedger': query<ItemLedgerQuery, ItemLedgerResult>()({ reads: STOCK }),
  'inventory.valuation': query<ValuationQuery, ValuationResult>()({ reads: STOCK }),
  // The books move with stock moves, transfers, the settings' accounts and entries by hand.
  'inventory.ledgerCheck': query<LedgerCheckQuery, LedgerCheckResult>()({
    reads: [...STOCK, 'transferDispatch', 'transferReceipt', 'inventorySettings', 'journalEntry'],
  }),
  'inventory.lockedPeriodMoves': query<{ branch?: string | null }, LockedPeriodMoveRow[]>()({
    reads: [...STOCK, 'ledgerSettings'],
  }),
  'inventory.negativeStock': query<{ branch?: string | null }, NegativeStockRow[]>()({
    reads: STOCK,
  }),
  'inventory.dispatchTransfer': mutation<DispatchInput, TransferDispatch>()({
    writes: ['transferDispatch', 'stockMove'],
  }),
  'inventory.receiveTransfer': mutation<ReceiveInput, TransferReceipt>()({
    writes: ['transferReceipt', 'stockMove'],
  }),
  'inventory.listTransfers': query<{ direction?: TransferDirection }, TransferView[]>()({
    reads: TRANSFERS,
  }),
  'inventory.getTransfer': query<{ id: string }, TransferView>()({ reads: TRANSFERS }),
  'inventory.goodsInTransit': query<
    { branch?: string | null },
    { rows: TransitRow[]; total: number }
  >()({ reads: TRANSFERS }),
  'inventory.saveOrder': mutation<OrderInput, Order>()({ writes: ['purchaseOrder', 'salesOrder'] }),
  'inventory.confirmOrder': mutation<{ id: string }, Order>()({
    writes: ['purchaseOrder', 'salesOrder'],
  }),
  'inventory.discardOrder': mutation<{ id: string }, null>()({
    writes: ['purchaseOrder', 'salesOrder'],
  }),
  'inventory.closeOrder': mutation<{ id: string; date: string; reason?: string }, OrderClose>()({
    writes: ['orderClose'],
  }),
  'inventory.getOrder': query<{ id: string }, OrderView>()({ reads: ORDERS }),
  'inventory.listOrders': query<{ side?: OrderSide | null; open?: boolean }, OrderView[]>()({
    reads: ORDERS,
  }),
  'inventory.receiveOrder': mutation<OrderMoveInput, SavedStockMove>()({ writes: ['stockMove'] }),
  'inventory.deliverOrder': mutation<OrderMoveInput, SavedStockMove>()({ writes: ['stockMove'] }),
  'inventory.billFromReceipts': mutation<{ moves: string[]; date?: string }, BillDraftResult>()({
    writes: ['tradeDoc'],
  }),
  'inventory.invoiceFromDeliveries': mutation<
    { moves: string[]; date?: string },
    BillDraftResult
  >()({ writes: ['tradeDoc'] }),
  // Files made on request, never cached: mutations that write nothing (like accounts.reportPdf).
  'inventory.labelsPdf': mutation<LabelsPdfRequest, PdfFile>()({ writes: [] }),
  'inventory.reportPdf': mutation<InventoryReportPdfRequest, PdfFile>()({ writes: [] }),
  'inventory.matchBill': query<{ id: string }, MatchLineView[]>()({ reads: ORDERS }),
  // Movement, ageing, reorder and open orders (data/report-*.ts).
  'inventory.movementSummary': query<MovementQuery, MovementResult>()({
    reads: [...STOCK, ...TRANSFERS],
  }),
  'inventory.stockAgeing': query<AgeingQuery, AgeingResult>()({
    reads: [...STOCK, ...TRANSFERS],
  }),
  'inventory.reorderSuggestions': query<ReorderQuery, ReorderRow[]>()({
    reads: [...STOCK, ...TRANSFERS, ...ORDERS, 'reorderRule', 'party'],
  }),
  'inventory.openOrders': query<OpenOrdersQuery, OpenOrdersResult>()({
    reads: [...ORDERS, 'item', 'party'],
  }),
} as const;

export type InventoryContract = typeof inventoryContract;
export type InventoryMethods = MethodsOf<InventoryContract>;
