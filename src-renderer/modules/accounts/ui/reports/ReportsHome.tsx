import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

const REPORTS = [
  {
    to: 'trial-balance',
    title: 'Trial balance',
    text: 'Every account’s debit or credit balance on a date, to check that the books balance.',
  },
  {
    to: 'profit-and-loss',
    title: 'Profit and loss',
    text: 'Income, cost of sales and expenses for a period, with net profit and an optional comparison.',
  },
  {
    to: 'balance-sheet',
    title: 'Balance sheet',
    text: 'What the business owns and owes on a date: assets, liabilities and equity.',
  },
  {
    to: 'aged-receivables',
    title: 'Aged receivables',
    text: 'What each customer owes, by how long it is overdue: current, 1–30, 31–60, 61–90, 90+ days.',
  },
  {
    to: 'tax-summary',
    title: 'Tax summary',
    text: 'Output and input tax per tax code for a period, tied to the tax accounts in the ledger.',
  },
  {
    to: 'aged-payables',
    title: 'Aged payables',
    text: 'What the company owes each supplier, by how long it is overdue.',
  },
];

export function ReportsHome() {
  return (
    <Stack>
      <Title order={2}>Reports</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {REPORTS.map((r) => (
          <Card key={r.to} withBorder>
            <Anchor component={Link} to={r.to} relative="path" fw={600}>
              {r.title}
            </Anchor>
            <Text size="sm" c="dimmed" mt={4}>
              {r.text}
            </Text>
          </Card>
        ))}
        <Card withBorder>
          <Text fw={600}>General ledger</Text>
          <Text size="sm" c="dimmed" mt={4}>
            Every posting to one account with a running balance: open it from an account code in any
            report, or pick an account in the{' '}
            <Anchor component={Link} to="../chart" relative="path">
              chart of accounts
            </Anchor>
            .
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
