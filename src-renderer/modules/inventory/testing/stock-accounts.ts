import type { TestDevice } from '../../../core/testing/node-core';

/** The accounts Acme chose in Inventory settings (the starter chart's, plus three it added). */
export const STOCK_ACCOUNTS = {
  inventoryAccount: '1300',
  cogsAccount: '5100',
  grniAccount: '2150',
  goodsInTransitAccount: '1350',
  interBranchAccount: '1900',
  stockAdjustmentAccount: '5300',
  priceDifferenceAccount: '5150',
};

/** Sets up the chart and chooses every account stock moves post to, as a company does once. */
export async function chooseStockAccounts(d: TestDevice): Promise<void> {
  await d.call('accounts.setupStarterChart', undefined);
  // The starter chart has goods received not billed (2150) and stock adjustments (5300);
  // Acme added its own accounts for the rest instead of the starter chart's 1310, 1320 and 5400.
  for (const [code, name, kind, subtype, parentCode] of [
    ['1350', 'Goods in transit', 'asset', 'inventory', '1000'],
    ['1900', 'Between branches', 'asset', 'current-asset', '1000'],
    ['5150', 'Purchase price differences', 'expense', 'cost-of-sales', '5000'],
  ] as const)
    await d.call('accounts.saveAccount', { fields: { code, name, kind, subtype, parentCode } });
  await d.call('inventory.saveSettings', { negativeStock: 'refuse', ...STOCK_ACCOUNTS });
}
