import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import type { ItemLedgerRow } from '../../rpc-contract';
import { useItemsQuery, useItemStockLedgerQuery } from '../api';
import { useInventoryContext } from '../context';
import { MOVE_WORDS, qtyText, valueText } from '../format';
import { itemLedgerCsv } from './csv';
import { ReportBar } from './ReportBar';

const PAGE = 100;

/** One item's moves in order, with what was on hand and its value after each; a page at a time. */
export function ItemLedgerReport() {
  const { currency } = useInventoryContext();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const item = params.get('item') ?? '';
  const [branch, setBranch] = useState('');
  const [page, setPage] = useState(0);
  const { data: items } = useItemsQuery({ includeArchived: true });
  const { currentData: ledger, error } = useItemStockLedgerQuery(
    { item, branch: branch || null, offset: page * PAGE, limit: PAGE },
    { skip: !item },
  );
  const unit = items?.find((i) => i._id === item)?.baseUnit;
  const columns: GridColumn<ItemLedgerRow>[] = [
    { id: 'date', header: 'Date', width: '120px', cell: (r) => formatDate(r.date) },
    { id: 'kind', header: 'Move', width: '170px', cell: (r) => MOVE_WORDS[r.kind] },
    { id: 'ref', header: 'Reference', width: 'minmax(120px, 1fr)', cell: (r) => r.reference },
    { id: 'wh', header: 'Warehouse', width: '120px', cell: (r) => r.warehouseCode },
    { id: 'qty', header: 'Quantity', width: '120px', align: 'right', cell: (r) => qtyText(r.qty) },
    {
      id: 'value',
      header: 'Value',
      width: '130px',
      align: 'right',
      cell: (r) => valueText(r.value, currency),
    },
    {
      id: 'runQty',
      header: 'On hand',
      width: '130px',
      align: 'right',
      cell: (r) => (
        <Text size="sm" c={r.runningQty.startsWith('-') ? 'red' : undefined}>
          {qtyText(r.runningQty, unit)}
        </Text>
      ),
    },
    {
      id: 'runValue',
      header: 'Stock value',
      width: '140px',
      align: 'right',
      cell: (r) => valueText(r.runningValue, currency),
    },
  ];
  const pages = Math.max(1, Math.ceil((ledger?.total ?? 0) / PAGE));
  return (
    <Stack gap="sm">
      <Title order={3}>Item stock ledger</Title>
      <ReportBar
        branch={{ value: branch, onChange: (b) => (setBranch(b), setPage(0)) }}
        csv={
          ledger && item
            ? () => ({
                suggestedName: `stock-ledger-${items?.find((i) => i._id === item)?.sku ?? 'item'}.csv`,
                data: itemLedgerCsv(ledger.rows, currency),
              })
            : null
        }
        pdf={item ? { report: 'itemLedger', item, branch: branch || null } : null}
      >
        <RecordPicker
          label="Item"
          data={(items ?? []).map((i) => ({ value: i._id, label: `${i.sku} ${i.name}` }))}
          value={item || null}
          onChange={(v) => {
            setPage(0);
            setParams(v ? { item: v } : {});
          }}
          placeholder="SKU or name"
          w={320}
        />
      </ReportBar>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {item ? (
        <>
          <DataGrid
            label="Item stock ledger"
            columns={columns}
            rows={ledger?.rows ?? []}
            rowKey={(r) => r.line}
            variant="list"
            onActivate={(r) => navigate(`/inventory/moves/${encodeURIComponent(r.moveId)}`)}
            empty="This item has no stock moves."
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Page {page + 1} of {pages}. Open a move to see it or correct it.
            </Text>
            <Group gap="xs">
              <Button variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Earlier
              </Button>
              <Button
                variant="default"
                disabled={page + 1 >= pages}
                onClick={() => setPage(page + 1)}
              >
                Later
              </Button>
            </Group>
          </Group>
        </>
      ) : (
        <Text c="dimmed">Choose an item to see its moves.</Text>
      )}
    </Stack>
  );
}
