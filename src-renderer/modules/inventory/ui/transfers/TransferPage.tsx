import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../../core/format';
import { useTransferQuery } from './api';
import { useTransferContext } from './TransfersPage';
import { money, qty, statusWords } from './words';

/** One transfer: what was sent, each receipt, and per line what is still on the way or short. */
export function TransferPage() {
  const { id = '' } = useParams();
  const { currency, branch } = useTransferContext();
  const { data: t, error } = useTransferQuery({ id });
  if (error) return <Alert color="red">{(error as Error).message}</Alert>;
  if (!t) return <Text>Loading the transfer…</Text>;
  const stillComing = t.status !== 'received';
  // Only the destination records a receipt (the server refuses anyone else's), so no one else is
  // offered a form that could only fail on saving.
  const canReceive = stillComing && t.to === branch;
  return (
    <Stack gap="sm">
      <Title order={3}>
        Transfer {t.number}: {t.fromName} → {t.toName}
      </Title>
      <Text>
        Sent {formatDate(t.date)} from warehouse {t.fromWarehouseCode || t.fromWarehouse}. State:{' '}
        <b data-testid="transfer-state">{statusWords(t)}</b>. Value sent {money(t.value, currency)};
        on the way {money(t.inTransitValue, currency)}
        {t.shortValue ? `; short ${money(t.shortValue, currency)}` : ''}.
      </Text>
      {t.memo && <Text>{t.memo}</Text>}
      {stillComing && branch && !canReceive && (
        <Text data-testid="who-receives">
          {t.toName} receives these goods: only a clerk there records what arrived.
        </Text>
      )}
      {canReceive && (
        <Group>
          <Button component={Link} to={`/inventory/transfers/${encodeURIComponent(t.id)}/receive`}>
            Receive goods
          </Button>
        </Group>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Sent</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th>On the way</Table.Th>
            <Table.Th>Short</Table.Th>
            <Table.Th>Unit cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {t.lines.map((l) => (
            <Table.Tr key={l.line}>
              <Table.Td>
                {l.sku} {l.name}
              </Table.Td>
              <Table.Td>{qty(l.dispatched, l.unit)}</Table.Td>
              <Table.Td>
                {qty(l.received, l.unit)}
                {l.over !== '0' ? ` (${qty(l.over, l.unit)} more than sent)` : ''}
              </Table.Td>
              <Table.Td>{l.inTransit === '0' ? '' : qty(l.inTransit, l.unit)}</Table.Td>
              <Table.Td>{l.short === '0' ? '' : qty(l.short, l.unit)}</Table.Td>
              <Table.Td>{money(l.unitCost, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>Receipts</Title>
      {t.receipts.length === 0 ? (
        <Text c="dimmed">Nothing has been received yet.</Text>
      ) : (
        t.receipts.map((r) => (
          <Text key={r.id}>
            {formatDate(r.date)} into {r.warehouseCode || 'a warehouse of ' + t.toName}:{' '}
            {r.lines
              .map((l) => {
                const on = t.lines[l.line];
                return `${qty(l.qty, on?.unit)} ${on?.sku ?? ''}`;
              })
              .join(', ') || 'nothing'}
            {r.closesShort ? ' — closed as short' : ''}
          </Text>
        ))
      )}
      {t.ignored.map((g) => (
        <Alert key={g.id} color="yellow">
          {g.reason}
        </Alert>
      ))}
    </Stack>
  );
}
