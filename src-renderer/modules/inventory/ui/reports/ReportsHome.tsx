import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { LockedPeriodMoves } from './LockedPeriodMoves';

const REPORTS = [
  ['stock', 'Stock on hand', 'Quantity and value per warehouse, one branch or all, as of a day.'],
  ['ledger', 'Item stock ledger', 'Every move of one item with the running quantity and value.'],
  ['valuation', 'Stock valuation', 'What the stock is worth per item and in total.'],
  ['negative', 'Negative stock', 'Items below zero and the deliveries that took them there.'],
  [
    'movement',
    'Stock movement summary',
    'Opening, in, out and closing per warehouse for a period.',
  ],
  ['ageing', 'Stock ageing and slow movers', 'How old the stock is, and what has not gone out.'],
  ['reorder', 'Reorder suggestions', 'What to buy: stock and open orders against reorder rules.'],
  [
    'open-orders',
    'Open orders',
    'Purchase and sales orders with goods still to receive or deliver.',
  ],
] as const;

export function ReportsHome() {
  return (
    <Stack gap="sm">
      <Title order={3}>Inventory reports</Title>
      <LockedPeriodMoves />
      {REPORTS.map(([path, title, what]) => (
        <div key={path}>
          <Anchor component={Link} to={`/inventory/reports/${path}`} fw={600}>
            {title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {what}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
