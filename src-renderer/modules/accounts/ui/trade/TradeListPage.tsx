import { Alert, Badge, Button, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import { formatCount, formatDate } from '../../../../core/format';
import { moneyText } from '../format';
import { useTradeDocListQuery, useTradeOpenItemsQuery, useTradePartiesQuery } from './api';
import {
  partiesFor,
  sideLabels,
  STATUS_COLOR,
  statusLabel,
  type TradeSideUi,
} from './trade-labels';
import { filterTradeRows, tradeListRows } from './trade-list-rows';
import { Announced } from './Announced';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';

const STATUS_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'unpaid', label: 'Unpaid' },
  { value: 'draft', label: 'Draft' },
  { value: 'open', label: 'Open' },
  { value: 'partly-paid', label: 'Partly paid' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
];

/**
 * Invoices and credit notes (sales) or bills and supplier credits (purchases): issued documents
 * with their derived open amount, plus drafts. Routes: /accounts/sales, /accounts/purchases.
 */
export function TradeListPage({ side }: { side: TradeSideUi }) {
  // Keyed by side: the sales and purchases routes share this component, never their state.
  return <TradeListPageInner key={side} side={side} />;
}

function TradeListPageInner({ side }: { side: TradeSideUi }) {
  const navigate = useNavigate();
  const labels = useMemo(() => sideLabels(side), [side]);
  const [status, setStatus] = useState('all');
  const [partyId, setPartyId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 150);
  const { data: parties = [] } = useTradePartiesQuery();
  const posted = useTradeOpenItemsQuery({ side });
  const drafts = useTradeDocListQuery({ type: 'tradeDoc', status: 'draft', limit: 5000 });
  const names = useMemo(() => new Map(parties.map((p) => [p._id, p.name])), [parties]);
  const all = useMemo(
    () => tradeListRows(side, posted.currentData ?? [], drafts.currentData?.rows ?? []),
    [side, posted.currentData, drafts.currentData],
  );
  const rows = useMemo(
    () => filterTradeRows(all, { status, partyId, text: search }, (id) => names.get(id) ?? ''),
    [all, status, partyId, search, names],
  );
  const loading = posted.isLoading || drafts.isLoading;
  const failure = posted.error ?? drafts.error;
  const open = (id: string) => navigate(`${labels.listPath}/${id}`);
  const columns = useMemo(() => tradeListColumns(labels, names), [labels, names]);

  return (
    <>
      <Announced />
      <Group justify="space-between" mb="xs">
        <Title order={3}>{labels.title}</Title>
        <Group gap="xs">
          <Button size="xs" onClick={() => navigate(`${labels.listPath}/new?kind=invoice`)}>
            {labels.newInvoice}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => navigate(`${labels.listPath}/new?kind=credit`)}
          >
            {labels.newCredit}
          </Button>
          <Button size="xs" variant="default" onClick={() => navigate(labels.payPath)}>
            {labels.pay}
          </Button>
        </Group>
      </Group>
      <Group mb="xs" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Number, reference, name"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={240}
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={status}
          allowDeselect={false}
          onChange={(v) => setStatus(v ?? 'all')}
          w={150}
        />
        <RecordPicker
          label={labels.party}
          placeholder="Everyone"
          data={partiesFor(parties, side).map((p) => ({
            value: p._id,
            label: `${p.code} ${p.name}`,
          }))}
          value={partyId}
          onChange={setPartyId}
          clearable
          w={260}
        />
      </Group>
      {failure && <Alert color="red">{errorMessage(failure)}</Alert>}
      <Text size="xs" c="dimmed">
        {loading ? '' : `${formatCount(rows.length)} of ${formatCount(all.length)} documents`}
      </Text>
      <DataGrid
        label={`${labels.title} documents`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId={(r) => `trade-row-${r.number || r.id}`}
        onActivate={(r) => open(r.id)}
        height="min(60vh, 640px)"
        empty={
          <Text c="dimmed">
            {loading
              ? 'Loading…'
              : all.length
                ? 'No documents match the filters.'
                : `Nothing yet. Press “${labels.newInvoice}” to start.`}
          </Text>
        }
      />
    </>
  );
}

type ListRow = ReturnType<typeof tradeListRows>[number];

function tradeListColumns(
  labels: ReturnType<typeof sideLabels>,
  names: ReadonlyMap<string, string>,
): GridColumn<ListRow>[] {
  return [
    { id: 'date', header: 'Date', width: '100px', cell: (r) => formatDate(r.date) },
    {
      id: 'number',
      header: 'Number',
      width: '200px',
      cell: (r) => (
        <>
          {r.number || '—'}
          {r.kind === 'credit' && (
            <Badge ml={4} size="xs" variant="outline">
              {labels.credit}
            </Badge>
          )}
        </>
      ),
    },
    {
      id: 'party',
      header: labels.party,
      width: '1fr',
      cell: (r) => names.get(r.partyId) ?? r.partyId,
    },
    {
      id: 'due',
      header: 'Due',
      width: '100px',
      cell: (r) => (r.dueDate ? formatDate(r.dueDate) : '—'),
    },
    {
      id: 'status',
      header: 'Status',
      width: '100px',
      cell: (r) => (
        <Badge size="xs" variant="light" color={STATUS_COLOR[r.status] ?? 'gray'}>
          {statusLabel(r.status)}
        </Badge>
      ),
    },
    {
      id: 'total',
      header: 'Total',
      width: '150px',
      align: 'right',
      cell: (r) => moneyText(r.gross, r.currency),
    },
    {
      id: 'open',
      header: 'Open',
      width: '150px',
      align: 'right',
      cell: (r) => (r.status === 'draft' ? '' : moneyText(r.open, r.currency)),
    },
  ];
}
