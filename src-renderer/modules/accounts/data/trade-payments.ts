import { OutpostError } from '../../../core/errors';
import { takeNextNumber } from '../../../core/db/series';
import { parseOrThrow } from '../../../core/db/validation';
import type { ModuleContext } from '../../../core/module-context';
import { allocate, paymentPosting } from '../domain/allocation';
import { checkLockDate } from '../domain/journal';
import type { Payment } from '../domain/schemas';
import { paymentInputSchema } from '../domain/trade-inputs';
import { repos, requireSettings } from './ledger-repos';
import { openItems } from './open-items';
import { resolveRate } from './rates-service';
import { tradeRepos, type Fields } from './trade-repos';

/**
 * Receipts and payments: money in or out, set against open invoices or bills (those the clerk
 * chose, else oldest first); what is left stays on account.
 */

export async function recordPayment(s: ModuleContext, input: unknown): Promise<Payment> {
  const data = parseOrThrow(paymentInputSchema, input, 'The payment was not recorded.');
  const [company, settings, accounts] = await Promise.all([
    s.company(),
    requireSettings(s),
    repos(s).accounts.list(),
  ]);
  const bank = accounts.find((a) => a.code === data.account);
  if (!bank || bank.isGroup || (bank.subtype !== 'bank' && bank.subtype !== 'cash')) {
    throw new OutpostError('validation', 'Choose a bank or cash account for the money.', {
      account: 'Choose a bank or cash account.',
    });
  }
  const locked = checkLockDate(data.date, settings.lockDate);
  if (locked) throw new OutpostError('validation', locked, { date: locked });
  const rate = await resolveRate(s, {
    currency: data.currency,
    baseCurrency: company.baseCurrency,
    date: data.date,
    typed: data.rate,
  });
  await s.settle();
  const side = data.side === 'receipt' ? 'sales' : 'purchase';
  const open = (await openItems(s.index, { side, partyId: data.partyId, today: data.date }))
    // Money settles documents in their own currency only.
    .filter((d) => d.currency === data.currency && d.kind === 'invoice' && d.open > 0);
  let result;
  try {
    result = allocate(
      data.amount,
      open.map((d) => ({ documentId: d.docId, open: d.open, label: d.number })),
      data.allocations,
      data.currency,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new OutpostError('validation', message, { allocations: message });
  }
  const byId = new Map(open.map((d) => [d.docId, d]));
  let posting;
  try {
    posting = paymentPosting({
      payment: {
        side: data.side,
        amount: data.amount,
        account: data.account,
        currency: data.currency,
        rate,
        partyId: data.partyId,
      },
      allocations: result.allocations.map((a) => ({
        ...a,
        documentRate: byId.get(a.documentId)!.rate,
        label: byId.get(a.documentId)!.number,
      })),
      settings,
      baseCurrency: company.baseCurrency,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new OutpostError('validation', message);
  }
  const number = await takeNextNumber(s.pouch(s.homeBranchDbName), {
    branchCode: s.config.branchCode,
    deviceLetter: s.config.letter,
    kind: data.side === 'receipt' ? 'RCPT' : 'PAY',
  });
  const fields: Fields<Payment> = {
    side: data.side,
    number,
    reference: data.reference,
    partyId: data.partyId,
    date: data.date,
    currency: data.currency,
    rate,
    amount: data.amount,
    account: data.account,
    allocations: result.allocations,
    memo: data.memo,
    status: 'posted',
    posting,
    postedAt: s.writeContext().now().toISOString(),
    postedBy: s.config.userName,
  };
  return tradeRepos(s).payments.create(fields, s.config.branchCode);
}
