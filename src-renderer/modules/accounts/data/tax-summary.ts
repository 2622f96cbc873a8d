import type { IndexDb } from '../../../core/index/index-db';
import type { Account } from '../domain/schemas';
import { ledgerTables } from './ledger-projection';
import { sumRange } from './reports';
import type { TaxSummary, TaxSummaryRow } from '../rpc-contract';

/**
 * Tax summary per tax code from the documents issued in the period (base currency; credit
 * notes reduce), beside the movement of the tax accounts in the ledger: the two agree unless
 * someone posted to a tax account by hand, and then the difference is visible.
 */
export async function taxSummary(
  index: IndexDb,
  accounts: Account[],
  q: { from: string; to: string; branch: string | null },
): Promise<TaxSummary> {
  const { taxLines } = ledgerTables(index);
  const lines = (await taxLines.where('date').between(q.from, q.to, true, true).toArray()).filter(
    (l) => !q.branch || l.branch === q.branch,
  );
  const byCode = new Map<string, TaxSummaryRow>();
  for (const l of lines) {
    const row = byCode.get(l.code) ?? {
      code: l.code,
      rateBp: l.rateBp,
      salesNet: 0,
      salesTax: 0,
      purchaseNet: 0,
      purchaseTax: 0,
    };
    if (l.side === 'sales') {
      row.salesNet += l.net;
      row.salesTax += l.tax;
    } else {
      row.purchaseNet += l.net;
      row.purchaseTax += l.tax;
    }
    byCode.set(l.code, row);
  }
  const rows = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const totalSalesTax = rows.reduce((n, r) => n + r.salesTax, 0);
  const totalPurchaseTax = rows.reduce((n, r) => n + r.purchaseTax, 0);
  const movement = await sumRange(index, q.from, q.to, q.branch);
  const ledgerMovement = accounts
    .filter((a) => a.subtype === 'tax-payable' || a.subtype === 'tax-receivable')
    .map((a) => {
      const m = movement.get(a.code);
      // Payable reads positive as a credit; receivable as a debit.
      const amount = m
        ? a.subtype === 'tax-payable'
          ? m.credit - m.debit
          : m.debit - m.credit
        : 0;
      return { code: a.code, name: a.name, amount };
    });
  return {
    from: q.from,
    to: q.to,
    rows,
    totalSalesTax,
    totalPurchaseTax,
    netTax: totalSalesTax - totalPurchaseTax,
    ledgerMovement,
  };
}
