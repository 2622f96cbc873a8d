import { amountText, assertMinor, sumBy } from './amounts';
import { realisedFxDifference, toBase } from './fx';
import { assertBalanced } from './journal';
import type { Allocation, LedgerLine, LedgerSettings, TradeKind } from './schemas';

/**
 * Open amounts and statuses are derived from the document and the allocations that point at it,
 * never stored: two offline devices can each record a payment against the same invoice, and
 * after sync the derived figure is simply right, where a stored "open" field would conflict.
 */

/**
 * What is still to settle, signed as the party's balance: positive on an invoice or bill (they
 * owe us / we owe them), negative on a credit note or supplier credit. Not clamped at zero: if
 * two devices over-allocate an invoice offline, the excess is real money and shows as a credit.
 */
export function openAmount(
  doc: { gross: number; kind: TradeKind },
  allocations: readonly number[],
): number {
  assertMinor(doc.gross, 'Gross');
  const remaining = doc.gross - sumBy(allocations, (a) => a);
  const signed = doc.kind === 'invoice' ? remaining : -remaining;
  return signed === 0 ? 0 : signed;
}

export type TradeStatus = 'open' | 'partly-paid' | 'paid' | 'overdue';

/**
 * `open` is as `openAmount` returns it; `gross` is the document's (positive) gross. Credits are
 * never overdue: nobody chases the company for a credit it has not applied yet.
 */
export function tradeStatus(input: {
  open: number;
  gross: number;
  dueDate: string;
  today: string;
  kind?: TradeKind;
}): TradeStatus {
  const kind = input.kind ?? 'invoice';
  const remaining = kind === 'invoice' ? input.open : -input.open;
  if (remaining <= 0) return 'paid';
  // ISO calendar dates compare correctly as text.
  if (kind === 'invoice' && input.today > input.dueDate) return 'overdue';
  if (remaining < input.gross) return 'partly-paid';
  return 'open';
}

export interface OpenDoc {
  documentId: string;
  /** As `openAmount` returns it; documents with nothing open are skipped. */
  open: number;
  /** What the clerk calls the document (its number), for error messages. */
  label?: string;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** Money not set against any document: an overpayment, held as a credit on account. */
  unallocated: number;
}

/**
 * Sets a payment against open documents. With `requested` (what the clerk ticked) every line is
 * checked; without it the money goes to the documents oldest first, in the order given.
 * `currency` only makes error messages readable.
 */
export function allocate(
  amount: number,
  openDocs: readonly OpenDoc[],
  requested?: readonly Allocation[],
  currency?: string,
): AllocationResult {
  assertMinor(amount);
  if (amount < 0) throw new RangeError('The amount cannot be negative.');

  if (!requested) {
    let left = amount;
    const allocations: Allocation[] = [];
    for (const doc of openDocs) {
      if (left === 0) break;
      if (doc.open <= 0) continue;
      const take = Math.min(doc.open, left);
      allocations.push({ documentId: doc.documentId, amount: take });
      left -= take;
    }
    return { allocations, unallocated: left };
  }

  const byId = new Map(openDocs.map((d) => [d.documentId, d]));
  // Two ticks on the same document are one allocation; checking them apart would let them overdraw it.
  const merged = new Map<string, number>();
  for (const r of requested) {
    const doc = byId.get(r.documentId);
    if (!doc)
      throw new Error(
        `"${r.documentId}" is not an open document of this customer or supplier, so nothing can be allocated to it.`,
      );
    assertMinor(r.amount);
    if (r.amount <= 0)
      throw new Error(
        `The amount allocated to ${doc.label ?? doc.documentId} must be more than zero.`,
      );
    merged.set(r.documentId, (merged.get(r.documentId) ?? 0) + r.amount);
  }
  for (const [id, total] of merged) {
    const doc = byId.get(id) as OpenDoc;
    if (total > Math.max(doc.open, 0)) {
      throw new Error(
        `${amountText(total, currency)} is allocated to ${doc.label ?? id}, but only ${amountText(Math.max(doc.open, 0), currency)} is open on it.`,
      );
    }
  }
  const allocated = sumBy([...merged.values()], (n) => n);
  if (allocated > amount) {
    throw new Error(
      `The allocations add up to ${amountText(allocated, currency)}, more than the ${amountText(amount, currency)} of this payment.`,
    );
  }
  return {
    allocations: [...merged].map(([documentId, a]) => ({ documentId, amount: a })),
    unallocated: amount - allocated,
  };
}

