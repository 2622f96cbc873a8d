import { OutpostError } from '../../../core/errors';
import { COMPANY_WIDE } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import {
  checkSpecialAccounts,
  SPECIAL_ACCOUNTS,
  TAX_ACCOUNTS,
  type LedgerSettingsInput,
  type SpecialAccounts,
} from '../domain/ledger-settings';
import { LEDGER_SETTINGS_ID, type LedgerSettings } from '../domain/schemas';
import { starterTaxCodes } from '../domain/starter-chart';
import { loadSettings, repos } from './ledger-repos';

/**
 * Saves the special accounts a company picked from its own chart (or changed later). Every
 * choice is checked against the chart first, so a bad one changes nothing. The lock date is
 * kept as it is. A company with no tax codes gets the usual four, posting to the tax accounts
 * picked here, since an invoice cannot be issued without them.
 */
export async function saveLedgerSettings(
  s: ModuleContext,
  input: LedgerSettingsInput,
): Promise<LedgerSettings> {
  const r = repos(s);
  const [chart, taxCodes, current] = await Promise.all([
    r.accounts.list(),
    r.taxCodes.list(),
    loadSettings(s),
  ]);
  const accounts = (input?.accounts ?? {}) as Record<string, string>;
  const tax = (input?.tax ?? {}) as Record<string, string>;
  const needTax = taxCodes.length === 0;
  const errors = {
    ...checkSpecialAccounts(accounts, SPECIAL_ACCOUNTS, chart),
    ...(needTax ? checkSpecialAccounts(tax, TAX_ACCOUNTS, chart) : {}),
  };
  const wrong = Object.keys(errors).length;
  if (wrong > 0)
    throw new OutpostError(
      'validation',
      `The ledger settings were not saved: ${wrong === 1 ? 'one account does' : `${wrong} accounts do`} not fit. Correct the marked fields.`,
      errors,
    );
  const fields = Object.fromEntries(
    SPECIAL_ACCOUNTS.map((spec) => [spec.field, accounts[spec.field]!.trim()]),
  ) as SpecialAccounts;
  if (needTax) {
    const codes = starterTaxCodes().map((t) =>
      r.taxCodes.build(
        {
          ...t,
          salesAccount: tax.taxPayableAccount!.trim(),
          purchaseAccount: tax.taxReceivableAccount!.trim(),
        } as never,
        COMPANY_WIDE,
      ),
    );
    await r.taxCodes.createMany(codes);
  }
  if (current) return r.settings.update(LEDGER_SETTINGS_ID, fields);
  const doc = r.settings.build(
    { ...fields, lockDate: null } as never,
    COMPANY_WIDE,
    LEDGER_SETTINGS_ID,
  );
  await r.settings.createMany([doc]);
  return r.settings.get(LEDGER_SETTINGS_ID);
}
