import { useMemo } from 'react';
import { SPECIAL_ACCOUNTS } from '../domain/ledger-settings';
import { useLedgerSetupQuery } from './api';

/** What each account is in Ledger settings ("Accounts receivable"…), by code. */
export function useSpecialRoles(): Map<string, string[]> {
  const { data: setup } = useLedgerSetupQuery();
  return useMemo(() => {
    const roles = new Map<string, string[]>();
    const settings = setup?.settings;
    if (!settings) return roles;
    for (const spec of SPECIAL_ACCOUNTS)
      roles.set(settings[spec.field], [...(roles.get(settings[spec.field]) ?? []), spec.label]);
    return roles;
  }, [setup]);
}
