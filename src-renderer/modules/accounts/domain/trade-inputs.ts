import { z } from 'zod';
import { currencyCodeSchema } from '../../../core/org/schemas';
import {
  allocationSchema,
  decimalRateSchema,
  isoDateSchema,
  tradeLineSchema,
  TAX_MODES,
  TRADE_KINDS,
  TRADE_SIDES,
} from './schemas';

/**
 * What a clerk sends to issue an invoice or bill, or to record a payment: one schema serves
 * the editor's checks and the core's (the core refuses what does not parse, naming the field).
 */

export const tradeInputSchema = z.object({
  id: z.string().optional(),
  side: z.enum(TRADE_SIDES),
  kind: z.enum(TRADE_KINDS),
  partyId: z.string().min(1, 'Choose the customer or supplier.'),
  date: isoDateSchema,
  /** Empty = from the party's payment terms. */
  dueDate: isoDateSchema.optional(),
  currency: currencyCodeSchema,
  /** Omitted: the rate table's rate on the document date. */
  rate: decimalRateSchema.optional(),
  taxMode: z.enum(TAX_MODES).default('exclusive'),
  lines: z.array(tradeLineSchema).min(1, 'Add at least one line.'),
  memo: z.string().trim().max(500).default(''),
  reference: z.string().trim().max(80).default(''),
  creditFor: z.string().nullable().default(null),
});
export type TradeInput = z.input<typeof tradeInputSchema>;

export const paymentInputSchema = z.object({
  side: z.enum(['receipt', 'payment']),
  partyId: z.string().min(1, 'Choose the customer or supplier.'),
  date: isoDateSchema,
  currency: currencyCodeSchema,
  /** Omitted: the rate table's rate on the payment date. */
  rate: decimalRateSchema.optional(),
  amount: z.number().int().positive('The amount must be more than zero.'),
  account: z.string().min(1, 'Choose the bank or cash account.'),
  /** Omitted = oldest open documents first. */
  allocations: z.array(allocationSchema).optional(),
  memo: z.string().trim().max(500).default(''),
  reference: z.string().trim().max(80).default(''),
});
export type PaymentInput = z.input<typeof paymentInputSchema>;
