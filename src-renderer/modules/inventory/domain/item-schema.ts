import { z } from 'zod';
import { COMPANY_WIDE, branchCodeSchema, docBaseSchema } from '../../../core/org/schemas';

/**
 * Inventory's master data (DESIGN §2: `master`, branch '*'). One zod schema per type: the
 * forms, the repositories and the server's rules read these.
 */

export const SKU = /^[A-Z0-9][A-Z0-9._/-]{0,31}$/;
export const skuSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    SKU,
    'Use up to 32 capital letters, digits, dots, dashes or slashes for the SKU (e.g. "BEAN-1KG").',
  );

const accountCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z][0-9A-Z.-]{0,15}$/, 'Use an account code from the chart (e.g. "1400").');
const optionalAccount = z.union([z.literal(''), accountCode]).default('');

/** A positive decimal as text, so no float holds it: "12", "0.5", "2.2046". */
export const factorSchema = z
  .string()
  .trim()
  .regex(
    /^(?:0|[1-9]\d{0,8})(?:\.\d{1,6})?$/,
    'Write the factor as a decimal number, e.g. 12 or 0.5.',
  )
  .refine((s) => Number(s) > 0, 'A unit factor must be more than zero.');

export const unitCodeSchema = z
  .string()
  .trim()
  .min(1, 'Enter the unit (e.g. "pcs", "kg", "box").')
  .max(12, 'Keep the unit to 12 characters.');

/** A non-negative quantity as text with at most 4 decimals (see quantity.ts). */
export const plainQtySchema = z
  .string()
  .trim()
  .regex(
    /^(?:0|[1-9]\d{0,11})(?:\.\d{1,4})?$/,
    'Write the quantity as a number with at most 4 decimals.',
  );

export const ITEM_KINDS = ['stock', 'non-stock', 'service'] as const;
export const VALUATION_METHODS = ['fifo', 'average'] as const;
export const TRACKING = ['none', 'batch', 'serial'] as const;

export const itemFieldsSchema = z.object({
  sku: skuSchema,
  name: z.string().trim().min(1, 'Enter the item name.').max(160),
  group: z.string().trim().max(60).default(''),
  kind: z.enum(ITEM_KINDS),
  barcodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z-]{4,48}$/, 'A barcode is 4 to 48 letters or digits.'),
    )
    .default([]),
  baseUnit: unitCodeSchema,
  /** How many base units one of `unit` holds ("box" = 12 "pcs"). */
  units: z.array(z.object({ unit: unitCodeSchema, factor: factorSchema })).default([]),
  incomeAccount: optionalAccount,
  /** Cost of goods sold. */
  expenseAccount: optionalAccount,
  inventoryAccount: optionalAccount,
  taxCode: z.string().trim().max(16).default(''),
  /** Fixed once the item has moves (data/items.ts). */
  valuation: z.enum(VALUATION_METHODS).default('fifo'),
  tracking: z.enum(TRACKING).default('none'),
  reorderLevel: plainQtySchema.default('0'),
  reorderQty: plainQtySchema.default('0'),
  archived: z.boolean().default(false),
});
export type ItemFields = z.input<typeof itemFieldsSchema>;
export const itemSchema = docBaseSchema
  .extend({ type: z.literal('item'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(itemFieldsSchema.shape);
export type Item = z.infer<typeof itemSchema>;

export const WAREHOUSE_CODE = /^[A-Z0-9][A-Z0-9-]{0,15}$/;
export const warehouseFieldsSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(WAREHOUSE_CODE, 'Use up to 16 capital letters, digits or dashes (e.g. "NYC-MAIN").'),
  name: z.string().trim().min(1, 'Enter the warehouse name.').max(120),
  /** The branch that owns it: only that branch's moves use it. */
  branchCode: branchCodeSchema,
  locations: z.array(z.string().trim().min(1).max(40)).default([]),
  archived: z.boolean().default(false),
});
export type WarehouseFields = z.input<typeof warehouseFieldsSchema>;
export const warehouseSchema = docBaseSchema
  .extend({ type: z.literal('warehouse'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(warehouseFieldsSchema.shape);
export type Warehouse = z.infer<typeof warehouseSchema>;
