import { Dec, roundMinor, sumBy } from './amounts';
import { quantitySchema } from './schemas';
import type { TaxCode, TaxMode, TradeLine, TradeTotals } from './schemas';

/** The parts of a tax code the arithmetic needs; a full `TaxCode` document fits. */
export type TaxRate = Pick<TaxCode, 'code' | 'rateBp'>;
export type TaxLineInput = Pick<
  TradeLine,
  'quantity' | 'unitPrice' | 'discountBp' | 'taxCode' | 'description'
>;

export interface LineAmounts {
  net: number;
  tax: number;
  gross: number;
}

/**
 * One line's amounts in document minor units. Rounding happens per line (the documented rule,
 * and what a printed invoice shows line by line):
 * - extended = quantity × unit price × (1 − discount), rounded once, half away from zero;
 * - exclusive: net = extended, tax = round(net × rate);
 * - inclusive: gross = extended, net = round(gross / (1 + rate)), tax = gross − net,
 *   so net + tax = gross exactly and the price the customer saw is the price they pay.
 */
export function lineAmounts(
  line: TaxLineInput,
  taxCodes: ReadonlyMap<string, TaxRate>,
  taxMode: TaxMode,
  currency: string,
): LineAmounts {
  const qty = quantitySchema.safeParse(line.quantity);
  if (!qty.success)
    throw new RangeError(
      `The quantity "${line.quantity}" on line "${line.description}" is not a number with at most 4 decimals.`,
    );
  if (!Number.isSafeInteger(line.unitPrice))
    throw new RangeError(`The price on line "${line.description}" must be whole minor units.`);
  const discountBp = line.discountBp ?? 0;
  if (!Number.isInteger(discountBp) || discountBp < 0 || discountBp > 10_000) {
    throw new RangeError(
      `The discount on line "${line.description}" must be between 0 % and 100 %.`,
    );
  }
  const rateBp = taxRateOf(line, taxCodes);

  try {
    const extended = roundMinor(
      new Dec(qty.data)
        .times(line.unitPrice)
        .times(10_000 - discountBp)
        .div(10_000),
    );
    if (taxMode === 'exclusive') {
      const tax = roundMinor(new Dec(extended).times(rateBp).div(10_000));
      return { net: extended, tax, gross: safe(extended + tax) };
    }
    // The one inexact step (a division), carried to 60 digits: a quotient that is not exactly
    // .5 sits at least 1/(2 × (10 000 + rate)) away from it, so the final rounding cannot flip.
    const net = roundMinor(new Dec(extended).times(10_000).div(10_000 + rateBp));
    return { net, tax: extended - net, gross: extended };
  } catch (e) {
    if (e instanceof RangeError)
      throw new RangeError(
        `The amount on line "${line.description}" is too large for ${currency}.`,
        { cause: e },
      );
    throw e;
  }
}

function taxRateOf(line: TaxLineInput, taxCodes: ReadonlyMap<string, TaxRate>): number {
  if (line.taxCode === null || line.taxCode === undefined || line.taxCode === '') return 0;
  const code = taxCodes.get(line.taxCode);
  if (!code)
    throw new Error(
      `The tax code "${line.taxCode}" on line "${line.description}" is not set up. Choose another tax code, or add it under Tax codes.`,
    );
  return code.rateBp;
}

function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError('Amount too large.');
  return n;
}

export interface TaxCodeTotal {
  code: string;
  net: number;
  tax: number;
}

/**
 * Document totals are the sums of the rounded line amounts, never a recomputation on the sum,
 * so the totals always equal what the lines print. `byTaxCode` lists taxed lines only (lines
 * with no tax code are outside the tax return), in the order the codes first appear.
 */
export function documentTotals(
  lines: readonly TaxLineInput[],
  taxCodes: ReadonlyMap<string, TaxRate>,
  taxMode: TaxMode,
  currency: string,
): TradeTotals & { byTaxCode: TaxCodeTotal[] } {
  const amounts = lines.map((l) => lineAmounts(l, taxCodes, taxMode, currency));
  const byCode = new Map<string, TaxCodeTotal>();
  lines.forEach((l, i) => {
    const a = amounts[i];
    if (!a || !l.taxCode) return;
    const code = taxCodes.get(l.taxCode)?.code ?? l.taxCode;
    const row = byCode.get(code) ?? { code, net: 0, tax: 0 };
    row.net = safe(row.net + a.net);
    row.tax = safe(row.tax + a.tax);
    byCode.set(code, row);
  });
  return {
    net: sumBy(amounts, (a) => a.net),
    tax: sumBy(amounts, (a) => a.tax),
    gross: sumBy(amounts, (a) => a.gross),
    byTaxCode: [...byCode.values()],
  };
}
