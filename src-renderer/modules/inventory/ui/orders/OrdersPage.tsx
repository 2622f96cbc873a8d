import { Alert, Button, Group, Loader, SegmentedControl, Stack } from '@mantine/core';
import { Link, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../../../core/format';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import { InventoryTabs } from '../InventoryTabs';
import type { OrderSide, OrderView } from '../../rpc-contract';
import { useOrderItemsQuery, useOrdersQuery, useParties } from './api';
import { OrderForm } from './OrderForm';
import { OrderMoveForm } from './OrderMoveForm';
import { OrderPage } from './OrderPage';
import { backOrderWords, money, stageWords } from './words';

/** The catalogue's SKU for an item id, to name lines in words. */
export function useItemLabel() {
  const { data: items = [] } = useOrderItemsQuery({});
  return (id: string) => items.find((i) => i._id === id)?.sku ?? 'item';
}

function OrderList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const side: OrderSide = params.get('side') === 'sales' ? 'sales' : 'purchase';
  const { data, error } = useOrdersQuery({ side });
  const parties = useParties() ?? [];
  const label = useItemLabel();
  const partyName = (id: string) => parties.find((p) => p._id === id)?.name ?? '';
  // Open orders are the ones a clerk works on, so they come first; newest first within each.
  const rows = [...(data ?? [])].sort((a, b) => Number(b.open) - Number(a.open));
  const open = (id: string) => navigate(`/inventory/orders/${encodeURIComponent(id)}`);
  const columns: GridColumn<OrderView>[] = [
    { id: 'date', header: 'Date', width: '120px', cell: (v) => formatDate(v.order.date) },
    { id: 'number', header: 'Number', width: '170px', cell: (v) => v.order.number ?? 'Draft' },
    {
      id: 'party',
      header: side === 'purchase' ? 'Supplier' : 'Customer',
      width: 'minmax(180px, 2fr)',
      cell: (v) => partyName(v.order.partyId),
    },
    { id: 'state', header: 'State', width: '160px', cell: (v) => stageWords(v, side) },
    {
      id: 'due',
      header: 'Still to come',
      width: 'minmax(180px, 2fr)',
      cell: (v) =>
        v.order.status === 'posted' && !v.closed ? backOrderWords(v.lines, side, label) : '',
    },
    {
      id: 'total',
      header: 'Total before tax',
      width: '140px',
      align: 'right',
      cell: (v) => money(orderTotal(v.order.lines), v.order.currency),
    },
  ];
  return (
    <Stack gap="sm">
      <Group>
        <SegmentedControl
          value={side}
          onChange={(v) => setParams({ side: v })}
          data={[
            { value: 'purchase', label: 'Purchase orders' },
            { value: 'sales', label: 'Sales orders and quotes' },
          ]}
        />
        <Button component={Link} to={`/inventory/orders/new?side=${side}`}>
          {side === 'purchase' ? 'New purchase order' : 'New sales order or quote'}
        </Button>
      </Group>
      {error && <Alert color="red">{(error as Error).message}</Alert>}
      {data ? (
        <DataGrid
          label={side === 'purchase' ? 'Purchase orders' : 'Sales orders and quotes'}
          columns={columns}
          rows={rows}
          rowKey={(v) => v.order._id}
          variant="list"
          onActivate={(v) => open(v.order._id)}
          empty={`No ${side === 'purchase' ? 'purchase' : 'sales'} orders yet.`}
        />
      ) : (
        !error && <Loader size="sm" aria-label="Loading the orders" />
      )}
    </Stack>
  );
}

/** Quantity × price per line, in minor units, rounded per line like a printed order. */
export function orderTotal(lines: { qty: string; unitPrice: number }[]): number {
  return lines.reduce((s, l) => s + Math.round(Number(l.qty) * l.unitPrice), 0);
}

/** Purchase and sales orders: lists, the order form, one order, receiving or delivering. */
export function OrdersPage() {
  return (
    <Stack gap="sm">
      <InventoryTabs />
      <Routes>
        <Route index element={<OrderList />} />
        <Route path="new" element={<OrderForm key="new" />} />
        <Route path=":id/edit" element={<OrderForm />} />
        <Route path=":id/move" element={<OrderMoveForm />} />
        <Route path=":id" element={<OrderPage />} />
      </Routes>
    </Stack>
  );
}
