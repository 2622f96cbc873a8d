import { Alert, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { usePermissions } from '../../../client/permissions';
import { FormScaffold } from '../../../ui/form/FormScaffold';
import { errorMessage } from '../../../ui/form-errors';
import { inventorySettingsFieldsSchema, type InventorySettings } from '../domain/schemas';
import { useInventorySettingsQuery, useSaveInventorySettingsMutation } from './api';

type Policy = InventorySettings['negativeStock'];

/** The company's policy for taking out more than is on hand. */
export function SettingsPage() {
  const { data, isLoading, error } = useInventorySettingsQuery(undefined);
  const { manageMaster } = usePermissions();
  const [policy, setPolicy] = useState<Policy>('refuse');
  const [saved, setSaved] = useState(false);
  const [save] = useSaveInventorySettingsMutation();
  useEffect(() => {
    if (data) setPolicy(data.negativeStock);
  }, [data]);
  if (isLoading) return <Loader aria-label="Loading the settings" />;
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  return (
    <Stack gap="sm" maw={640}>
      <Title order={3}>Inventory settings</Title>
      <FormScaffold
        aria-label="Inventory settings"
        schema={inventorySettingsFieldsSchema}
        values={{ negativeStock: policy }}
        submitLabel="Save settings"
        onSubmit={(f) => {
          setSaved(false);
          return save(f);
        }}
        onSaved={() => setSaved(true)}
      >
        {() => (
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
            {!manageMaster && (
              <Text size="sm" c="dimmed">
                An administrator or head office changes this setting.
              </Text>
            )}
            {saved && <Alert color="green">Settings saved.</Alert>}
          </>
        )}
      </FormScaffold>
    </Stack>
  );
}
