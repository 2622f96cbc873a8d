/**
 * The Inventory bench keeps stock in the books, as a company does: the starter chart, the
 * stock accounts it lacks, and all of them chosen in Inventory settings before any move, so
 * the index's catch-up and each save include the moves' ledger postings (stock-ledger.ts).
 * Afterwards the books must equal the valuation, or the bench measured something else.
 */
import type { Core } from '../../src-renderer/core/create-core';
import type { RpcMethod, RpcMethods } from '../../src-renderer/modules/contracts';
import { STOCK_ACCOUNTS } from '../../src-renderer/modules/inventory/testing/stock-accounts';

type Call = <M extends RpcMethod>(
  core: Core,
  method: M,
  params: RpcMethods[M]['params'],
) => Promise<RpcMethods[M]['result']>;

export async function chooseStockAccounts(core: Core, call: Call): Promise<void> {
  await call(core, 'accounts.setupStarterChart', undefined);
  for (const [code, name, kind, subtype, parentCode] of [
    ['1350', 'Goods in transit', 'asset', 'inventory', '1000'],
    ['1900', 'Between branches', 'asset', 'current-asset', '1000'],
    ['5150', 'Purchase price differences', 'expense', 'cost-of-sales', '5000'],
  ] as const)
    await call(core, 'accounts.saveAccount', { fields: { code, name, kind, subtype, parentCode } });
  await call(core, 'inventory.saveSettings', { negativeStock: 'refuse', ...STOCK_ACCOUNTS });
}

/** Refuses a run whose moves did not post: the books must hold exactly the valuation. */
export async function checkBooks(core: Core, call: Call, asOf: string): Promise<void> {
  const check = await call(core, 'inventory.ledgerCheck', { asOf });
  console.log(
    `stock in the books ${check.books / 100} = valuation ${check.valuation / 100} on ${asOf}`,
  );
  if (check.missing.length || check.difference !== 0 || check.books === 0)
    throw new Error(
      `Stock moves did not post as they should: books ${check.books}, valuation ${check.valuation}, missing ${check.missing.join(', ') || 'none'}.`,
    );
}
