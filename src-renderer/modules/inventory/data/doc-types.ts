import type { SchemaRegistry } from '../../../core/db/schema-registry';
import {
  inventorySettingsSchema,
  itemSchema,
  priceListSchema,
  reorderRuleSchema,
  stockMoveSchema,
  warehouseSchema,
  type InventorySettings,
  type Item,
  type PriceList,
  type ReorderRule,
  type StockMove,
  type Warehouse,
} from '../domain/schemas';
import {
  orderCloseSchema,
  purchaseOrderSchema,
  salesOrderSchema,
  type OrderClose,
  type PurchaseOrder,
  type SalesOrder,
} from '../domain/orders-schema';

const MOVE_TITLES = {
  receipt: 'Goods receipt',
  delivery: 'Delivery',
  adjustment: 'Stock adjustment',
  count: 'Stock count',
  internal: 'Move between warehouses',
} as const;

/** Inventory's document types: master data on `master`, stock moves (facts) on the branch's database. */
export function registerInventoryTypes(registry: SchemaRegistry): void {
  registry.register<Item>({
    type: 'item',
    words: 'item',
    version: 1,
    schema: itemSchema,
    home: 'master',
    title: (i) => `${i.sku} ${i.name}`,
    searchText: (i) => `${i.sku} ${i.name} ${i.group} ${i.barcodes.join(' ')}`,
  });
  registry.register<Warehouse>({
    type: 'warehouse',
    words: 'warehouse',
    version: 1,
    schema: warehouseSchema,
    home: 'master',
    title: (w) => `${w.code} ${w.name}`,
  });
  registry.register<ReorderRule>({
    type: 'reorderRule',
    words: 'reorder rule',
    version: 1,
    schema: reorderRuleSchema,
    home: 'master',
    title: (r) => `Reorder at ${r.level}`,
  });
  registry.register<PriceList>({
    type: 'priceList',
    words: 'price list',
    version: 1,
    schema: priceListSchema,
    home: 'master',
    title: (p) => `${p.name} (${p.currency})`,
  });
  registry.register<InventorySettings>({
    type: 'inventorySettings',
    words: 'inventory settings',
    version: 1,
    schema: inventorySettingsSchema,
    home: 'master',
    title: () => 'Inventory settings',
  });
  // A fact (status 'posted'): never edited or deleted, corrected by a new move.
  registry.register<StockMove>({
    type: 'stockMove',
    words: 'stock move',
    version: 1,
    schema: stockMoveSchema,
    home: 'branch',
    title: (m) => `${MOVE_TITLES[m.kind]} ${m.number ?? m.reference}`.trim(),
    searchText: (m) => `${m.number ?? ''} ${m.reference} ${m.memo}`,
  });
  // Orders: drafts and quotes mutable; a confirmed order is posted and closed by a fact.
  registry.register<PurchaseOrder>({
    type: 'purchaseOrder',
    words: 'purchase order',
    version: 1,
    schema: purchaseOrderSchema,
    home: 'branch',
    title: (o) => `Purchase order ${o.number ?? '(draft)'}`,
    searchText: (o) => `${o.number ?? ''} ${o.reference} ${o.memo}`,
  });
  registry.register<SalesOrder>({
    type: 'salesOrder',
    words: 'sales order',
    version: 1,
    schema: salesOrderSchema,
    home: 'branch',
    title: (o) =>
      o.status === 'quote'
        ? `Quote ${o.number ?? ''}`.trim()
        : `Sales order ${o.number ?? '(draft)'}`,
    searchText: (o) => `${o.number ?? ''} ${o.quoteNumber ?? ''} ${o.reference} ${o.memo}`,
  });
  registry.register<OrderClose>({
    type: 'orderClose',
    words: 'order closing',
    version: 1,
    schema: orderCloseSchema,
    home: 'branch',
    title: (c) => `Order closed ${c.date}`,
  });
}
