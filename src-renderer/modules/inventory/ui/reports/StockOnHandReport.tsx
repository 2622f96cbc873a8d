import { Alert, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { todayLocal } from '../../../../core/dates';
import { formatDate } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import type { StockOnHandRow } from '../../rpc-contract';
import { useStockOnHandQuery, useWarehousesQuery } from '../api';
import { useInventoryContext } from '../context';
import { qtyText, valueText } from '../format';
import { stockOnHandCsv } from './csv';
import { ReportBar } from './ReportBar';

/** What is on the shelves per warehouse at the end of a day, one branch or all of them. */
export function StockOnHandReport() {
  const { currency } = useInventoryContext();
  const [asOf, setAsOf] = useState<string | null>(todayLocal());
  const [branch, setBranch] = useState('');
  const [warehouse, setWarehouse] = useState('');
  const { data: warehouses } = useWarehousesQuery({ branch: branch || null });
  const { currentData: rows, error } = useStockOnHandQuery(
    { asOf, branch: branch || null, warehouse: warehouse || null },
    { skip: !asOf || !currency },
  );
  const total = (rows ?? []).reduce((s, r) => s + r.value, 0);
  const columns: GridColumn<StockOnHandRow>[] = [
    { id: 'wh', header: 'Warehouse', width: '140px', cell: (r) => r.warehouseCode },
    { id: 'sku', header: 'SKU', width: '140px', cell: (r) => r.sku },
    { id: 'name', header: 'Item', width: 'minmax(200px, 2fr)', cell: (r) => r.name },
    {
      id: 'qty',
      header: 'On hand',
      width: '140px',
      align: 'right',
      cell: (r) => qtyText(r.qty, r.unit),
    },
    {
      id: 'value',
      header: `Value (${currency})`,
      width: '150px',
      align: 'right',
      cell: (r) => valueText(r.value, currency),
    },
  ];
  return (
    <Stack gap="sm">
      <Title order={3}>Stock on hand</Title>
      <ReportBar
        asOf={{ value: asOf, onChange: setAsOf }}
        branch={{
          value: branch,
          onChange: (b) => {
            setBranch(b);
            setWarehouse('');
          },
        }}
        csv={
          rows && asOf
            ? () => ({
                suggestedName: `stock-on-hand-${asOf}${branch ? `-${branch}` : ''}.csv`,
                data: stockOnHandCsv(rows, currency),
              })
            : null
        }
        pdf={
          asOf
            ? {
                report: 'stockOnHand',
                asOf,
                branch: branch || null,
                warehouse: warehouse || null,
              }
            : null
        }
      >
        <Select
          label="Warehouse"
          data={[
            { value: '', label: 'Every warehouse' },
            ...(warehouses ?? []).map((w) => ({ value: w._id, label: `${w.code} ${w.name}` })),
          ]}
          value={warehouse}
          onChange={(w) => setWarehouse(w ?? '')}
          allowDeselect={false}
          w={240}
        />
      </ReportBar>
      {asOf && (
        <Text size="sm" c="dimmed">
          At the end of {formatDate(asOf)}, values in {currency}.
        </Text>
      )}
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <DataGrid
        label="Stock on hand"
        columns={columns}
        rows={rows ?? []}
        rowKey={(r) => `${r.item}|${r.warehouse}`}
        variant="list"
        empty="No stock on hand."
        footer={['', '', 'Total', '', valueText(total, currency)]}
      />
    </Stack>
  );
}
