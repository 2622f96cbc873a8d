import { Alert, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { todayLocal } from '../../../../core/dates';
import { errorMessage } from '../../../../ui/form-errors';
import type { GridColumn } from '../../../../ui/grid/DataGrid';
import { DateInput } from '../../../../ui/inputs/DateInput';
import type { MovementRow } from '../../rpc-contract';
import { useMovementSummaryQuery } from '../api';
import { useInventoryContext } from '../context';
import { qtyText, valueText } from '../format';
import { movementCsv } from './csv-more';
import { ReportBar } from './ReportBar';
import { WideGrid } from './WideGrid';

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;

/**
 * What came in and went out of each warehouse over a period, between the stock at its start
 * and at its end: opening + in − out = closing, and each closing is the next period's opening.
 */
export function MovementReport() {
  const { currency } = useInventoryContext();
  const [from, setFrom] = useState<string | null>(firstOfMonth(todayLocal()));
  const [to, setTo] = useState<string | null>(todayLocal());
  const [branch, setBranch] = useState('');
  const backwards = !!from && !!to && to < from;
  const { currentData: m, error } = useMovementSummaryQuery(
    { from: from ?? '', to: to ?? '', branch: branch || null },
    { skip: !from || !to || backwards || !currency },
  );
  const money = (n: number) => valueText(n, currency);
  const qtyCol = (id: string, header: string, qty: (r: MovementRow) => string, unit = false) => ({
    id,
    header,
    width: '110px',
    align: 'right' as const,
    cell: (r: MovementRow) => qtyText(qty(r), unit ? r.unit : undefined),
  });
  const moneyCol = (id: string, header: string, value: (r: MovementRow) => number) => ({
    id,
    header: `${header} (${currency})`,
    width: '130px',
    align: 'right' as const,
    cell: (r: MovementRow) => money(value(r)),
  });
  const columns: GridColumn<MovementRow>[] = [
    { id: 'wh', header: 'Warehouse', width: '110px', cell: (r) => r.warehouseCode },
    { id: 'sku', header: 'SKU', width: '120px', cell: (r) => r.sku },
    { id: 'name', header: 'Item', width: 'minmax(180px, 2fr)', cell: (r) => r.name },
    qtyCol('oq', 'Opening', (r) => r.openingQty, true),
    moneyCol('ov', 'Opening value', (r) => r.openingValue),
    qtyCol('iq', 'In', (r) => r.inQty),
    moneyCol('iv', 'In value', (r) => r.inValue),
    qtyCol('xq', 'Out', (r) => r.outQty),
    moneyCol('xv', 'Out value', (r) => r.outValue),
    qtyCol('cq', 'Closing', (r) => r.closingQty, true),
    moneyCol('cv', 'Closing value', (r) => r.closingValue),
  ];
  const t = m?.totals;
  return (
    <Stack gap="sm">
      <Title order={3}>Stock movement summary</Title>
      <ReportBar
        branch={{ value: branch, onChange: setBranch }}
        csv={
          m
            ? () => ({
                suggestedName: `stock-movement-${m.from}-${m.to}${branch ? `-${branch}` : ''}.csv`,
                data: movementCsv(m, currency),
              })
            : null
        }
        pdf={
          from && to && !backwards ? { report: 'movement', from, to, branch: branch || null } : null
        }
      >
        <DateInput label="From" value={from} onChange={setFrom} w={170} />
        <DateInput label="To" value={to} onChange={setTo} w={170} />
      </ReportBar>
      {backwards && <Text c="red">The period ends before it starts: swap the two dates.</Text>}
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <WideGrid
        label="Stock movement summary"
        columns={columns}
        rows={m?.rows ?? []}
        rowKey={(r) => `${r.item}|${r.warehouse}`}
        variant="list"
        empty="No stock and no moves in this period."
        footer={[
          '',
          '',
          'Total',
          '',
          money(t?.opening ?? 0),
          '',
          money(t?.in ?? 0),
          '',
          money(t?.out ?? 0),
          '',
          money(t?.closing ?? 0),
        ]}
      />
    </Stack>
  );
}
