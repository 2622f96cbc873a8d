import { Alert, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { todayLocal } from '../../../../core/dates';
import { formatDate, formatMoney } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import type { GridColumn } from '../../../../ui/grid/DataGrid';
import type { OpenOrderLineRow } from '../../rpc-contract';
import { useOpenOrdersQuery } from '../api';
import { qtyText } from '../format';
import { WideGrid } from './WideGrid';
import { openOrdersCsv } from './csv-more';
import { ReportBar } from './ReportBar';

type Side = 'all' | 'purchase' | 'sales';
const SIDE_WORDS = { purchase: 'Purchase', sales: 'Sales' };

/**
 * Every confirmed order with goods still to receive or deliver at the end of the as-of day, line
 * by line; Enter opens it.
 */
export function OpenOrdersReport() {
  const navigate = useNavigate();
  const [branch, setBranch] = useState('');
  const [side, setSide] = useState<Side>('all');
  const today = todayLocal();
  const [asOf, setAsOf] = useState<string | null>(today);
  const { currentData: o, error } = useOpenOrdersQuery(
    { side: side === 'all' ? null : side, branch: branch || null, asOf: asOf ?? '', today },
    { skip: !asOf },
  );
  const columns: GridColumn<OpenOrderLineRow>[] = [
    { id: 'side', header: 'Side', width: '90px', cell: (r) => SIDE_WORDS[r.side] },
    { id: 'number', header: 'Order', width: '160px', cell: (r) => r.number },
    {
      id: 'party',
      header: 'Supplier or customer',
      width: 'minmax(160px, 1fr)',
      cell: (r) => r.party,
    },
    { id: 'date', header: 'Ordered', width: '110px', cell: (r) => formatDate(r.date) },
    {
      id: 'expected',
      header: 'Expected',
      width: '130px',
      cell: (r) =>
        r.expectedDate ? `${formatDate(r.expectedDate)}${r.late ? ' (late)' : ''}` : '',
    },
    { id: 'item', header: 'Item', width: 'minmax(180px, 2fr)', cell: (r) => `${r.sku} ${r.name}` },
    {
      id: 'ordered',
      header: 'Ordered qty',
      width: '110px',
      align: 'right',
      cell: (r) => qtyText(r.ordered, r.unit),
    },
    {
      id: 'open',
      header: 'Still open',
      width: '110px',
      align: 'right',
      cell: (r) => qtyText(r.open, r.unit),
    },
    {
      id: 'value',
      header: 'Open value',
      width: '130px',
      align: 'right',
      cell: (r) => formatMoney(r.openValue, r.currency),
    },
  ];
  return (
    <Stack gap="sm">
      <Title order={3}>Open purchase and sales orders</Title>
      <ReportBar
        asOf={{ value: asOf, onChange: setAsOf }}
        branch={{ value: branch, onChange: setBranch }}
        csv={
          o
            ? () => ({
                suggestedName: `open-orders-${o.asOf}${branch ? `-${branch}` : ''}.csv`,
                data: openOrdersCsv(o),
              })
            : null
        }
        pdf={
          asOf
            ? {
                report: 'openOrders',
                side: side === 'all' ? null : side,
                branch: branch || null,
                asOf,
              }
            : null
        }
      >
        <SegmentedControl
          aria-label="Which orders"
          value={side}
          onChange={(v) => setSide(v as Side)}
          data={[
            { value: 'all', label: 'Both' },
            { value: 'purchase', label: 'Purchase' },
            { value: 'sales', label: 'Sales' },
          ]}
        />
      </ReportBar>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <WideGrid
        label="Open orders"
        columns={columns}
        rows={o?.rows ?? []}
        rowKey={(r) => `${r.order}#${r.line}`}
        onActivate={(r) => navigate(`/inventory/orders/${encodeURIComponent(r.order)}`)}
        variant="list"
        empty={
          asOf && asOf < today
            ? `No confirmed order had goods still to receive or deliver at the end of ${formatDate(asOf)}.`
            : 'No confirmed order has goods still to receive or deliver.'
        }
      />
      {(o?.totals ?? []).map((t) => (
        <Text key={`${t.side}|${t.currency}`} fw={600} ta="right">
          {SIDE_WORDS[t.side]} orders still open: {formatMoney(t.value, t.currency)}
        </Text>
      ))}
    </Stack>
  );
}
