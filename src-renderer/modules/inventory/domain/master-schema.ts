import { z } from 'zod';
import { COMPANY_WIDE, currencyCodeSchema, docBaseSchema } from '../../../core/org/schemas';
import { plainQtySchema } from './item-schema';

/** Inventory's other master data (master, branch '*'): reorder rules, price lists, settings. */

const docId = (type: string, words: string) =>
  z.string().startsWith(`${type}:`, `Choose ${words}.`);

export const reorderRuleFieldsSchema = z.object({
  item: docId('item', 'an item'),
  warehouse: docId('warehouse', 'a warehouse'),
  /** Suggest an order when on hand falls to this level (base units). */
  level: plainQtySchema,
  /** How much to order then (base units). */
  quantity: plainQtySchema,
});
export type ReorderRuleFields = z.input<typeof reorderRuleFieldsSchema>;
export const reorderRuleSchema = docBaseSchema
  .extend({ type: z.literal('reorderRule'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(reorderRuleFieldsSchema.shape);
export type ReorderRule = z.infer<typeof reorderRuleSchema>;

export const priceListFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the price list name.').max(80),
  currency: currencyCodeSchema,
  prices: z
    .array(
      z.object({
        item: docId('item', 'an item'),
        /** Minor units of the list's currency per base unit. */
        price: z
          .number()
          .int('Prices are whole minor units (cents).')
          .min(0, 'A price cannot be negative.'),
      }),
    )
    .default([]),
  archived: z.boolean().default(false),
});
export type PriceListFields = z.input<typeof priceListFieldsSchema>;
export const priceListSchema = docBaseSchema
  .extend({ type: z.literal('priceList'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(priceListFieldsSchema.shape);
export type PriceList = z.infer<typeof priceListSchema>;

/**
 * Company policy for deliveries beyond stock. 'refuse' stops the save on this device; 'warn'
 * saves and says so. Two offline devices can still both take the last unit: the projection
 * then shows the negative balance (valuation.ts), it is never hidden.
 */
export const NEGATIVE_STOCK = ['refuse', 'warn'] as const;
/** A chart account's code, or '' while not chosen (stock moves then do not post). */
const settingsAccount = z
  .union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^[0-9A-Z][0-9A-Z.-]{0,15}$/, 'Choose an account from the chart (e.g. "1300").'),
  ])
  .default('');
export const inventorySettingsFieldsSchema = z.object({
  negativeStock: z.enum(NEGATIVE_STOCK).default('refuse'),
  // What stock moves post to (domain/stock-postings.ts); an item may name its own first two.
  inventoryAccount: settingsAccount,
  cogsAccount: settingsAccount,
  grniAccount: settingsAccount,
  goodsInTransitAccount: settingsAccount,
  interBranchAccount: settingsAccount,
  stockAdjustmentAccount: settingsAccount,
  // A bill from receipts at another price than the receipts' posts the difference here.
  priceDifferenceAccount: settingsAccount,
});
export type InventorySettingsFields = z.input<typeof inventorySettingsFieldsSchema>;
export const inventorySettingsSchema = docBaseSchema
  .extend({
    type: z.literal('inventorySettings'),
    v: z.literal(1),
    branch: z.literal(COMPANY_WIDE),
  })
  .extend(inventorySettingsFieldsSchema.shape);
export type InventorySettings = z.infer<typeof inventorySettingsSchema>;
export const INVENTORY_SETTINGS_ID = 'inventorySettings:company';
