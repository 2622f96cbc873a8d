import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatCount, formatDate } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { MOVE_KINDS, type MoveKind } from '../../domain/move-schema';
import type { MoveListEntry } from '../../rpc-contract';
import { useItemsQuery, useMovesQuery } from '../api';
import { useInventoryContext } from '../context';
import { MOVE_WORDS } from '../format';

/** Rows per page: a page is one index read, and a clerk looking further back narrows the dates. */
export const MOVES_PAGE = 100;

const columns: GridColumn<MoveListEntry>[] = [
  { id: 'date', header: 'Date', width: '110px', cell: (m) => formatDate(m.date) },
  {
    id: 'kind',
    header: 'Kind',
    width: '170px',
    cell: (m) => `${MOVE_WORDS[m.kind]}${m.corrects ? ' (correction)' : ''}`,
  },
  { id: 'number', header: 'Number', width: '160px', cell: (m) => m.number },
  { id: 'reference', header: 'Reference', width: '150px', cell: (m) => m.reference },
  { id: 'what', header: 'Items', width: 'minmax(160px, 2fr)', cell: (m) => m.what },
  { id: 'where', header: 'Warehouse', width: 'minmax(140px, 1fr)', cell: (m) => m.where },
  { id: 'memo', header: 'Memo', width: 'minmax(100px, 1fr)', cell: (m) => m.memo },
];

/** This branch's past receipts, deliveries, counts and adjustments, newest first; Enter opens one. */
export function MovesListPage() {
  const navigate = useNavigate();
  const { branch } = useInventoryContext();
  const [kind, setKind] = useState<MoveKind | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [item, setItem] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const { data: items } = useItemsQuery({ includeArchived: true });
  const swapped = !!from && !!to && from > to;
  const { currentData, error, isFetching } = useMovesQuery(
    { branch, kind, from, to, item, offset: page * MOVES_PAGE, limit: MOVES_PAGE },
    { skip: !branch || swapped },
  );
  const total = currentData?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / MOVES_PAGE));
  // A new filter starts from its first page.
  const filter =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setPage(0);
    };
  return (
    <Stack gap="sm">
      <Title order={3}>Past moves</Title>
      <Group align="flex-end">
        <Select
          label="Kind"
          placeholder="All kinds"
          data={MOVE_KINDS.map((k) => ({ value: k, label: MOVE_WORDS[k] }))}
          value={kind}
          onChange={filter((v: string | null) => setKind(v as MoveKind | null))}
          clearable
          w={200}
        />
        <DateInput label="From" value={from} onChange={filter(setFrom)} w={150} />
        <DateInput label="To" value={to} onChange={filter(setTo)} w={150} />
        <RecordPicker
          label="Item"
          placeholder="Every item"
          data={(items ?? []).map((i) => ({ value: i._id, label: `${i.sku} ${i.name}` }))}
          value={item}
          onChange={filter(setItem)}
          clearable
          w={300}
        />
      </Group>
      {swapped && (
        <Alert color="yellow" role="alert">
          The From day is after the To day. Swap them to see moves.
        </Alert>
      )}
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <DataGrid
        label="Past moves"
        columns={columns}
        rows={currentData?.rows ?? []}
        rowKey={(m) => m.id}
        variant="list"
        height="min(60vh, 640px)"
        onActivate={(m) => navigate(`/inventory/moves/${encodeURIComponent(m.id)}`)}
        empty={
          isFetching
            ? 'Loading the moves…'
            : kind || from || to || item
              ? 'No move matches these filters.'
              : 'No moves yet. Receive, deliver or count stock and it is listed here.'
        }
      />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {total === 0
            ? ''
            : `Moves ${formatCount(page * MOVES_PAGE + 1)}–${formatCount(
                Math.min(total, (page + 1) * MOVES_PAGE),
              )} of ${formatCount(total)}, newest first`}
        </Text>
        {pages > 1 && (
          <Group gap="xs">
            <Button variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </Button>
            <Button
              variant="default"
              disabled={page >= pages - 1}
              onClick={() => setPage(page + 1)}
            >
              Older
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
