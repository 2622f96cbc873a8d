import { z } from 'zod';
import { currencyCodeSchema, docBaseSchema } from '../../../core/org/schemas';
import { factorSchema, unitCodeSchema } from './item-schema';

/**
 * Purchase and sales orders (branch database). A draft (and a quote, a sales order not yet
 * agreed) is mutable like master data; a confirmed order has `status: 'posted'`, so the
 * repository, "a posted leaf wins" and the server's validate_doc_update keep it as agreed. It
 * is closed by a separate fact, `orderClose`, never by an edit: two devices closing the same
 * order offline then agree, and nothing in the agreed order changes. What was received,
 * delivered, billed or invoiced is never stored on the order: it is derived from the stock
 * moves and trade documents that name it (orders-state.ts).
 */

export const PURCHASE_ORDER_STATUSES = ['draft', 'posted'] as const;
/** 'quote': offered to the customer, still editable; 'posted': the confirmed sales order. */
export const SALES_ORDER_STATUSES = ['quote', 'draft', 'posted'] as const;

const QTY = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,4})?$/;

export const orderLineSchema = z.object({
  item: z.string().startsWith('item:', 'Choose an item on every line.'),
  qty: z
    .string()
    .trim()
    .regex(QTY, 'Write the quantity as a number without a sign, with at most 4 decimals.')
    .refine((s) => Number(s) !== 0, 'A line needs a quantity above zero.'),
  /** The unit ordered in, and how many base units one of it held when the order was written. */
  unit: unitCodeSchema,
  factor: factorSchema,
  /** Minor units of the order's currency per `unit`, before tax. */
  unitPrice: z
    .number()
    .int('A price is whole minor units (cents).')
    .min(0, 'A price cannot be negative.'),
  taxCode: z.string().trim().max(16).nullable().default(null),
  description: z.string().trim().max(300).default(''),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

const orderFields = {
  /** From the device's series once confirmed (NYC-A-PO-000001); a quote's own number before. */
  number: z.string().nullable().default(null),
  partyId: z.string().min(1, 'Choose the supplier or customer.'),
  date: z.iso.date('Use a date like 2026-03-31.'),
  expectedDate: z.iso.date('Use a date like 2026-03-31.').nullable().default(null),
  currency: currencyCodeSchema,
  /** Where the goods are received or delivered from (a warehouse of the order's branch). */
  warehouse: z.string().startsWith('warehouse:', 'Choose the warehouse.'),
  lines: z.array(orderLineSchema).min(1, 'Add at least one line.').max(500),
  /** The supplier's or customer's own reference. */
  reference: z.string().trim().max(80).default(''),
  memo: z.string().trim().max(500).default(''),
  confirmedAt: z.iso.datetime().nullable().default(null),
};

export const purchaseOrderSchema = docBaseSchema
  .extend({
    type: z.literal('purchaseOrder'),
    v: z.literal(1),
    status: z.enum(PURCHASE_ORDER_STATUSES),
  })
  .extend(orderFields);
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const salesOrderSchema = docBaseSchema
  .extend({
    type: z.literal('salesOrder'),
    v: z.literal(1),
    status: z.enum(SALES_ORDER_STATUSES),
    /** The quote's number, kept when the quote becomes the order. */
    quoteNumber: z.string().nullable().default(null),
  })
  .extend(orderFields);
export type SalesOrder = z.infer<typeof salesOrderSchema>;

export type Order = PurchaseOrder | SalesOrder;

/** Closes a confirmed order: what is not received or delivered by then is no longer expected. */
export const orderCloseSchema = docBaseSchema.extend({
  type: z.literal('orderClose'),
  v: z.literal(1),
  order: z.string().regex(/^(purchaseOrder|salesOrder):/, 'Choose the order to close.'),
  date: z.iso.date('Use a date like 2026-03-31.'),
  reason: z.string().trim().max(300).default(''),
  status: z.literal('posted', 'Closing an order is saved as posted.'),
});
export type OrderClose = z.infer<typeof orderCloseSchema>;
