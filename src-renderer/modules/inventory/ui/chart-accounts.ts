import { useEffect, useState } from 'react';
import { run } from '../../../client/api';
import type { ResultOf } from '../../../core/rpc/define';
import type { AccountsContract } from '../../accounts';

type ChartAccounts = ResultOf<AccountsContract['accounts.listAccounts']>;

/**
 * Accounts' chart for the item form's pickers, asked through Accounts' public contract. A plain
 * call, not an endpoint: each method has exactly one endpoint (Accounts' own, which Inventory
 * may not import), and the chart changes too rarely for a stale list to matter on one form.
 */
export function useChartAccounts(): ChartAccounts | undefined {
  const [accounts, setAccounts] = useState<ChartAccounts>();
  useEffect(() => {
    let live = true;
    void run('accounts.listAccounts', undefined).then((r) => {
      if (live && 'data' in r) setAccounts(r.data as ChartAccounts);
    });
    return () => {
      live = false;
    };
  }, []);
  return accounts;
}
