import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { createCompanyInputSchema } from '../../core/org/schemas';
import { errorFields, errorMessage, zodFieldErrors, type FieldErrors } from '../../ui/form-errors';
import { CURRENCIES, MONTHS } from '../../ui/options';
import { rpc, useCreateCompanyMutation } from '../../client/api';
import { usePlatform } from '../../client/platform-context';
import { saveCredentials } from '../credentials';
import type { DemoOffer } from './demo-offer';

export function CreateCompanyForm({ onBack, demo }: { onBack(): void; demo?: DemoOffer }) {
  const platform = usePlatform();
  const [createCompany, { isLoading }] = useCreateCompanyMutation();
  const [v, setV] = useState({
    name: demo ? 'Demo Trading Ltd' : '',
    orgCode: demo?.orgCode ?? '',
    baseCurrency: 'USD',
    fiscalYearStartMonth: '1',
    branchCode: demo?.branchCode ?? '',
    branchName: demo ? 'Head office' : '',
    letter: 'A',
    deviceLabel: '',
    userName: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (value: string | null) =>
    setV((s) => ({ ...s, [k]: value ?? '' }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const input = {
      company: {
        name: v.name,
        orgCode: v.orgCode.trim(),
        baseCurrency: v.baseCurrency,
        fiscalYearStartMonth: Number(v.fiscalYearStartMonth),
      },
      branch: { code: v.branchCode.trim(), name: v.branchName, currency: v.baseCurrency },
      device: { letter: v.letter.trim(), label: v.deviceLabel },
      userName: v.userName,
    };
    const parsed = createCompanyInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const res = await createCompany(parsed.data);
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    // The demo company goes straight onto the demo server, as the Sync page would do it.
    if (demo && parsed.data.company.orgCode === demo.orgCode) {
      const creds = { serverUrl: demo.serverUrl, ...demo.headOffice };
      await saveCredentials(platform.vault, demo.orgCode, creds).catch(() => undefined);
      await rpc()
        .call('sync.connect', creds)
        .catch(() => undefined);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Company name"
          value={v.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={errors['company.name']}
          autoFocus
        />
        <TextInput
          label="Organisation code"
          description="Short name of the company on the sync server, e.g. acme"
          value={v.orgCode}
          onChange={(e) => set('orgCode')(e.currentTarget.value)}
          error={errors['company.orgCode']}
        />
        <SimpleGrid cols={2}>
          <Select
            label="Base currency"
            data={CURRENCIES}
            value={v.baseCurrency}
            onChange={set('baseCurrency')}
            searchable
            allowDeselect={false}
            error={errors['company.baseCurrency']}
          />
          <Select
            label="Fiscal year starts in"
            data={MONTHS}
            value={v.fiscalYearStartMonth}
            onChange={set('fiscalYearStartMonth')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label="First branch code"
            description="e.g. NYC"
            value={v.branchCode}
            onChange={(e) => set('branchCode')(e.currentTarget.value)}
            error={errors['branch.code']}
          />
          <TextInput
            label="First branch name"
            value={v.branchName}
            onChange={(e) => set('branchName')(e.currentTarget.value)}
            error={errors['branch.name']}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label="This device's letter"
            description="Numbers this device issues carry it"
            value={v.letter}
            maxLength={1}
            onChange={(e) => set('letter')(e.currentTarget.value.toUpperCase())}
            error={errors['device.letter']}
          />
          <TextInput
            label="Device name"
            description="e.g. Front desk PC"
            value={v.deviceLabel}
            onChange={(e) => set('deviceLabel')(e.currentTarget.value)}
            error={errors['device.label']}
          />
        </SimpleGrid>
        <TextInput
          label="Your name"
          value={v.userName}
          onChange={(e) => set('userName')(e.currentTarget.value)}
          error={errors.userName}
        />
        <Text size="sm" c="dimmed">
          The chart of accounts comes next, when you first open Accounts: the starter chart, or your
          own chart imported from a spreadsheet (CSV) with your own account codes.
        </Text>
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            Back
          </Button>
          <Button type="submit" loading={isLoading}>
            Create company
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
