import { Alert, List, Text } from '@mantine/core';
import { useMatchBillQuery } from './api';
import { useItemLabel } from './OrdersPage';

/** The three-way match of one bill against its order and receipts, in words. */
export function MatchResult({ bill }: { bill: string }) {
  const { data, error } = useMatchBillQuery({ id: bill });
  const label = useItemLabel();
  if (error) return <Alert color="red">{(error as Error).message}</Alert>;
  if (!data) return <Text>Checking the bill against the order…</Text>;
  const flagged = data.filter((m) => m.flag);
  if (!flagged.length)
    return (
      <Alert color="green" title="Bill matches">
        The bill agrees with the order and with what was received.
      </Alert>
    );
  return (
    <Alert color="orange" title="Bill differs from the order or the receipts">
      <List>
        {flagged.map((m) => (
          <List.Item key={m.orderLine}>
            Line {m.orderLine + 1} ({label(m.item)}): {m.flag}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
