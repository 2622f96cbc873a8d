import { Group, Text } from '@mantine/core';
import { moneyText } from '../format';
import type { LiveTotals } from './trade-lines';

/** Net, tax and total as typed so far, and why a total cannot be shown exactly. */
export function TradeTotals({ totals, currency }: { totals: LiveTotals; currency: string }) {
  return (
    <>
      <Group justify="flex-end" gap="xl" aria-label="Totals" role="group">
        <Total label="Net" testId="trade-net" value={moneyText(totals.net, currency)} />
        <Total label="Tax" testId="trade-tax" value={moneyText(totals.tax, currency)} />
        <Total
          label="Total"
          testId="trade-total"
          value={moneyText(totals.gross, currency)}
          strong
        />
      </Group>
      {totals.problem && (
        <Text size="sm" c="orange">
          {totals.problem}
        </Text>
      )}
    </>
  );
}

function Total({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed" ta="right">
        {label}
      </Text>
      <Text
        size={strong ? 'lg' : 'sm'}
        fw={strong ? 700 : 500}
        ta="right"
        data-testid={testId}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
    </div>
  );
}
