import { z } from 'zod';
import { formatMinor } from '../../../../ui/inputs/number-format';
import { paymentInputSchema } from '../../domain/trade-inputs';

/** The payment form as the clerk has it: typed inputs hold null until what was typed reads. */
export interface PaymentDraft {
  side: 'receipt' | 'payment';
  partyId: string;
  date: string | null;
  currency: string;
  /** Only asked for in a foreign currency. */
  foreign: boolean;
  rate: string | null;
  amount: number | null;
  account: string;
  reference: string;
  memo: string;
  /** The "Allocate" inputs of the documents on screen, by document id (null = left empty). */
  allocations: Readonly<Record<string, number | null>>;
  /** Paths of inputs holding text that does not read; each says why beside itself. */
  slips: readonly string[];
}

export interface PaymentFormContext {
  /** "customer" or "supplier". */
  partyKind: string;
  /** What is open on each document on screen, minor units. */
  open: ReadonlyMap<string, number>;
  locale?: string;
}

/** Allocations typed by hand, in document order; empty and zero inputs are not allocations. */
export function typedAllocations(allocations: PaymentDraft['allocations']) {
  return Object.entries(allocations)
    .filter((e): e is [string, number] => e[1] !== null && e[1] !== 0)
    .map(([documentId, amount]) => ({ documentId, amount }));
}

/** An allocation bigger than what is open on its document, in the clerk's words; else null. */
export function overOpen(amount: number | null, open: number, currency: string, locale?: string) {
  return amount !== null && amount > open
    ? `Only ${formatMinor(open, currency, locale)} is open.`
    : null;
}

/**
 * Checks a payment before it is sent, each problem on its field ("allocations.<id>" for a row),
 * then runs the core's own schema over what will be sent.
 */
export function paymentForm(ctx: PaymentFormContext) {
  return z.unknown().transform((raw, zc) => {
    const d = raw as PaymentDraft;
    let problems = 0;
    const issue = (path: (string | number)[], message: string) => {
      problems++;
      zc.addIssue({ code: 'custom', path, message });
    };
    const typed = (path: string) => !d.slips.includes(path);
    // The input shows why; this only keeps the payment from being sent.
    for (const path of d.slips) issue(slipPath(path), 'Not readable.');
    if (!d.partyId) issue(['partyId'], `Choose the ${ctx.partyKind}.`);
    if (d.date === null && typed('date')) issue(['date'], 'Enter the date of the payment.');
    if (d.amount === null && typed('amount')) issue(['amount'], 'Enter the amount.');
    if (d.foreign && d.rate === null && typed('rate')) issue(['rate'], 'Enter the rate.');
    if (!d.account) issue(['account'], 'Choose the bank or cash account.');

    const allocations = typedAllocations(d.allocations);
    let allocated = 0;
    for (const a of allocations) {
      allocated += a.amount;
      if (a.amount < 0)
        issue(['allocations', a.documentId], 'An allocation must be more than zero.');
      const over = overOpen(a.amount, ctx.open.get(a.documentId) ?? 0, d.currency, ctx.locale);
      if (over) issue(['allocations', a.documentId], over);
    }
    if (d.amount !== null && d.amount > 0 && allocated > d.amount)
      issue(['allocations'], 'The allocations add up to more than the amount.');
    if (problems) return z.NEVER;

    const parsed = paymentInputSchema.safeParse({
      side: d.side,
      partyId: d.partyId,
      date: d.date,
      currency: d.currency,
      rate: d.foreign ? d.rate : '1',
      amount: d.amount,
      account: d.account,
      memo: d.memo,
      reference: d.reference,
      ...(allocations.length ? { allocations } : {}),
    });
    if (parsed.success) return parsed.data;
    for (const i of parsed.error.issues) {
      // An allocation's issue names its row by position; the page names rows by document.
      const row = i.path[0] === 'allocations' ? allocations[Number(i.path[1])] : undefined;
      issue(row ? ['allocations', row.documentId] : (i.path as (string | number)[]), i.message);
    }
    return z.NEVER;
  });
}

/** "allocations.<document id>" → ["allocations", id]: ids may hold any character but the first dot. */
function slipPath(path: string): string[] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path] : [path.slice(0, dot), path.slice(dot + 1)];
}
