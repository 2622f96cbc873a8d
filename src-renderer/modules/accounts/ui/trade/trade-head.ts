import { addDays as addCalendarDays, isIsoDate, todayLocal } from '../../../../core/dates';
import type { FieldErrors } from '../../../../ui/form-errors';
import type { TaxMode, TradeDoc, TradeKind, TradeLine } from '../../domain/schemas';
import type { TradeInput } from '../../rpc-contract';
import type { TradeSideUi } from './trade-labels';

/**
 * Pure helpers behind the invoice/bill editor's head fields: their state, the checks made
 * before anything is sent, and the document as the core takes it. No React, so unit-tested.
 */

/** The head fields as typed. An empty currency follows the party's (else the company's). */
export interface TradeHead {
  partyId: string;
  date: string;
  dueDate: string;
  currency: string;
  rate: string;
  taxMode: TaxMode;
  reference: string;
  memo: string;
}

/** A draft opens as saved; a new credit copies party, currency, rate and tax mode from its original. */
export function initialHead(initial: TradeDoc | null, creditFor: TradeDoc | null): TradeHead {
  const source = initial ?? creditFor;
  return {
    partyId: source?.partyId ?? '',
    date: initial?.date ?? todayLocal(),
    dueDate: initial?.dueDate ?? '',
    currency: source?.currency ?? '',
    rate: source?.rate ?? '1',
    taxMode: (source?.taxMode ?? 'exclusive') as TaxMode,
    reference: initial?.reference ?? (creditFor?.number ? `Credit for ${creditFor.number}` : ''),
    memo: initial?.memo ?? '',
  };
}

/** The head's own problems, keyed like the core's; the lines are checked by gridToLines. */
export function headErrors(
  head: TradeHead,
  o: { partyKind: string; foreign: boolean; mode: 'draft' | 'issue'; dueDateSlipped: boolean },
): FieldErrors {
  const local: FieldErrors = {};
  if (!head.partyId) local.partyId = `Choose the ${o.partyKind}.`;
  if (!isIsoDate(head.date)) local.date = 'Enter the document date.';
  if (head.dueDate && !isIsoDate(head.dueDate))
    local.dueDate = 'Enter a due date, or leave it empty.';
  // A due date that does not read is not "empty = from terms": the input says why.
  if (o.dueDateSlipped) local.dueDate = 'Not a date.';
  if (o.foreign && o.mode === 'issue' && !/^\d+(\.\d+)?$/.test(head.rate.trim()))
    local.rate = 'Enter the rate.';
  return local;
}

/** The document as `accounts.saveTradeDraft` and `accounts.issueTradeDoc` take it. */
export function toTradeInput(a: {
  side: TradeSideUi;
  kind: TradeKind;
  head: TradeHead;
  currency: string;
  foreign: boolean;
  lines: TradeLine[];
  initial: TradeDoc | null;
  creditFor: TradeDoc | null;
}): TradeInput {
  const { head } = a;
  return {
    ...(a.initial ? { id: a.initial._id } : {}),
    side: a.side,
    kind: a.kind,
    partyId: head.partyId,
    date: head.date,
    ...(head.dueDate ? { dueDate: head.dueDate } : {}),
    currency: a.currency,
    rate: a.foreign ? head.rate.trim() : '1',
    taxMode: head.taxMode,
    lines: a.lines,
    memo: head.memo,
    reference: head.reference,
    creditFor: a.initial?.creditFor ?? a.creditFor?._id ?? null,
  };
}

/** ISO date plus whole days (UTC arithmetic, the core's rule for due dates from terms). */
export function addDays(date: string, days: number): string {
  // A half-typed date shows no due date rather than a wrong one.
  if (Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) return '';
  return addCalendarDays(date, days);
}
