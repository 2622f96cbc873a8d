import { Alert, Badge, Checkbox, NumberInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { todayLocal } from '../../../../core/dates';
import { formatDate } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import type { GridColumn } from '../../../../ui/grid/DataGrid';
import { AGE_BUCKETS } from '../../domain/ageing';
import type { AgeingRow } from '../../rpc-contract';
import { useStockAgeingQuery } from '../api';
import { useInventoryContext } from '../context';
import { qtyText, valueText } from '../format';
import { ageingCsv } from './csv-more';
import { ReportBar } from './ReportBar';
import { WideGrid } from './WideGrid';

/**
 * How old the stock on the shelves is (by the receipts still on hand) and which items have not
 * gone out for a while: slow movers tie up money and space.
 */
export function AgeingReport() {
  const { currency } = useInventoryContext();
  const [asOf, setAsOf] = useState<string | null>(todayLocal());
  const [branch, setBranch] = useState('');
  const [days, setDays] = useState<number>(90);
  const [slowOnly, setSlowOnly] = useState(false);
  const slowDays = Number.isInteger(days) && days >= 1 && days <= 3650 ? days : null;
  const { currentData: a, error } = useStockAgeingQuery(
    { asOf: asOf ?? '', branch: branch || null, slowDays: slowDays ?? 90 },
    { skip: !asOf || !slowDays || !currency },
  );
  const rows = (a?.rows ?? []).filter((r) => !slowOnly || r.slow);
  const money = (n: number) => valueText(n, currency);
  const columns: GridColumn<AgeingRow>[] = [
    { id: 'wh', header: 'Warehouse', width: '110px', cell: (r) => r.warehouseCode },
    { id: 'sku', header: 'SKU', width: '120px', cell: (r) => r.sku },
    { id: 'name', header: 'Item', width: 'minmax(180px, 2fr)', cell: (r) => r.name },
    {
      id: 'qty',
      header: 'On hand',
      width: '110px',
      align: 'right',
      cell: (r) => qtyText(r.qty, r.unit),
    },
    ...AGE_BUCKETS.map((b, i) => ({
      id: `b${i}`,
      header: `${b} days`,
      width: '120px',
      align: 'right' as const,
      cell: (r: AgeingRow) =>
        r.buckets[i]!.qty === '0'
          ? ''
          : `${qtyText(r.buckets[i]!.qty)} · ${money(r.buckets[i]!.value)}`,
    })),
    {
      id: 'value',
      header: `Value (${currency})`,
      width: '120px',
      align: 'right',
      cell: (r) => money(r.value),
    },
    {
      id: 'out',
      header: 'Last out',
      width: '120px',
      cell: (r) => (r.lastOut ? formatDate(r.lastOut) : 'never'),
    },
    {
      id: 'slow',
      header: 'Slow',
      width: '80px',
      cell: (r) => (r.slow ? <Badge color="orange">Slow</Badge> : ''),
    },
  ];
  return (
    <Stack gap="sm">
      <Title order={3}>Stock ageing and slow movers</Title>
      <ReportBar
        asOf={{ value: asOf, onChange: setAsOf }}
        branch={{ value: branch, onChange: setBranch }}
        csv={
          a
            ? () => ({
                suggestedName: `stock-ageing-${a.asOf}${branch ? `-${branch}` : ''}.csv`,
                data: ageingCsv({ ...a, rows }, currency),
              })
            : null
        }
        pdf={asOf && slowDays ? { report: 'ageing', asOf, branch: branch || null, slowDays } : null}
      >
        <NumberInput
          label="Slow after (days without going out)"
          value={days}
          onChange={(v) => setDays(typeof v === 'number' ? v : Number(v))}
          min={1}
          max={3650}
          allowDecimal={false}
          error={slowDays ? undefined : 'Whole days, 1 to 3650.'}
          w={240}
        />
        <Checkbox
          label="Slow movers only"
          checked={slowOnly}
          onChange={(e) => setSlowOnly(e.currentTarget.checked)}
          mb={8}
        />
      </ReportBar>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <WideGrid
        label="Stock ageing"
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.item}|${r.warehouse}`}
        variant="list"
        empty={slowOnly ? 'No slow movers on this date.' : 'Nothing in stock on this date.'}
        footer={
          slowOnly
            ? undefined
            : [
                '',
                '',
                'Total',
                '',
                ...(a?.totals.buckets ?? AGE_BUCKETS.map(() => 0)).map(money),
                money(a?.totals.value ?? 0),
                '',
                '',
              ]
        }
      />
    </Stack>
  );
}
