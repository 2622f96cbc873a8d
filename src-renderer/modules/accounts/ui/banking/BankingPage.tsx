import { Alert, Group, Stack } from '@mantine/core';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { useMemo, useState } from 'react';
import { useBankingAccountsQuery } from './api';
import { ImportButton } from './ImportButton';
import { Reconciliation } from './Reconciliation';
import { Statements } from './Statements';
/**
 * Bank reconciliation: import what the bank says, then pair each bank line with the entries in
 * the books it stands for. Lines the books lack (fees, interest) get an entry posted from here.
 */
export function BankingPage() {
  const { data: accounts = [] } = useBankingAccountsQuery();
  const banks = useMemo(
    () =>
      accounts.filter(
        (a) => !a.isGroup && !a.archived && (a.subtype === 'bank' || a.subtype === 'cash'),
      ),
    [accounts],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const account = chosen ?? banks[0]?.code ?? null;

  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <RecordPicker
          label="Bank or cash account"
          data={banks.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
          value={account}
          onChange={setChosen}
          nothingFoundMessage="No bank or cash accounts"
          w={320}
        />
        {account && <ImportButton account={account} />}
      </Group>
      {banks.length === 0 && accounts.length > 0 && (
        <Alert color="yellow">
          There is no bank or cash account in the chart of accounts yet. Add one under Chart of
          accounts first.
        </Alert>
      )}
      {account && <Statements account={account} />}
      {account && <Reconciliation key={account} account={account} accounts={accounts} />}
    </Stack>
  );
}
