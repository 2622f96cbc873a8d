import { minorDigits } from '../../../core/money';
import { Dec, assertMinor, imbalanceMessage, parseRate, roundMinor, sumBy } from './amounts';
import type { LedgerLine, TradeSide } from './schemas';

/**
 * Converts minor units of `currency` into minor units of the base currency.
 *
 * Rounding rule (the only one in currency conversion): the exact decimal product
 * amount / 10^digits(currency) × rate × 10^digits(base) is rounded once, to a whole base minor
 * unit, half away from zero (ROUND_HALF_UP). Rounding once, at the end, is what makes the same
 * amount at the same rate give the same base figure on every device.
 */
export function toBase(
  amountMinor: number,
  currency: string,
  baseCurrency: string,
  rate: string,
): number {
  assertMinor(amountMinor);
  const r = parseRate(rate);
  if (currency === baseCurrency) {
    // A base-currency document with any other rate is a bug upstream, not something to round away.
    if (!r.eq(1))
      throw new RangeError(
        `A ${currency} amount in a ${baseCurrency} company has rate 1, not ${rate}.`,
      );
    // -0 would print as "-0.00" on a report.
    return amountMinor === 0 ? 0 : amountMinor;
  }
  const shift = new Dec(10).pow(minorDigits(baseCurrency) - minorDigits(currency));
  return roundMinor(new Dec(amountMinor).times(r).times(shift));
}

/** A line in document currency before its base amounts are known. */
export interface DocLine {
  account: string;
  debit: number;
  credit: number;
  party?: string | null;
  memo?: string;
  branch?: string | null;
}

/**
 * Adds base amounts to a balanced set of document-currency lines. Each line is its own exact
 * conversion (`toBase`, the one rounding rule), so a line's base amount is what anyone
 * converting that line alone gets — an auditor, another tool, the open-item the line settles.
 * Converted one by one, the base totals can disagree by a few minor units of rounding; that
 * difference is posted as a base-only line to `roundingAccount` (the ledger settings' rounding
 * account), so the entry balances exactly in base and the difference is visible in the books
 * rather than hidden in one line. A difference larger than one unit per line cannot come from
 * rounding, so it is reported instead.
 */
export function withBaseAmounts(
  lines: readonly DocLine[],
  currency: string,
  baseCurrency: string,
  rate: string,
  roundingAccount: string,
): LedgerLine[] {
  for (const l of lines) {
    assertMinor(l.debit, 'Debit');
    assertMinor(l.credit, 'Credit');
    if (l.debit < 0 || l.credit < 0)
      throw new RangeError(`Debits and credits cannot be negative (account ${l.account}).`);
    if (l.debit > 0 && l.credit > 0)
      throw new RangeError(
        `A line has either a debit or a credit, not both (account ${l.account}).`,
      );
  }
  // A zero line posts nothing and would fail the ledger line schema.
  const live = lines.filter((l) => l.debit > 0 || l.credit > 0);
  const docDiff = sumBy(live, (l) => l.debit) - sumBy(live, (l) => l.credit);
  if (docDiff !== 0) throw new Error(imbalanceMessage(docDiff, currency));

  const out: LedgerLine[] = live.map((l) => ({
    account: l.account,
    debit: l.debit,
    credit: l.credit,
    baseDebit: toBase(l.debit, currency, baseCurrency, rate),
    baseCredit: toBase(l.credit, currency, baseCurrency, rate),
    party: l.party ?? null,
    memo: l.memo ?? '',
    branch: l.branch ?? null,
  }));
  const diff = sumBy(out, (l) => l.baseDebit) - sumBy(out, (l) => l.baseCredit);
  if (diff === 0) return out;
  if (Math.abs(diff) > out.length)
    throw new Error(imbalanceMessage(diff, baseCurrency, ' in the base currency'));

  const short: 'baseDebit' | 'baseCredit' = diff > 0 ? 'baseCredit' : 'baseDebit';
  const fill = Math.abs(diff);
  out.push({
    account: roundingAccount,
    debit: 0,
    credit: 0,
    baseDebit: short === 'baseDebit' ? fill : 0,
    baseCredit: short === 'baseCredit' ? fill : 0,
    party: null,
    memo: 'Rounding',
    branch: null,
  });
  return out;
}

export interface RealisedFxInput {
  side: TradeSide;
  /** Part of the document settled, in the document's (= the payment's) currency. */
  allocatedMinor: number;
  currency: string;
  baseCurrency: string;
  /** Base per unit when the document was issued: what the receivable/payable is carried at. */
  documentRate: string;
  /** Base per unit on the settlement date. */
  paymentRate: string;
}

/**
 * Realised exchange gain (+) or loss (−) in base minor units when `allocatedMinor` of a document
 * is settled at a rate other than the one it was booked at. Computed as the difference of the
 * two rounded base amounts (not the rounded difference) so it matches, to the unit, the lines a
 * payment posts for the same allocation.
 */
export function realisedFxDifference(input: RealisedFxInput): number {
  const { side, allocatedMinor, currency, baseCurrency, documentRate, paymentRate } = input;
  const booked = toBase(allocatedMinor, currency, baseCurrency, documentRate);
  const settled = toBase(allocatedMinor, currency, baseCurrency, paymentRate);
  // Receiving more base for a receivable is a gain; paying more base for a payable is a loss.
  return side === 'sales' ? settled - booked : booked - settled;
}
