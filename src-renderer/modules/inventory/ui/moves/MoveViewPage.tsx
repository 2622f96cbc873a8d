import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { formatDate, formatMoney } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import { useItemsQuery, useStockMoveQuery, useWarehousesQuery } from '../api';
import { useInventoryContext } from '../context';
import { MOVE_WORDS, qtyText } from '../format';
import type { MoveEntryState } from './MoveEntryPage';
import { LabelsDialog } from '../LabelsDialog';
import { correctionOf } from './move-lines';
import { receiptLabels } from './receipt-labels';

/**
 * A count and an adjustment keep only the change, so their column says so: under 'Quantity' a
 * count's −2 read as if the clerk had counted minus two. The same words as the entry form's.
 */
const QTY_HEADER: Partial<Record<string, string>> = {
  count: 'Difference',
  adjustment: 'Change (+ or −)',
};

/** A saved move, read-only: it is a fact. "Correct" starts a new move that names this one. */
export function MoveViewPage() {
  const id = decodeURIComponent(useParams().id ?? '');
  const warnings = (useLocation().state as { warnings?: string[] } | null)?.warnings ?? [];
  const navigate = useNavigate();
  const { currency } = useInventoryContext();
  const { data: move, error, isLoading } = useStockMoveQuery({ id });
  const { data: items } = useItemsQuery({ includeArchived: true });
  const { data: warehouses } = useWarehousesQuery({});
  const [printing, setPrinting] = useState(false);
  if (isLoading) return <Loader aria-label="Loading the move" />;
  if (error || !move) return <Alert color="red">{errorMessage(error)}</Alert>;
  const item = (id: string) => items?.find((i) => i._id === id);
  const wh = (id: string | null) => {
    const w = warehouses?.find((x) => x._id === id);
    return w ? `${w.code} ${w.name}` : '';
  };
  const labels = printing && items ? receiptLabels(move, items) : null;
  const correct = () => {
    const c = correctionOf(move);
    const state: MoveEntryState = {
      corrects: move._id,
      reference:
        (move.number ?? move.reference)
          ? `Correction of ${move.number ?? move.reference}`.slice(0, 60)
          : 'Correction',
      warehouse: c.warehouse,
      toWarehouse: c.toWarehouse,
      lines: c.lines,
    };
    navigate(`/inventory/moves/new/${c.kind}`, { state });
  };
  return (
    <Stack gap="sm">
      <Title order={3}>
        {MOVE_WORDS[move.kind]} {move.number ?? move.reference}
      </Title>
      {move.number && move.reference && <Text size="sm">Reference {move.reference}</Text>}
      {warnings.length > 0 && (
        <Alert color="yellow" title="Saved, with a warning">
          {warnings.map((w) => (
            <Text key={w} size="sm">
              {w}
            </Text>
          ))}
        </Alert>
      )}
      <Text size="sm">
        {formatDate(move.date)} · {wh(move.warehouse)}
        {move.toWarehouse ? ` → ${wh(move.toWarehouse)}` : ''}
        {move.memo ? ` · ${move.memo}` : ''}
      </Text>
      {move.corrects && <Text size="sm">This move corrects an earlier one.</Text>}
      <Table aria-label="Lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">{QTY_HEADER[move.kind] ?? 'Quantity'}</Table.Th>
            <Table.Th ta="right">Unit cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {move.lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {item(l.item) ? `${item(l.item)!.sku} ${item(l.item)!.name}` : 'Unknown item'}
              </Table.Td>
              <Table.Td ta="right">{qtyText(l.qty, l.unit)}</Table.Td>
              <Table.Td ta="right">
                {l.unitCost === null ? '' : formatMoney(l.unitCost, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        A saved move cannot be changed or deleted. Correct it with a new move that records the
        difference.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => navigate('/inventory/moves')}>
          Back
        </Button>
        {move.kind === 'receipt' && (
          <Button variant="default" onClick={() => setPrinting(true)} disabled={!items}>
            Print labels
          </Button>
        )}
        <Button onClick={correct}>Correct</Button>
      </Group>
      {labels && (
        <LabelsDialog
          opened
          items={labels.choices}
          note={labels.note}
          onClose={() => setPrinting(false)}
        />
      )}
    </Stack>
  );
}
