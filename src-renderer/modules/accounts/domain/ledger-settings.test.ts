import { describe, expect, it } from 'vitest';
import { starterChart, starterSettings } from './starter-chart';
import {
  checkSpecialAccounts,
  missingSpecialAccounts,
  SPECIAL_ACCOUNTS,
  specialAccountEditProblem,
  suggestSpecialAccounts,
  TAX_ACCOUNTS,
} from './ledger-settings';

const chart = starterChart('USD');

describe('special accounts', () => {
  it('the starter chart’s own settings fit its chart, and are what the sub-types suggest', () => {
    const { lockDate: _lock, ...settings } = starterSettings();
    expect(checkSpecialAccounts(settings, SPECIAL_ACCOUNTS, chart)).toEqual({});
    expect(suggestSpecialAccounts(SPECIAL_ACCOUNTS, chart)).toEqual(settings);
    expect(suggestSpecialAccounts(TAX_ACCOUNTS, chart)).toEqual({
      taxPayableAccount: '2200',
      taxReceivableAccount: '1400',
    });
  });

  it('names every wrong choice: unknown, group, archived, wrong kind, not text', () => {
    const archived = chart.map((a) => (a.code === '6990' ? { ...a, archived: true } : a));
    const errors = checkSpecialAccounts(
      {
        ...starterSettings(),
        receivableAccount: '9999',
        payableAccount: '2000',
        roundingAccount: '6990',
        fxGainAccount: '6900',
        retainedEarningsAccount: 3200,
      },
      SPECIAL_ACCOUNTS,
      archived,
    );
    expect(errors).toEqual({
      receivableAccount: 'There is no account 9999 in the chart.',
      payableAccount:
        '2000 Liabilities is a group account; nothing is posted to it. Choose an account under it.',
      retainedEarningsAccount: 'Choose the retained earnings account.',
      fxGainAccount:
        '6900 Exchange losses is an expense account; the exchange gains must be an income account.',
      roundingAccount: '6990 Rounding is archived. Choose an account in use.',
    });
  });

  it('lists what is missing until ledger settings exist', () => {
    expect(missingSpecialAccounts(null).map((s) => s.field)).toEqual(
      SPECIAL_ACCOUNTS.map((s) => s.field),
    );
    expect(missingSpecialAccounts(starterSettings())).toEqual([]);
  });

  it('an edit that would break a special account is named; others pass', () => {
    const debtors = chart.find((a) => a.code === '1100')!;
    const rent = chart.find((a) => a.code === '6100')!;
    const settings = starterSettings();
    expect(specialAccountEditProblem(debtors, { ...debtors, kind: 'liability' }, settings)).toEqual(
      {
        field: 'kind',
        message:
          '1100 Accounts receivable is the accounts receivable in Ledger settings, so it must stay an asset account. Choose another account there first.',
      },
    );
    expect(specialAccountEditProblem(debtors, { ...debtors, code: '1105' }, settings)?.field).toBe(
      'code',
    );
    expect(specialAccountEditProblem(rent, { ...rent, archived: true }, settings)).toBeNull();
  });
});
