import { z } from 'zod';
import { checkBarcode } from '../../domain/barcode';
import { itemFieldsSchema, type Item, type ItemFields } from '../../domain/schemas';

/** What the item form holds while a clerk types: barcodes one per line, units as rows. */
export interface ItemFormValues {
  sku: string;
  name: string;
  group: string;
  kind: Item['kind'];
  barcodes: string;
  baseUnit: string;
  units: { unit: string; factor: string }[];
  incomeAccount: string;
  expenseAccount: string;
  inventoryAccount: string;
  valuation: Item['valuation'];
  tracking: Item['tracking'];
  reorderLevel: string;
  reorderQty: string;
  archived: boolean;
}

export const EMPTY_ITEM: ItemFormValues = {
  sku: '',
  name: '',
  group: '',
  kind: 'stock',
  barcodes: '',
  baseUnit: 'pcs',
  units: [],
  incomeAccount: '',
  expenseAccount: '',
  inventoryAccount: '',
  valuation: 'fifo',
  tracking: 'none',
  reorderLevel: '0',
  reorderQty: '0',
  archived: false,
};

export function valuesOf(item: Item): ItemFormValues {
  return { ...item, barcodes: item.barcodes.join('\n'), units: item.units.map((u) => ({ ...u })) };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The schema the worker checks, read from the form's shape, plus the GS1 check digit: a typo in
 * a barcode is caught beside the field before anything is sent, in the same words the labels use.
 */
export const itemFormSchema = z
  .preprocess(
    (v) => ({ ...(v as ItemFormValues), barcodes: lines((v as ItemFormValues).barcodes ?? '') }),
    itemFieldsSchema,
  )
  .superRefine((item, ctx) => {
    for (const code of item.barcodes) {
      const check = checkBarcode(code);
      if (!check.ok) {
        ctx.addIssue({ code: 'custom', path: ['barcodes'], message: check.message });
        return;
      }
    }
  });

export type ParsedItem = ItemFields;
