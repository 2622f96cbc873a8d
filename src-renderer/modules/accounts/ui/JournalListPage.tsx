import { Badge, Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isIsoDate } from '../../../core/dates';
import { useDocsQuery } from './api';
import { moneyText } from './format';
import { countOf, formatCount, formatDate } from '../../../core/format';
import { DateInput } from '../../../ui/inputs/DateInput';
import { SEARCH_SCAN_LIMIT } from '../rpc-contract';
import { DataGrid, type GridColumn } from '../../../ui/grid/DataGrid';

type Row = NonNullable<ReturnType<typeof useDocsQuery>['data']>['rows'][number];

const COLUMNS: GridColumn<Row>[] = [
  { id: 'date', header: 'Date', width: '110px', cell: (r) => formatDate(r.date) },
  { id: 'number', header: 'Number', width: '170px', cell: (r) => r.number || '—' },
  { id: 'memo', header: 'Memo', width: '1fr', cell: (r) => r.memo },
  {
    id: 'status',
    header: 'Status',
    width: '90px',
    cell: (r) => (
      <Badge size="xs" variant="light" color={r.status === 'posted' ? 'teal' : 'gray'}>
        {r.status === 'posted' ? 'Posted' : 'Draft'}
      </Badge>
    ),
  },
  {
    id: 'amount',
    header: 'Amount',
    width: '160px',
    align: 'right',
    cell: (r) => moneyText(r.total, r.currency),
  },
];

/** Newest first, searchable, virtualised: stays smooth with years of entries. */
export function JournalListPage() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<'all' | 'draft' | 'posted'>('all');
  const [range, setRange] = useState({ from: '', to: '' });
  const [search] = useDebouncedValue(text, 200);
  const { data } = useDocsQuery({
    type: 'journalEntry',
    text: search || undefined,
    status: status === 'all' ? undefined : status,
    ...(isIsoDate(range.from) ? { from: range.from } : {}),
    ...(isIsoDate(range.to) ? { to: range.to } : {}),
    limit: 5000,
  });
  const rows = data?.rows ?? [];

  return (
    <>
      <Group justify="space-between">
        <Group>
          <TextInput
            placeholder="Search number, memo, reference"
            aria-label="Search entries"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={280}
          />
          <DateInput
            aria-label="From date"
            value={range.from || null}
            onChange={(iso) => setRange({ ...range, from: iso ?? '' })}
            w={150}
          />
          <DateInput
            aria-label="To date"
            value={range.to || null}
            onChange={(iso) => setRange({ ...range, to: iso ?? '' })}
            w={150}
          />
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'draft', label: 'Drafts' },
              { value: 'posted', label: 'Posted' },
            ]}
          />
        </Group>
        <Button size="xs" onClick={() => navigate('/accounts/journal/new')}>
          New entry
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {data ? countOf(data.total, 'entry', 'entries') : ''}
        {data?.searchLimited
          ? ` among the newest ${formatCount(SEARCH_SCAN_LIMIT)} — pick a date range to search further back`
          : ''}
      </Text>
      <DataGrid
        label="Journal entries"
        columns={COLUMNS}
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId={(r) => `journal-row-${r.number || r.id}`}
        onActivate={(r) => navigate(`/accounts/journal/${r.id}`)}
        height="min(60vh, 640px)"
        empty={
          <Text c="dimmed">
            {data ? 'No journal entries yet. Press “New entry” to post one.' : 'Loading…'}
          </Text>
        }
      />
    </>
  );
}
