import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { inventoryCompany } from '../testing/setup';

/**
 * The accounts stock moves post to, chosen in Inventory settings: each must be in Accounts'
 * chart and of the kind its rule needs; a wrong one is refused in words and nothing changes.
 */
let d: TestDevice;

const chosen = {
  inventoryAccount: '1300',
  cogsAccount: '5100',
  grniAccount: '2150',
  goodsInTransitAccount: '1350',
  interBranchAccount: '1900',
  stockAdjustmentAccount: '5300',
};

beforeAll(async () => {
  d = (await inventoryCompany()).d;
  await d.call('accounts.setupStarterChart', undefined);
  // The starter chart has no accounts for these; a company adds them as Acme did.
  for (const [code, name, kind, subtype, parentCode] of [
    ['2150', 'Goods received not billed', 'liability', 'current-liability', '2000'],
    ['1350', 'Goods in transit', 'asset', 'inventory', '1000'],
    ['1900', 'Between branches', 'asset', 'current-asset', '1000'],
    ['5300', 'Stock adjustments and shrinkage', 'expense', 'cost-of-sales', '5000'],
  ] as const)
    await d.call('accounts.saveAccount', { fields: { code, name, kind, subtype, parentCode } });
});
afterAll(async () => {
  await d?.close();
});

describe('stock posting accounts in Inventory settings', () => {
  it('saves accounts of the right kind, and a policy change keeps them', async () => {
    await d.call('inventory.saveSettings', { negativeStock: 'refuse', ...chosen });
    await d.call('inventory.saveSettings', { negativeStock: 'warn' });
    expect(await d.call('inventory.getSettings', undefined)).toMatchObject({
      negativeStock: 'warn',
      ...chosen,
    });
  });

  it('refuses an account of the wrong kind, a group, or one not in the chart, changing nothing', async () => {
    const before = await d.call('inventory.getSettings', undefined);
    await expect(
      d.call('inventory.saveSettings', { ...chosen, grniAccount: '1300' }),
    ).rejects.toThrow(
      'Goods received not billed: 1300 Inventory is not a liability account. Choose another account. The inventory settings were not saved.',
    );
    await expect(
      d.call('inventory.saveSettings', { ...chosen, cogsAccount: '5000' }),
    ).rejects.toThrow('5000 Cost of sales only totals other accounts');
    await expect(
      d.call('inventory.saveSettings', { ...chosen, stockAdjustmentAccount: '5999' }),
    ).rejects.toThrow('Stock adjustments and shortages: there is no account 5999 in the chart');
    expect(await d.call('inventory.getSettings', undefined)).toEqual(before);
  });
});
