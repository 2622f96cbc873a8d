import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Text } from '@mantine/core';
import { toDecimalString, money } from '../../../core/money';
import { useAccountsDashboardQuery, useLedgerSetupQuery } from './api';
import { moneyText } from './format';

/** Cash, receivables, payables and a 12-month income/expense chart, from the index aggregates. */
export function AccountsDashboardCards() {
  const { data: setup } = useLedgerSetupQuery();
  const { data } = useAccountsDashboardQuery({}, { skip: !setup?.ready });
  if (!setup?.ready || !data) return null;
  const cur = setup.baseCurrency;
  const chart = data.months.map((m) => ({
    month: m.month,
    Income: Number(toDecimalString(money(m.income, cur))),
    Expenses: Number(toDecimalString(money(m.expense, cur))),
  }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label="Cash position" value={moneyText(data.cash, cur)} testId="dash-cash" />
        <Figure
          label="Receivables"
          value={moneyText(data.receivables, cur)}
          note={`${moneyText(data.overdueReceivables, cur)} overdue`}
          testId="dash-receivables"
        />
        <Figure
          label="Payables"
          value={moneyText(data.payables, cur)}
          note={`${moneyText(data.overduePayables, cur)} overdue`}
          testId="dash-payables"
        />
      </SimpleGrid>
      <Card withBorder>
        <Text fw={600} mb="xs">
          Income and expenses, last 12 months ({cur})
        </Text>
        <BarChart
          h={220}
          data={chart}
          dataKey="month"
          series={[
            { name: 'Income', color: 'teal.6' },
            { name: 'Expenses', color: 'orange.6' },
          ]}
          tickLine="y"
          withLegend
          aria-label="Income and expenses by month"
        />
      </Card>
    </>
  );
}

function Figure({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
}) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}
