import { Alert, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { todayLocal } from '../../../../core/dates';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import type { ValuationResult } from '../../rpc-contract';
import { useValuationQuery } from '../api';
import { useInventoryContext } from '../context';
import { qtyText, valueText } from '../format';
import { valuationCsv } from './csv';
import { ReportBar } from './ReportBar';

type Row = ValuationResult['rows'][number];

/** What the stock is worth per item, by its own valuation method, and in total. */
export function ValuationReport() {
  const { currency } = useInventoryContext();
  const [asOf, setAsOf] = useState<string | null>(todayLocal());
  const [branch, setBranch] = useState('');
  const { currentData: v, error } = useValuationQuery(
    { asOf, branch: branch || null },
    { skip: !asOf || !currency },
  );
  const columns: GridColumn<Row>[] = [
    { id: 'sku', header: 'SKU', width: '140px', cell: (r) => r.sku },
    { id: 'name', header: 'Item', width: 'minmax(200px, 2fr)', cell: (r) => r.name },
    {
      id: 'method',
      header: 'Method',
      width: '140px',
      cell: (r) => (r.method === 'fifo' ? 'FIFO' : 'Moving average'),
    },
    { id: 'qty', header: 'Quantity', width: '130px', align: 'right', cell: (r) => qtyText(r.qty) },
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
      <Title order={3}>Stock valuation</Title>
      <ReportBar
        asOf={{ value: asOf, onChange: setAsOf }}
        branch={{ value: branch, onChange: setBranch }}
        csv={
          v && asOf
            ? () => ({
                suggestedName: `stock-valuation-${asOf}${branch ? `-${branch}` : ''}.csv`,
                data: valuationCsv(v, currency),
              })
            : null
        }
        pdf={asOf ? { report: 'valuation', asOf, branch: branch || null } : null}
      />
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <DataGrid
        label="Stock valuation"
        columns={columns}
        rows={v?.rows ?? []}
        rowKey={(r) => r.item}
        variant="list"
        empty="No stock to value."
        footer={['', 'Total', '', '', valueText(v?.total ?? 0, currency)]}
      />
    </Stack>
  );
}
