import { Alert, Loader, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { usePermissions } from '../../../client/permissions';
import { FormScaffold } from '../../../ui/form/FormScaffold';
import { errorMessage } from '../../../ui/form-errors';
import { RecordPicker } from '../../../ui/inputs/RecordPicker';
import { inventorySettingsFieldsSchema, type InventorySettings } from '../domain/schemas';
import { SETTINGS_ACCOUNT_WORDS, type SettingsAccountField } from '../domain/stock-postings';
import { useInventorySettingsQuery, useSaveInventorySettingsMutation } from './api';
import { useChartAccounts } from './chart-accounts';
import { MissingStockAccounts } from './MissingStockAccounts';

type Policy = InventorySettings['negativeStock'];
type Accounts = Record<SettingsAccountField, string>;
const FIELDS = Object.keys(SETTINGS_ACCOUNT_WORDS) as SettingsAccountField[];
/** Which accounts of the chart each picker offers (the save checks the same). */
const KIND: Record<SettingsAccountField, string> = {
  inventoryAccount: 'asset',
  cogsAccount: 'expense',
  grniAccount: 'liability',
  goodsInTransitAccount: 'asset',
  interBranchAccount: 'asset',
  stockAdjustmentAccount: 'expense',
  priceDifferenceAccount: 'expense',
};
const HELP: Record<SettingsAccountField, string> = {
  inventoryAccount: 'What stock on hand is worth; an item may name its own.',
  cogsAccount: 'What delivered goods cost; an item may name its own.',
  grniAccount: 'Goods received whose bill has not come yet; the bill clears it.',
  goodsInTransitAccount: 'Goods sent to another branch and not yet received.',
  interBranchAccount: 'What branches owe each other for goods sent between them.',
  stockAdjustmentAccount: 'Counts, corrections and goods lost on the way.',
  priceDifferenceAccount:
    'When a supplier bills received goods at another price, the difference goes here.',
};
const noAccounts = (): Accounts =>
  Object.fromEntries(FIELDS.map((f) => [f, ''])) as unknown as Accounts;

/** The company's policy for taking out more than is on hand, and the accounts stock posts to. */
export function SettingsPage() {
  const { data, isLoading, error } = useInventorySettingsQuery(undefined);
  const { manageMaster } = usePermissions();
  const [policy, setPolicy] = useState<Policy>('refuse');
  const [accounts, setAccounts] = useState<Accounts>(noAccounts);
  const [saved, setSaved] = useState(false);
  const [save] = useSaveInventorySettingsMutation();
  const chart = useChartAccounts();
  useEffect(() => {
    if (!data) return;
    setPolicy(data.negativeStock);
    setAccounts(Object.fromEntries(FIELDS.map((f) => [f, data[f] ?? ''])) as Accounts);
  }, [data]);
  if (isLoading) return <Loader aria-label="Loading the settings" />;
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  return (
    <Stack gap="sm" maw={640}>
      <Title order={3}>Inventory settings</Title>
      <FormScaffold
        aria-label="Inventory settings"
        schema={inventorySettingsFieldsSchema}
        values={{ negativeStock: policy, ...accounts }}
        submitLabel="Save settings"
        onSubmit={(f) => {
          setSaved(false);
          return save(f);
        }}
        onSaved={() => setSaved(true)}
      >
        {(form) => (
          <>
            <Radio.Group
              label="When a delivery takes more than is on hand"
              value={policy}
              onChange={(p) => setPolicy(p as Policy)}
            >
              <Stack gap={6} mt={6}>
                <Radio
                  value="refuse"
                  label="Refuse it: nothing is saved until the stock is received"
                  disabled={!manageMaster}
                />
                <Radio
                  value="warn"
                  label="Save it and warn: the stock shows below zero until it is received"
                  disabled={!manageMaster}
                />
              </Stack>
            </Radio.Group>
            <Text size="sm" c="dimmed">
              Two offices working offline can still both take the last units; the stock then shows
              below zero in the negative stock report until someone receives or corrects it.
            </Text>
            <Title order={4}>Accounts for stock in the ledger</Title>
            <MissingStockAccounts settings={data} link={false} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {FIELDS.map((f) => (
                <RecordPicker
                  key={f}
                  label={SETTINGS_ACCOUNT_WORDS[f]}
                  description={HELP[f]}
                  data={(chart ?? [])
                    .filter((a) => !a.archived && !a.isGroup && a.kind === KIND[f])
                    .map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
                  value={accounts[f] || null}
                  onChange={(code) => setAccounts((p) => ({ ...p, [f]: code ?? '' }))}
                  clearable
                  error={form.error(f)}
                  readOnly={!manageMaster}
                  nothingFoundMessage="No account of this kind has that code or name"
                />
              ))}
            </SimpleGrid>
            {!manageMaster && (
              <Text size="sm" c="dimmed">
                An administrator or head office changes these settings.
              </Text>
            )}
            {saved && <Alert color="green">Settings saved.</Alert>}
          </>
        )}
      </FormScaffold>
    </Stack>
  );
}
