import { Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { formatDate } from '../../../core/format';
import { useState } from 'react';
import { todayLocal } from '../../../core/dates';
import { FormScaffold } from '../../../ui/form/FormScaffold';
import { DateInput } from '../../../ui/inputs/DateInput';
import { QuantityInput } from '../../../ui/inputs/QuantityInput';
import { useInputLocale } from '../../../ui/inputs/input-locale';
import { formatQuantity } from '../../../ui/inputs/number-format';
import { CURRENCIES } from '../../../ui/options';
import { currencyRateFieldsSchema } from '../domain/schemas';
import { useLedgerSetupQuery, useRatesQuery, useSaveRateMutation } from './api';
import { usePermissions } from '../../../client/permissions';
import { useSlips, withEmptyMessages } from './typed-form';
import { RecordPicker } from '../../../ui/inputs/RecordPicker';

/** Up to ten decimals, as the rate schema allows ("0.0091324587"). */
const RATE_DECIMALS = 10;

const rateForm = withEmptyMessages(currencyRateFieldsSchema, {
  date: 'Enter the date the rate applies from.',
  currency: 'Choose the currency.',
  rate: 'Enter the rate.',
});

/** The company's exchange rate table: documents in a foreign currency take the latest rate on or before their date. */
export function RatesPage() {
  const { data: setup } = useLedgerSetupQuery();
  const { data: rates = [] } = useRatesQuery();
  const { manageMaster } = usePermissions();
  const base = setup?.baseCurrency ?? '';

  return (
    <Stack>
      {manageMaster && (
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Add a rate</Text>
            <Text size="sm" c="dimmed">
              How many {base} one unit of the currency is worth on that date. Documents and payments
              in that currency use the latest rate on or before their date unless a rate is typed on
              them. Rates are company master data (administrator or head office).
            </Text>
            <RateForm base={base} />
          </Stack>
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
              <Table.Td>{formatDate(r.date)}</Table.Td>
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

function RateForm({ base }: { base: string }) {
  const [save] = useSaveRateMutation();
  const [v, setV] = useState<{ date: string | null; currency: string | null; rate: string | null }>(
    { date: todayLocal(), currency: null, rate: null },
  );
  const slips = useSlips();
  const locale = useInputLocale(undefined);
  return (
    <FormScaffold
      schema={rateForm}
      values={v}
      onSubmit={(fields) => save(fields)}
      // The next rate is often for the same currency on another date: keep both, clear the rate.
      onSaved={() => setV((x) => ({ ...x, rate: null }))}
      submitLabel="Save rate"
      aria-label="Add a rate"
    >
      {(form) => (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput
            label="Date"
            value={v.date}
            onChange={(date, text) => {
              slips.note('date', date, text);
              setV((x) => ({ ...x, date }));
            }}
            error={slips.error('date', form.error('date'))}
          />
          <RecordPicker
            label="Currency"
            data={CURRENCIES.filter((c) => c !== base)}
            value={v.currency}
            onChange={(currency) => setV((x) => ({ ...x, currency }))}
            error={form.error('currency')}
          />
          <QuantityInput
            label={`Rate (${base} per unit)`}
            precision={RATE_DECIMALS}
            value={v.rate}
            onChange={(rate, text) => {
              slips.note('rate', rate, text);
              setV((x) => ({ ...x, rate }));
            }}
            error={slips.error('rate', form.error('rate'))}
            placeholder={formatQuantity('1.0825', 4, locale)}
          />
        </SimpleGrid>
      )}
    </FormScaffold>
  );
}
