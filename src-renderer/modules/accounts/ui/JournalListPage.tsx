import { Badge, Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { isIsoDate } from '../../../core/dates';
import { useDocsQuery } from './api';
import { amountCell } from './format';
import { SEARCH_SCAN_LIMIT } from '../rpc-contract';

const ROW = 36;

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
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 12 });

  return (
    <>
      <Group justify="space-between">
        <Group>
          <TextInput placeholder="Search number, memo, reference" aria-label="Search entries" value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
          <TextInput type="date" aria-label="From date" value={range.from} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} w={150} />
          <TextInput type="date" aria-label="To date" value={range.to} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} w={150} />
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
        {data ? `${data.total.toLocaleString()} entries` : ''}
        {data?.searchLimited ? ` among the newest ${SEARCH_SCAN_LIMIT.toLocaleString()} — pick a date range to search further back` : ''}
      </Text>
      <div role="table" aria-label="Journal entries" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
        <div role="row" style={rowStyle(true)}>
          <span role="columnheader">Date</span>
          <span role="columnheader">Number</span>
          <span role="columnheader">Memo</span>
          <span role="columnheader">Status</span>
          <span role="columnheader" style={{ textAlign: 'right' }}>
            Amount
          </span>
        </div>
        {rows.length === 0 ? (
          <Text p="md" c="dimmed">
            {data ? 'No journal entries yet. Press “New entry” to post one.' : 'Loading…'}
          </Text>
        ) : (
          <div ref={parent} style={{ height: 'min(60vh, 640px)', overflow: 'auto' }}>
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((item) => {
                const r = rows[item.index]!;
                return (
                  <div
                    key={r.id}
                    role="row"
                    tabIndex={0}
                    data-testid={`journal-row-${r.number || r.id}`}
                    onClick={() => navigate(`/accounts/journal/${r.id}`)}
                    onKeyDown={(e) => e.key === 'Enter' && navigate(`/accounts/journal/${r.id}`)}
                    style={{ ...rowStyle(false), position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, cursor: 'pointer' }}
                  >
                    <span role="cell">{r.date}</span>
                    <span role="cell">{r.number || '—'}</span>
                    <span role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      {r.memo}
                    </span>
                    <span role="cell">
                      <Badge size="xs" variant="light" color={r.status === 'posted' ? 'teal' : 'gray'}>
                        {r.status === 'posted' ? 'Posted' : 'Draft'}
                      </Badge>
                    </span>
                    <span role="cell" style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                      {amountCell(r.total, r.currency)} {r.currency}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </>
  );
}

function rowStyle(header: boolean): React.CSSProperties {
  return {
    display: 'grid',
    gridTemplateColumns: '110px 170px 1fr 90px 160px',
    gap: 8,
    alignItems: 'center',
    height: ROW,
    padding: '0 10px',
    fontSize: 13,
    fontWeight: header ? 600 : undefined,
    borderBottom: '1px solid var(--mantine-color-gray-2)',
    background: header ? 'var(--mantine-color-gray-0)' : undefined,
  };
}
