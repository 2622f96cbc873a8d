import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import type { PaymentView } from '../rpc-contract';
import type { Payment } from '../domain/schemas';
import { ledgerTables } from './ledger-projection';
import { repos } from './ledger-repos';

/**
 * A recorded receipt or payment as its page shows it: a fact, read-only, with the invoices or
 * bills it settled (their numbers from the index) and the party's name.
 */
export async function getPayment(s: ModuleContext, id: string): Promise<PaymentView> {
  await s.settle();
  // Routed by id: on a head-office device another branch's payment opens from its own database.
  const raw = (await s.read(id))?.doc;
  if (!raw || raw.type !== 'payment')
    throw new OutpostError('not-found', 'That receipt or payment is not on this device.');
  const doc = s.registry.decode<Payment>(raw).doc as Payment;
  const docs = await ledgerTables(s.index).docs.bulkGet(doc.allocations.map((a) => a.documentId));
  const parties = await repos(s).parties.list();
  return {
    doc,
    partyName: parties.find((p) => p._id === doc.partyId)?.name ?? '',
    allocations: doc.allocations.map((a, i) => ({
      documentId: a.documentId,
      number: docs[i]?.number ?? '',
      date: docs[i]?.date ?? '',
      amount: a.amount,
    })),
  };
}
