import { z } from 'zod';
import { BRANCH_CODE, docBaseSchema } from '../../../core/org/schemas';

/**
 * An inter-branch transfer is two kinds of fact in the company-wide `transfers` database
 * (modules/inventory/transfers-kind.ts), never in either branch's own database: the source
 * branch could not read the destination's, nor the destination the source's.
 *
 * - `transferDispatch` — written by the source branch (`branch`) when the goods leave.
 * - `transferReceipt` — written by the destination branch (`branch` = `toBranch`) for what
 *   arrived; several for one dispatch when goods arrive in parts; the last one may close the
 *   transfer as short.
 *
 * Both are facts: `status: 'posted'` from the first revision, so the server's
 * validate_doc_update and the posted-leaf rule refuse any edit or deletion. Quantities are in
 * the item's base unit, as decimal strings with at most 4 decimals (domain/quantity.ts).
 */

const QTY = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,4})?$/;
const qtySchema = z
  .string()
  .trim()
  .regex(QTY, 'Write the quantity as a number without a sign, with at most 4 decimals.')
  .refine((s) => Number(s) !== 0, 'A line needs a quantity above zero.');
const dateSchema = z.iso.date('Use a date like 2026-03-31.');
const toBranchSchema = z
  .string()
  .regex(BRANCH_CODE, 'Choose the branch the goods go to (e.g. "MNL").');

export const dispatchLineSchema = z.object({
  item: z.string().startsWith('item:', 'Choose an item on every line.'),
  qty: qtySchema,
  /**
   * Minor units of the base currency per base unit: the value the goods left the source
   * with (from its valuation), which the destination receives them at.
   */
  unitCost: z
    .number()
    .int('A unit cost is whole minor units (cents).')
    .min(0, 'A unit cost cannot be negative.'),
});
export type DispatchLine = z.infer<typeof dispatchLineSchema>;

export const transferDispatchSchema = docBaseSchema
  .extend({
    type: z.literal('transferDispatch'),
    v: z.literal(1),
    /** From the source device's own series: NYC-A-TRF-000001. */
    number: z.string().trim().min(1, 'A transfer needs its number.'),
    date: dateSchema,
    /** The source branch's warehouse the goods left. */
    fromWarehouse: z.string().startsWith('warehouse:', 'Choose the warehouse the goods leave.'),
    /** The destination branch; its warehouse is chosen when the goods are received. */
    toBranch: toBranchSchema,
    lines: z.array(dispatchLineSchema).min(1, 'Add at least one line.').max(2000),
    memo: z.string().trim().max(500).default(''),
    status: z.literal('posted'),
  })
  .refine((d) => d.toBranch !== d.branch, {
    path: ['toBranch'],
    message: 'A transfer goes to another branch; use a move between warehouses within a branch.',
  });
export type TransferDispatch = z.infer<typeof transferDispatchSchema>;

export const receiptLineSchema = z.object({
  /** Index of the dispatch line received. */
  line: z.number().int().min(0),
  qty: qtySchema,
});
export type ReceiptLine = z.infer<typeof receiptLineSchema>;

export const transferReceiptSchema = docBaseSchema
  .extend({
    type: z.literal('transferReceipt'),
    v: z.literal(1),
    /** The dispatch's id. */
    transfer: z.string().startsWith('transferDispatch:', 'Choose the transfer received.'),
    /**
     * The destination branch, which must also be `branch` (the server checks it equals the
     * writer's branch; the worker that it is the dispatch's `toBranch`).
     */
    toBranch: toBranchSchema,
    warehouse: z.string().startsWith('warehouse:', 'Choose the warehouse the goods go into.'),
    date: dateSchema,
    /** Nothing received is allowed only when closing the transfer short (nothing came). */
    lines: z.array(receiptLineSchema).max(2000),
    /** The last receipt: whatever has not arrived is reported short and the transfer closes. */
    closesShort: z.boolean().default(false),
    memo: z.string().trim().max(500).default(''),
    status: z.literal('posted'),
  })
  .refine((r) => r.toBranch === r.branch, {
    path: ['toBranch'],
    message: 'A receipt is recorded by the branch the goods were sent to.',
  })
  .refine((r) => r.lines.length > 0 || r.closesShort, {
    path: ['lines'],
    message: 'Enter what arrived, or close the transfer as short if nothing did.',
  });
export type TransferReceipt = z.infer<typeof transferReceiptSchema>;
