import { z } from 'zod';
import { docBaseSchema } from '../../../core/org/schemas';
import { factorSchema, unitCodeSchema } from './item-schema';

/**
 * A stock move (branch database): ONE document holding all its lines, so a receipt of forty
 * lines is saved, replicated and refused whole, never half. It is a fact: status 'posted' from
 * the moment it is saved, which the repository, the posted-leaf rule and the server's
 * validate_doc_update all protect. A mistake is corrected by a new move that names it
 * (`corrects`).
 */

export const MOVE_KINDS = ['receipt', 'delivery', 'adjustment', 'count', 'internal'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

const QTY = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,4})?$/;
const SIGNED_QTY = /^-?(?:0|[1-9]\d{0,11})(?:\.\d{1,4})?$/;
const isZero = (s: string) => Number(s) === 0;

export const moveLineSchema = z.object({
  item: z.string().startsWith('item:', 'Choose an item on every line.'),
  /**
   * In `unit`. Positive for receipts, deliveries and internal moves (the kind gives the
   * direction); a signed difference for adjustments and counts.
   */
  qty: z
    .string()
    .trim()
    .regex(SIGNED_QTY, 'Write the quantity as a number with at most 4 decimals.')
    .refine((s) => !isZero(s), 'A line needs a quantity other than zero.'),
  /** The unit the quantity was counted in, and how many base units one of it held then. */
  unit: unitCodeSchema,
  factor: factorSchema,
  /** Minor units of the base currency per `unit`: receipts and increases that bring a cost. */
  unitCost: z
    .number()
    .int('A unit cost is whole minor units (cents).')
    .min(0, 'A unit cost cannot be negative.')
    .nullable()
    .default(null),
  batch: z.string().trim().max(40).default(''),
  serial: z.string().trim().max(60).default(''),
  expiry: z.iso.date('Use a date like 2027-03-31.').nullable().default(null),
  /**
   * A receipt or delivery against an order names the order and its line (orders-state.ts).
   * Optional and absent otherwise, so moves saved before orders existed read the same.
   */
  order: z
    .string()
    .regex(/^(purchaseOrder|salesOrder):/, 'Choose the order.')
    .optional(),
  orderLine: z.number().int().min(0).optional(),
});
export type MoveLine = z.infer<typeof moveLineSchema>;

export const stockMoveFieldsSchema = z
  .object({
    kind: z.enum(MOVE_KINDS),
    date: z.iso.date('Use a date like 2026-03-31.'),
    warehouse: z.string().startsWith('warehouse:', 'Choose the warehouse.'),
    /** Internal moves only: the warehouse (of the same branch) the goods go to. */
    toWarehouse: z.string().startsWith('warehouse:').nullable().default(null),
    lines: z.array(moveLineSchema).min(1, 'Add at least one line.').max(2000),
    reference: z.string().trim().max(60).default(''),
    memo: z.string().trim().max(500).default(''),
    /**
     * The move's number in its branch and device's series (`NYC-A-GR-000012`), set by the save
     * whatever the input says; moves saved before moves were numbered have none.
     */
    number: z.string().max(40).nullable().default(null),
    /** The move this one corrects. */
    corrects: z.string().startsWith('stockMove:').nullable().default(null),
    /** Always 'posted' and required, so the server's fact rule covers every move. */
    status: z.literal('posted', 'A stock move is saved as posted.'),
  })
  .superRefine((m, ctx) => {
    const signed = m.kind === 'adjustment' || m.kind === 'count';
    m.lines.forEach((l, i) => {
      if (!signed && !QTY.test(l.qty))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'qty'],
          message: `Line ${i + 1}: write the quantity without a sign; a ${m.kind} says the direction.`,
        });
      if (m.kind === 'receipt' && l.unitCost === null)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'unitCost'],
          message: `Line ${i + 1}: enter the unit cost of the goods received.`,
        });
    });
    if (m.kind === 'internal' && (!m.toWarehouse || m.toWarehouse === m.warehouse))
      ctx.addIssue({
        code: 'custom',
        path: ['toWarehouse'],
        message: 'Choose the warehouse the goods go to (a different one).',
      });
    if (m.kind !== 'internal' && m.toWarehouse)
      ctx.addIssue({
        code: 'custom',
        path: ['toWarehouse'],
        message: 'Only a move between warehouses has a destination warehouse.',
      });
  });
export type StockMoveFields = z.input<typeof stockMoveFieldsSchema>;

/** Each kind of move has its own series, so a receipt's number says it is a receipt. */
export const MOVE_SERIES: Record<MoveKind, string> = {
  receipt: 'GR',
  delivery: 'DN',
  adjustment: 'ADJ',
  count: 'CNT',
  internal: 'MOV',
};

export const stockMoveSchema = docBaseSchema
  .extend({ type: z.literal('stockMove'), v: z.literal(1) })
  .and(stockMoveFieldsSchema);
export type StockMove = z.infer<typeof stockMoveSchema>;
