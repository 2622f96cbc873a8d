import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { usePermissions } from '../../../client/permissions';
import { errorFields, errorMessage, type FieldErrors } from '../../../ui/form-errors';
import {
  checkSpecialAccounts,
  SPECIAL_ACCOUNTS,
  suggestSpecialAccounts,
  TAX_ACCOUNTS,
  type SpecialAccountSpec,
} from '../domain/ledger-settings';
import type { Account } from '../domain/schemas';
import {
  useAccountsQuery,
  useLedgerSetupQuery,
  useSaveLedgerSettingsMutation,
  useTaxCodesQuery,
} from './api';
import { RecordPicker } from '../../../ui/inputs/RecordPicker';

/**
 * Ledger settings: the special accounts invoices, payments, exchange differences and the
 * year-end close post to. A company that started from its own chart picks them here; the
 * first choice offered is the account whose sub-type fits (as the chart import guessed it).
 */
export function LedgerSettingsPage() {
  const { data: setup } = useLedgerSetupQuery();
  const { data: accounts } = useAccountsQuery();
  const { data: taxCodes } = useTaxCodesQuery();
  if (!setup || !accounts || !taxCodes) return null;
  return (
    <LedgerSettingsForm
      accounts={accounts}
      current={setup.settings as Record<string, unknown> | null}
      needTax={taxCodes.length === 0}
    />
  );
}

function LedgerSettingsForm({
  accounts,
  current,
  needTax,
}: {
  accounts: Account[];
  current: Record<string, unknown> | null;
  needTax: boolean;
}) {
  const { manageMaster } = usePermissions();
  const [save, { isLoading }] = useSaveLedgerSettingsMutation();
  const specs = useMemo(
    () => (needTax ? [...SPECIAL_ACCOUNTS, ...TAX_ACCOUNTS] : SPECIAL_ACCOUNTS),
    [needTax],
  );
  const [v, setV] = useState<Record<string, string>>(() => {
    const start = suggestSpecialAccounts(specs, accounts);
    for (const s of specs)
      if (typeof current?.[s.field] === 'string') start[s.field] = current[s.field] as string;
    return start;
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setFailure(null);
    // Checked here first so the clerk sees every wrong choice at once; the worker checks again.
    const found = checkSpecialAccounts(v, specs, accounts);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure('The ledger settings were not saved. Correct the marked accounts.');
      return;
    }
    const pick = (list: readonly SpecialAccountSpec[]) =>
      Object.fromEntries(list.map((s) => [s.field, v[s.field] ?? '']));
    const res = await save({
      accounts: pick(SPECIAL_ACCOUNTS),
      ...(needTax ? { tax: pick(TAX_ACCOUNTS) } : {}),
    });
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    setSaved(true);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Card withBorder>
        <Stack gap="sm">
          <Text fw={600}>Ledger settings: special accounts</Text>
          <Text size="sm">
            Invoices, bills, payments, exchange differences and the year-end close post to these
            accounts without anyone naming them. Choose each one from your chart of accounts.
            {current === null &&
              ' Until they are chosen, nothing can be posted: invoices, payments and journal entries wait.'}
          </Text>
          {needTax && (
            <Text size="sm" c="dimmed">
              The company has no tax codes yet. Saving also creates the usual four (standard,
              reduced, zero, exempt) posting to the tax accounts chosen below; adjust their rates to
              your country.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {specs.map((spec) => (
              <RecordPicker
                key={spec.field}
                label={spec.label}
                description={spec.help}
                data={optionsFor(spec, accounts, v[spec.field])}
                value={v[spec.field] ?? null}
                onChange={(code) => setV((s) => ({ ...s, [spec.field]: code ?? '' }))}
                disabled={!manageMaster}
                error={errors[spec.field]}
                nothingFoundMessage="No account of this kind in the chart"
              />
            ))}
          </SimpleGrid>
          {failure && <Alert color="red">{failure}</Alert>}
          {saved && <Alert color="teal">Saved. Postings use these accounts from now on.</Alert>}
          {manageMaster ? (
            <Group justify="flex-end">
              <Button type="submit" loading={isLoading}>
                Save ledger settings
              </Button>
            </Group>
          ) : (
            <Alert color="blue">
              An administrator or head office chooses the special accounts; the choice arrives on
              this computer when it syncs.
            </Alert>
          )}
        </Stack>
      </Card>
    </form>
  );
}

/** Accounts that fit; the current value stays listed even when it does not, so its error can say why. */
function optionsFor(spec: SpecialAccountSpec, accounts: Account[], value: string | undefined) {
  const fits = accounts.filter(
    (a) =>
      (!a.isGroup && !a.archived && spec.kinds.includes(a.kind)) || (value && a.code === value),
  );
  return fits.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }));
}
