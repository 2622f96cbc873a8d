import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatDate } from '../../../../core/format';
import type { ReconciliationView } from '../../banking-contract';
import { moneyText } from '../format';

/** Statement balance, book balance, reconciled, difference. */
export function SummaryBar({ view }: { view: ReconciliationView }) {
  const c = view.account.currency;
  const s = view.summary;
  const stat = (label: string, value: string, testId: string, color?: string) => (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed" id={`${testId}-label`}>
        {label}
      </Text>
      <Text
        fw={700}
        c={color}
        data-testid={testId}
        aria-labelledby={`${testId}-label`}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
    </Paper>
  );
  return (
    <SimpleGrid
      cols={{ base: 2, md: 4 }}
      role="group"
      aria-label={`Reconciliation summary as of ${formatDate(view.asOf)}`}
    >
      {stat(
        'Statement balance',
        s.statementBalance === null ? '—' : moneyText(s.statementBalance, c),
        'bank-statement-balance',
      )}
      {stat(
        `Balance in the books (${formatDate(view.asOf)})`,
        moneyText(s.bookBalance, c),
        'bank-book-balance',
      )}
      {stat('Reconciled', moneyText(s.reconciled, c), 'bank-reconciled')}
      {stat(
        'Difference',
        s.difference === null ? '—' : moneyText(s.difference, c),
        'bank-difference',
        s.difference === 0 ? 'teal' : 'red',
      )}
    </SimpleGrid>
  );
}
