import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { chartOfAccounts } from '../../accounts';
import {
  missingStockAccounts,
  SETTINGS_ACCOUNT_WORDS,
  stockAccountsOf,
  type SettingsAccountField,
  type StockAccounts,
} from '../domain/stock-postings';
import { cachedItems, loadInventorySettings } from './repos';

/**
 * The kind of account each posting rule needs (domain/stock-postings.ts): stock and what is on
 * its way are assets, goods received but not yet billed are owed, costs are expenses.
 */
const KIND: Record<SettingsAccountField, { kind: string; words: string }> = {
  inventoryAccount: { kind: 'asset', words: 'an asset' },
  cogsAccount: { kind: 'expense', words: 'an expense' },
  grniAccount: { kind: 'liability', words: 'a liability' },
  goodsInTransitAccount: { kind: 'asset', words: 'an asset' },
  interBranchAccount: { kind: 'asset', words: 'an asset' },
  stockAdjustmentAccount: { kind: 'expense', words: 'an expense' },
  priceDifferenceAccount: { kind: 'expense', words: 'an expense' },
};

/**
 * Refuses, in words and before anything is written, a chosen account that is not in the chart,
 * is archived, only totals others (a group) or is the wrong kind. '' (not chosen) passes:
 * the pages that post say what is still missing.
 */
export async function checkStockAccounts(
  s: ModuleContext,
  fields: Partial<Record<SettingsAccountField, string>>,
): Promise<void> {
  const chosen = (Object.keys(KIND) as SettingsAccountField[]).filter((f) => fields[f]);
  if (chosen.length === 0) return;
  const chart = new Map((await chartOfAccounts(s)).map((a) => [a.code, a]));
  const errors: Record<string, string> = {};
  const said: string[] = [];
  for (const f of chosen) {
    const code = fields[f]!;
    const a = chart.get(code);
    const what = SETTINGS_ACCOUNT_WORDS[f];
    const why = !a
      ? `there is no account ${code} in the chart`
      : a.archived
        ? `${code} ${a.name} is archived`
        : a.isGroup
          ? `${code} ${a.name} only totals other accounts`
          : a.kind !== KIND[f].kind
            ? `${code} ${a.name} is not ${KIND[f].words} account`
            : null;
    if (!why) continue;
    errors[f] = `Choose ${KIND[f].words} account.`;
    said.push(`${what}: ${why}`);
  }
  if (said.length)
    throw new OutpostError(
      'validation',
      `${said.join('; ')}. Choose another account. The inventory settings were not saved.`,
      errors,
    );
}

/**
 * The accounts stock moves post to, from the settings and each item's own, with what is still
 * to choose. It reads master data, so call it before the index transaction, never inside it
 * (an await on PouchDB there would end the transaction).
 */
export async function loadStockAccounts(
  s: ModuleContext,
): Promise<{ accounts: StockAccounts; missing: string[] }> {
  const [settings, items] = await Promise.all([loadInventorySettings(s), cachedItems(s)]);
  return {
    accounts: stockAccountsOf(settings ?? {}, items),
    missing: missingStockAccounts(settings),
  };
}
