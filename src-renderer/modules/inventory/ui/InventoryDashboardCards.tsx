import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { todayLocal } from '../../../core/dates';
import { countOf } from '../../../core/format';
import { useNegativeStockQuery, useValuationQuery } from './api';
import { useInventoryContext } from './context';
import { LedgerCheckCard } from './LedgerCheckCard';
import { valueText } from './format';

/**
 * The stock's value today, how many items are below zero (never hidden, DESIGN) and whether
 * the books' inventory equals the valuation.
 */
export function InventoryDashboardCards() {
  const { currency, branch } = useInventoryContext();
  const { data: v } = useValuationQuery({ asOf: todayLocal() }, { skip: !branch });
  const { data: negative } = useNegativeStockQuery({}, { skip: !branch });
  if (!v || !negative || (v.rows.length === 0 && negative.length === 0)) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          Stock value
        </Text>
        <Text size="xl" fw={700} data-testid="dash-stock-value">
          {valueText(v.total, currency)}
        </Text>
      </Card>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          Negative stock
        </Text>
        <Text size="xl" fw={700} c={negative.length ? 'red' : undefined}>
          {negative.length ? countOf(negative.length, 'item') + ' below zero' : 'None'}
        </Text>
        {negative.length > 0 && (
          <Anchor component={Link} to="/inventory/reports/negative" size="sm">
            See the moves
          </Anchor>
        )}
      </Card>
      <LedgerCheckCard currency={currency} />
    </SimpleGrid>
  );
}
