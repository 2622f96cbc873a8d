import { Button, Stack, Table, Text } from '@mantine/core';
import { formatDate } from '../../../../core/format';
import type { ReconciliationView } from '../../banking-contract';
import { moneyText } from '../format';
import { BookLabel } from './BookLabel';

export function MatchedList({
  view,
  busy,
  onUnmatch,
}: {
  view: ReconciliationView;
  busy: boolean;
  onUnmatch: (matchId: string) => void;
}) {
  const c = view.account.currency;
  if (view.matches.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600}>Matched</Text>
      <Table withTableBorder aria-label="Matched bank lines and entries" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bank</Table.Th>
            <Table.Th>Books</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.matches.map((m) => {
            const total = m.statementLines.reduce((n, l) => n + l.amount, 0);
            return (
              <Table.Tr key={m.id} data-testid={`bank-match-${m.id}`}>
                <Table.Td>
                  {m.statementLines.map((l) => (
                    <div key={l.id}>
                      {formatDate(l.date)} · {l.description || l.counterparty}
                    </div>
                  ))}
                </Table.Td>
                <Table.Td>
                  {m.ledgerLines.map((l) => (
                    <div key={l.id}>
                      <BookLabel line={l} /> ({moneyText(l.amount, c)})
                    </div>
                  ))}
                </Table.Td>
                <Table.Td ta="right">{moneyText(total, c)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={busy}
                    aria-label={`Unmatch ${formatDate(m.statementLines[0]?.date ?? '')} ${moneyText(total, c)}`}
                    onClick={() => onUnmatch(m.id)}
                  >
                    Unmatch
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
