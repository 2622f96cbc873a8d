import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';
import { todayLocal } from '../../../core/dates';
import { useLedgerCheckQuery } from './api';
import { valueText } from './format';

/**
 * The inventory accounts in the ledger against the valuation report (issue 12). Stock moves post
 * what the valuation moved, so they agree unless something else touched those accounts; the
 * card says so in words, with what to look for.
 */
export function LedgerCheckCard({ currency }: { currency: string }) {
  const { data: c } = useLedgerCheckQuery({ asOf: todayLocal() });
  if (!c) return null;
  const money = (n: number) => valueText(n, currency);
  const said = c.missing.length
    ? {
        color: 'orange',
        text: 'Stock moves are not in the books yet: choose the stock accounts in Inventory settings.',
      }
    : c.difference === 0
      ? {
          color: undefined,
          text: `Inventory in the books ${money(c.books)} = valuation ${money(c.valuation)}`,
        }
      : {
          color: 'red',
          text: `Inventory in the books ${money(c.books)}, valuation ${money(c.valuation)}: the books show ${money(Math.abs(c.difference))} ${c.difference > 0 ? 'more' : 'less'}. Look for journal entries by hand to account ${c.accounts.join(', ')}.`,
        };
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        Stock in the books
      </Text>
      <Text fw={700} c={said.color} data-testid="dash-ledger-check">
        {said.text}
      </Text>
      {c.missing.length > 0 && (
        <Anchor component={Link} to="/inventory/settings" size="sm">
          Choose the accounts
        </Anchor>
      )}
    </Card>
  );
}
