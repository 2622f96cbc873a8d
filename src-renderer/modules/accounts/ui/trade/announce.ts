import { notifications } from '@mantine/notifications';
import type { Payment, TradeDoc } from '../../domain/schemas';
import { moneyText } from '../format';

/**
 * What the clerk is told once money or a document has been booked: what it is, its number (the
 * one to write on the bank advice or quote on the phone), how much and with whom. Without it a
 * receipt vanished into the list with no word that it was saved.
 */

/** What a recorded receipt or payment is told by: the core's answer, else what was sent. */
export type Recorded = Pick<Payment, 'side' | 'amount' | 'currency'> & { number?: string | null };

/** "Receipt NYC-A-RC-000123 recorded — 1,250.00 USD from Acme Ltd". */
export function paymentRecordedText(payment: Recorded, partyName: string): string {
  const receipt = payment.side === 'receipt';
  const what = receipt ? 'Receipt' : 'Payment';
  const number = payment.number ? ` ${payment.number}` : '';
  const amount = moneyText(payment.amount, payment.currency);
  const who = partyName ? ` ${receipt ? 'from' : 'to'} ${partyName}` : '';
  return `${what}${number} recorded — ${amount}${who}`;
}

/** "Invoice NYC-A-INV-000042 issued — 1,200.00 USD to Acme Ltd"; a bill is "recorded", from its supplier. */
export function tradeIssuedText(
  doc: Pick<TradeDoc, 'side' | 'kind' | 'number' | 'currency'> & { totals?: { gross: number } },
  partyName: string,
): string {
  const sales = doc.side === 'sales';
  const credit = doc.kind === 'credit';
  const what = sales ? (credit ? 'Credit note' : 'Invoice') : credit ? 'Supplier credit' : 'Bill';
  const number = doc.number ? ` ${doc.number}` : '';
  const amount = doc.totals ? ` — ${moneyText(doc.totals.gross, doc.currency)}` : '';
  const who = partyName ? ` ${sales ? 'to' : 'from'} ${partyName}` : '';
  return `${what}${number} ${sales ? 'issued' : 'recorded'}${amount}${who}`;
}

/** Shown long enough to copy the number down; the page also says it where it can. */
export function announce(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 12_000 });
}
