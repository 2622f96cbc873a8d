import { MASTER_DB } from '../../../core/db/names';
import type { DocBase } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import type { Party, Payment, TradeDoc } from '../domain/schemas';

/**
 * Sales and purchases: customers and suppliers (master), invoices, credit notes, bills,
 * supplier credits, receipts and payments (this branch).
 */
export function tradeRepos(s: ModuleContext) {
  return {
    parties: s.repository<Party>(MASTER_DB, 'party'),
    docs: s.repository<TradeDoc>(s.homeBranchDbName, 'tradeDoc'),
    payments: s.repository<Payment>(s.homeBranchDbName, 'payment'),
  };
}

/** A document's own fields, without the ones every document carries (DocBase). */
export type Fields<T> = Omit<T, keyof DocBase>;
