import { Alert, Button, Center, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { todayLocal } from '../../../../core/dates';
import { formatCount, formatDate } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import type { StockOnHandQuery, StockOnHandRow } from '../../rpc-contract';
import { inventoryApi, useStockOnHandPageQuery, useWarehousesQuery } from '../api';
import { useInventoryContext } from '../context';
import { qtyText, valueText } from '../format';
import { stockOnHandCsv } from './csv';
import { ReportBar } from './ReportBar';

/** Rows a page adds: one short read of the index however many item × warehouse pairs there are. */
export const STOCK_PAGE = 100;
/** "Show more" re-reads every page so far; past this many rows the clerk exports the list. */
const MOST_SHOWN = 10_000;

/** What is on the shelves per warehouse at the end of a day, one branch or all of them. */
export function StockOnHandReport() {
  const { currency } = useInventoryContext();
  const [asOf, setAsOf] = useState<string | null>(todayLocal());
  const [branch, setBranch] = useState('');
  const [warehouse, setWarehouse] = useState('');
  const { data: warehouses } = useWarehousesQuery({ branch: branch || null });
  const [fetchAll] = inventoryApi.endpoints['inventory.stockOnHand'].useLazyQuery();
  const query: StockOnHandQuery = { asOf, branch: branch || null, warehouse: warehouse || null };
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
          asOf && currency
            ? async () => ({
                suggestedName: `stock-on-hand-${asOf}${branch ? `-${branch}` : ''}.csv`,
                // The page shows some rows; the file has them all.
                data: stockOnHandCsv(await fetchAll(query).unwrap(), currency),
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
      {asOf && currency && (
        // A new day, branch or warehouse starts again from its first page.
        <StockRows key={JSON.stringify(query)} query={query} currency={currency} />
      )}
    </Stack>
  );
}

/**
 * The rows of one query, a page at a time: "Show more" asks for the pages so far in one read,
 * and the rows shown stay until it lands (mounted per query, so they are always this query's).
 */
function StockRows({ query, currency }: { query: StockOnHandQuery; currency: string }) {
  const [pages, setPages] = useState(1);
  const { data, error, isFetching } = useStockOnHandPageQuery({
    ...query,
    limit: pages * STOCK_PAGE,
  });
  const rows = data?.rows ?? [];
  const more = !!data?.next;
  const total = rows.reduce((s, r) => s + r.value, 0);
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
    <>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <DataGrid
        label="Stock on hand"
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.item}|${r.warehouse}`}
        variant="list"
        empty={data ? 'No stock on hand.' : 'Loading the stock…'}
        footer={[
          '',
          '',
          more ? 'Total of the rows shown' : 'Total',
          '',
          valueText(total, currency),
        ]}
      />
      {isFetching && data && (
        <Center>
          <Loader size="sm" aria-label="Loading more stock" />
        </Center>
      )}
      {more && !isFetching && (
        <Group justify="center" className="report-no-print">
          {rows.length < MOST_SHOWN ? (
            <Button variant="default" onClick={() => setPages(pages + 1)}>
              Show more ({formatCount(rows.length)} rows shown)
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              The first {formatCount(rows.length)} rows. Export CSV for every row, or choose a
              branch or warehouse.
            </Text>
          )}
        </Group>
      )}
    </>
  );
}
