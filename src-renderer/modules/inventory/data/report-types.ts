/**
 * What the movement, reorder, ageing and open-order reports send a screen (rpc-contract.ts
 * re-exports them). Quantities are decimal text in base units unless said otherwise; values are
 * minor units of the company's base currency, except an order's, which is in its own currency.
 */

export interface MovementQuery {
  /** First day of the period, YYYY-MM-DD. */
  from: string;
  /** Last day of the period, included. */
  to: string;
  branch?: string | null;
  warehouse?: string | null;
}

export interface MovementRow {
  item: string;
  sku: string;
  name: string;
  unit: string;
  warehouse: string;
  warehouseCode: string;
  branch: string;
  openingQty: string;
  openingValue: number;
  /** Receipts, transfers and moves in, counts and adjustments that added stock. */
  inQty: string;
  inValue: number;
  /** Deliveries, transfers and moves out, counts and adjustments that took stock (positive). */
  outQty: string;
  outValue: number;
  closingQty: string;
  closingValue: number;
  /** In and out by kind of move (quantity, value): they add up to in and out. */
  parts: Record<MovementPart, { qty: string; value: number }>;
}

/** Receipts and deliveries; transfers and moves between warehouses; counts and adjustments. */
export type MovementPart =
  | 'receiptsIn'
  | 'transfersIn'
  | 'adjustmentsIn'
  | 'deliveriesOut'
  | 'transfersOut'
  | 'adjustmentsOut';

export interface MovementResult {
  from: string;
  to: string;
  rows: MovementRow[];
  /** Values only: quantities of different items are in different units. */
  totals: { opening: number; in: number; out: number; closing: number };
}

export interface ReorderQuery {
  branch?: string | null;
}

export interface ReorderRow {
  rule: string;
  item: string;
  sku: string;
  name: string;
  unit: string;
  warehouse: string;
  warehouseCode: string;
  branch: string;
  onHand: string;
  /** Still to come on confirmed purchase orders into this warehouse. */
  onOrder: string;
  /** Still to go on confirmed sales orders from this warehouse. */
  committed: string;
  /** onHand + onOrder − committed. */
  projected: string;
  level: string;
  ruleQty: string;
  /** What to order: enough to get back to the level, at least the rule's quantity. */
  suggested: string;
  /**
   * The supplier of the item's latest confirmed purchase order (items name none), with that
   * order's currency and its price per base unit (null when it was ordered in another unit).
   */
  supplier: { id: string; name: string; currency: string; unitPrice: number | null } | null;
}

export interface AgeingQuery {
  asOf: string;
  branch?: string | null;
  /** A stock is slow when nothing went out for more than this many days (default 90). */
  slowDays?: number;
}

export interface AgeingRow {
  item: string;
  sku: string;
  name: string;
  unit: string;
  warehouse: string;
  warehouseCode: string;
  branch: string;
  method: 'fifo' | 'average';
  qty: string;
  value: number;
  /** One per AGE_BUCKETS entry (domain/ageing.ts). */
  buckets: { qty: string; value: number }[];
  /** Date of the oldest receipt still on hand. */
  oldest: string | null;
  lastOut: string | null;
  slow: boolean;
}

export interface AgeingResult {
  asOf: string;
  slowDays: number;
  rows: AgeingRow[];
  /** Value per bucket and in all. */
  totals: { buckets: number[]; value: number };
}

export interface OpenOrdersQuery {
  side?: 'purchase' | 'sales' | null;
  branch?: string | null;
  /** The day whose end the report shows (absent: `today`). An expected date before it is late. */
  asOf?: string | null;
  /** Today for the clerk, the as-of day when none is given. */
  today?: string | null;
}

export interface OpenOrderLineRow {
  order: string;
  side: 'purchase' | 'sales';
  number: string;
  branch: string;
  party: string;
  date: string;
  expectedDate: string | null;
  late: boolean;
  line: number;
  item: string;
  sku: string;
  name: string;
  /** In the order line's unit. */
  unit: string;
  ordered: string;
  open: string;
  currency: string;
  /** Open quantity × the line's price, minor units of the order's currency. */
  openValue: number;
}

export interface OpenOrdersResult {
  /** The day the report is as of. */
  asOf: string;
  rows: OpenOrderLineRow[];
  /** Open value per side and currency. */
  totals: { side: 'purchase' | 'sales'; currency: string; value: number }[];
}
