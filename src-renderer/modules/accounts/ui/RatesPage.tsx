import { Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { todayLocal } from '../../../core/dates';
import { errorFields, errorMessage, type FieldErrors } from '../../../ui/form-errors';
import { CURRENCIES } from '../../../ui/options';
import { useLedgerSetupQuery, useRatesQuery, useSaveRateMutation } from './api';
import { usePermissions } from '../../../client/permissions';

/** The company's exchange rate table: documents in a foreign currency take the latest rate on or before their date. */
export function RatesPage() {
  const { data: setup } = useLedgerSetupQuery();
  const { data: rates = [] } = useRatesQuery();
  const [save, { isLoading }] = useSaveRateMutation();
  const { manageMaster } = usePermissions();
  const base = setup?.baseCurrency ?? '';
  const [v, setV] = useState({ date: todayLocal(), currency: '', rate: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const res = await save({ ...v, rate: v.rate.trim() });
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    setErrors({});
    setV({ ...v, rate: '' });
  }

  return (
    <Stack>
      {manageMaster && (
        <Card withBorder>
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Text fw={600}>Add a rate</Text>
              <Text size="sm" c="dimmed">
                How many {base} one unit of the currency is worth on that date. Documents and
                payments in that currency use the latest rate on or before their date unless a rate
                is typed on them. Rates are company master data (administrator or head office).
              </Text>
              <Group align="flex-end">
                <TextInput
                  type="date"
                  label="Date"
                  value={v.date}
                  onChange={(e) => setV({ ...v, date: e.currentTarget.value })}
                  error={errors.date}
                />
                <Select
                  label="Currency"
                  data={CURRENCIES.filter((c) => c !== base)}
                  value={v.currency || null}
                  searchable
                  onChange={(c) => setV({ ...v, currency: c ?? '' })}
                  error={errors.currency}
                />
                <TextInput
                  label={`Rate (${base} per unit)`}
                  value={v.rate}
                  onChange={(e) => setV({ ...v, rate: e.currentTarget.value })}
                  error={errors.rate}
                  placeholder="1.0825"
                />
                <Button type="submit" loading={isLoading}>
                  Save rate
                </Button>
              </Group>
              {failure && <Alert color="red">{failure}</Alert>}
            </Stack>
          </form>
        </Card>
      )}
      <Table striped aria-label="Exchange rates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Currency</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th ta="right">Rate ({base} per unit)</Table.Th>
            <Table.Th>Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text c="dimmed" size="sm">
                  No rates yet.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rates.map((r) => (
            <Table.Tr key={r._id} data-testid={`rate-${r.currency}-${r.date}`}>
              <Table.Td>{r.currency}</Table.Td>
              <Table.Td>{r.date}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {r.rate}
              </Table.Td>
              <Table.Td>{r.source}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