export interface PaymentPostingInput {
  payment: {
    side: 'receipt' | 'payment';
    amount: number;
    /** Bank or cash account. */
    account: string;
    currency: string;
    rate: string;
    partyId: string;
    branch?: string | null;
  };
  /** In the payment's currency (documents are settled in their own currency), with each document's rate. */
  allocations: readonly (Allocation & { documentRate: string; label?: string })[];
  settings: Pick<
    LedgerSettings,
    'receivableAccount' | 'payableAccount' | 'fxGainAccount' | 'fxLossAccount' | 'roundingAccount'
  >;
  baseCurrency: string;
}

/**
 * The journal lines a receipt or supplier payment posts.
 *
 * Receipt:  Dr bank (amount at the payment rate)
 *           Cr receivable per allocation at that DOCUMENT's rate, so the receivable is cleared at
 *              exactly the base amount it was booked at; the unallocated rest at the payment rate
 *           Cr FX gain / Dr FX loss: the realised difference (base only, no document amount)
 *           Dr/Cr rounding: the few base units lost because the bank line is converted once and
 *              the receivable lines one by one.
 * Payment:  the mirror image against payables.
 */
export function paymentPosting(input: PaymentPostingInput): LedgerLine[] {
  const { payment, allocations, settings, baseCurrency } = input;
  const { currency, rate } = payment;
  assertMinor(payment.amount);
  if (payment.amount <= 0) throw new RangeError('The amount must be more than zero.');
  for (const a of allocations) {
    assertMinor(a.amount);
    if (a.amount <= 0)
      throw new RangeError(
        `The amount allocated to ${a.label ?? a.documentId} must be more than zero.`,
      );
  }
  const allocated = sumBy(allocations, (a) => a.amount);
  if (allocated > payment.amount) {
    throw new Error(
      `The allocations add up to ${amountText(allocated, currency)}, more than the ${amountText(payment.amount, currency)} of this payment.`,
    );
  }

  const receipt = payment.side === 'receipt';
  const tradeSide = receipt ? 'sales' : 'purchase';
  const partyAccount = receipt ? settings.receivableAccount : settings.payableAccount;
  const branch = payment.branch ?? null;
  const lines: LedgerLine[] = [];
  // Written as a receipt (bank debit, party credit) and swapped for a payment.
  const add = (
    account: string,
    doc: number,
    base: number,
    bankSide: boolean,
    party: string | null,
    memo: string,
  ) => {
    const debitSide = bankSide === receipt;
    lines.push({
      account,
      debit: debitSide ? doc : 0,
      credit: debitSide ? 0 : doc,
      baseDebit: debitSide ? base : 0,
      baseCredit: debitSide ? 0 : base,
      party,
      memo,
      branch,
    });
  };

  add(
    payment.account,
    payment.amount,
    toBase(payment.amount, currency, baseCurrency, rate),
    true,
    null,
    '',
  );
  let fx = 0;
  for (const a of allocations) {
    add(
      partyAccount,
      a.amount,
      toBase(a.amount, currency, baseCurrency, a.documentRate),
      false,
      payment.partyId,
      (a.label ?? '').trim().slice(0, 200),
    );
    fx += realisedFxDifference({
      side: tradeSide,
      allocatedMinor: a.amount,
      currency,
      baseCurrency,
      documentRate: a.documentRate,
      paymentRate: rate,
    });
  }
  const unallocated = payment.amount - allocated;
  if (unallocated > 0) {
    add(
      partyAccount,
      unallocated,
      toBase(unallocated, currency, baseCurrency, rate),
      false,
      payment.partyId,
      'On account',
    );
  }

  // Both sides reduce to: a gain is a base-only credit, a loss a base-only debit.
  if (fx > 0) lines.push(baseOnly(settings.fxGainAccount, -fx, branch, 'Realised exchange gain'));
  if (fx < 0) lines.push(baseOnly(settings.fxLossAccount, -fx, branch, 'Realised exchange loss'));
  const residual = sumBy(lines, (l) => l.baseDebit) - sumBy(lines, (l) => l.baseCredit);
  if (residual !== 0) lines.push(baseOnly(settings.roundingAccount, -residual, branch, 'Rounding'));

  assertBalanced(lines, currency, baseCurrency);
  return lines;
}

function baseOnly(
  account: string,
  debitPositive: number,
  branch: string | null,
  memo: string,
): LedgerLine {
  return {
    account,
    debit: 0,
    credit: 0,
    baseDebit: Math.max(debitPositive, 0),
    baseCredit: Math.max(-debitPositive, 0),
    party: null,
    memo,
    branch,
  };
}
