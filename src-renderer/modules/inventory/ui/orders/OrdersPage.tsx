import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../../../core/format';
import { InventoryTabs } from '../InventoryTabs';
import type { OrderSide } from '../../rpc-contract';
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
  const { data = [], error } = useOrdersQuery({ side });
  const parties = useParties() ?? [];
  const label = useItemLabel();
  const partyName = (id: string) => parties.find((p) => p._id === id)?.name ?? '';
  // Open orders are the ones a clerk works on, so they come first; newest first within each.
  const rows = [...data].sort((a, b) => Number(b.open) - Number(a.open));
  const open = (id: string) => navigate(`/inventory/orders/${encodeURIComponent(id)}`);
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
      {rows.length === 0 ? (
        <Text c="dimmed">No {side === 'purchase' ? 'purchase' : 'sales'} orders yet.</Text>
      ) : (
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Number</Table.Th>
              <Table.Th>{side === 'purchase' ? 'Supplier' : 'Customer'}</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Still to come</Table.Th>
              <Table.Th>Total before tax</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr
                key={v.order._id}
                style={{ cursor: 'pointer' }}
                onClick={() => open(v.order._id)}
              >
                <Table.Td>{formatDate(v.order.date)}</Table.Td>
                <Table.Td>
                  <Link to={`/inventory/orders/${encodeURIComponent(v.order._id)}`}>
                    {v.order.number ?? 'Draft'}
                  </Link>
                </Table.Td>
                <Table.Td>{partyName(v.order.partyId)}</Table.Td>
                <Table.Td>{stageWords(v, side)}</Table.Td>
                <Table.Td>
                  {v.order.status === 'posted' && !v.closed
                    ? backOrderWords(v.lines, side, label)
                    : ''}
                </Table.Td>
                <Table.Td>{money(orderTotal(v.order.lines), v.order.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
