import { Alert, Badge, Button, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../../ui/form-errors';
import { amountCell } from '../format';
import { useTradeDocListQuery, useTradeOpenItemsQuery, useTradePartiesQuery } from './api';
import { filterTradeRows, partiesFor, sideLabels, STATUS_COLOR, statusLabel, tradeListRows, type TradeSideUi } from './trade-form';

const ROW = 36;

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
  const labels = sideLabels(side);
  const [status, setStatus] = useState('all');
  const [partyId, setPartyId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 150);
  const { data: parties = [] } = useTradePartiesQuery();
  const posted = useTradeOpenItemsQuery({ side });
  const drafts = useTradeDocListQuery({ type: 'tradeDoc', status: 'draft', limit: 5000 });
  const names = useMemo(() => new Map(parties.map((p) => [p._id, p.name])), [parties]);
  const all = useMemo(() => tradeListRows(side, posted.currentData ?? [], drafts.currentData?.rows ?? []), [side, posted.currentData, drafts.currentData]);
  const rows = useMemo(() => filterTradeRows(all, { status, partyId, text: search }, (id) => names.get(id) ?? ''), [all, status, partyId, search, names]);
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 12 });
  const loading = posted.isLoading || drafts.isLoading;
  const failure = posted.error ?? drafts.error;
  const open = (id: string) => navigate(`${labels.listPath}/${id}`);

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={3}>{labels.title}</Title>
        <Group gap="xs">
          <Button size="xs" onClick={() => navigate(`${labels.listPath}/new?kind=invoice`)}>
            {labels.newInvoice}
          </Button>
          <Button size="xs" variant="default" onClick={() => navigate(`${labels.listPath}/new?kind=credit`)}>
            {labels.newCredit}
          </Button>
          <Button size="xs" variant="default" onClick={() => navigate(labels.payPath)}>
            {labels.pay}
          </Button>
        </Group>
      </Group>
      <Group mb="xs" align="flex-end">
        <TextInput label="Search" placeholder="Number, reference, name" value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} />
        <Select label="Status" data={STATUS_OPTIONS} value={status} allowDeselect={false} onChange={(v) => setStatus(v ?? 'all')} w={150} />
        <Select
          label={labels.party}
          placeholder="Everyone"
          data={partiesFor(parties, side).map((p) => ({ value: p._id, label: `${p.code} ${p.name}` }))}
          value={partyId}
          onChange={setPartyId}
          searchable
          clearable
          w={260}
        />
      </Group>
      {failure && <Alert color="red">{errorMessage(failure)}</Alert>}
      <Text size="xs" c="dimmed">
        {loading ? '' : `${rows.length} of ${all.length} documents`}
      </Text>
      <div role="table" aria-label={`${labels.title} documents`} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
        <div role="row" style={rowStyle(true)}>
          <span role="columnheader">Date</span>
          <span role="columnheader">Number</span>
          <span role="columnheader">{labels.party}</span>
          <span role="columnheader">Due</span>
          <span role="columnheader">Status</span>
          <span role="columnheader" style={{ textAlign: 'right' }}>
            Total
          </span>
          <span role="columnheader" style={{ textAlign: 'right' }}>
            Open
          </span>
        </div>
        {rows.length === 0 ? (
          <Text p="md" c="dimmed">
            {loading ? 'Loading…' : all.length ? 'No documents match the filters.' : `Nothing yet. Press “${labels.newInvoice}” to start.`}
          </Text>
        ) : (
          <div ref={parent} style={{ height: 'min(60vh, 640px)', overflow: 'auto' }}>
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((item) => {
                const r = rows[item.index]!;
                const credit = r.kind === 'credit';
                return (
                  <div
                    key={r.id}
                    role="row"
                    tabIndex={0}
                    data-testid={`trade-row-${r.number || r.id}`}
                    onClick={() => open(r.id)}
                    onKeyDown={(e) => e.key === 'Enter' && open(r.id)}
                    style={{ ...rowStyle(false), position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, cursor: 'pointer' }}
                  >
                    <span role="cell">{r.date}</span>
                    <span role="cell">
                      {r.number || '—'}
                      {credit && (
                        <Badge ml={4} size="xs" variant="outline">
                          {labels.credit}
                        </Badge>
                      )}
                    </span>
                    <span role="cell" style={ellipsis}>
                      {names.get(r.partyId) ?? r.partyId}
                    </span>
                    <span role="cell">{r.dueDate || '—'}</span>
                    <span role="cell">
                      <Badge size="xs" variant="light" color={STATUS_COLOR[r.status] ?? 'gray'}>
                        {statusLabel(r.status)}
                      </Badge>
                    </span>
                    <span role="cell" style={num}>
                      {amountCell(r.gross, r.currency)} {r.currency}
                    </span>
                    <span role="cell" style={num}>
                      {r.status === 'draft' ? '' : `${amountCell(r.open, r.currency) || '0'} ${r.currency}`}
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

const ellipsis: React.CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const num: React.CSSProperties = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' };

function rowStyle(header: boolean): React.CSSProperties {
  return {
    display: 'grid',
    gridTemplateColumns: '100px 200px 1fr 100px 100px 150px 150px',
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
