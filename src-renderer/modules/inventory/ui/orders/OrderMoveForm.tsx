import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { todayLocal } from '../../../../core/dates';
import { useAppStateQuery } from '../../../../client/api';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { MoneyInput } from '../../../../ui/inputs/MoneyInput';
import { QuantityInput } from '../../../../ui/inputs/QuantityInput';
import { parseQty } from '../../domain/quantity';
import { useDeliverOrderMutation, useOrderQuery, useReceiveOrderMutation } from './api';
import { useItemLabel } from './OrdersPage';
import { qty, sideOf } from './words';

// The clerk's own calendar day, not UTC's: an evening order in New York is today's.
const today = () => todayLocal();

/**
 * Receiving (purchase) or delivering (sales) against an order. Each line starts at its
 * back-order, so a full delivery is one click; the clerk lowers what did not come.
 */
export function OrderMoveForm() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: v, error } = useOrderQuery({ id });
  const label = useItemLabel();
  const [receive, receiving] = useReceiveOrderMutation();
  const [deliver, delivering] = useDeliverOrderMutation();
  const [date, setDate] = useState<string | null>(today());
  const [entered, setEntered] = useState<Record<number, string | null> | null>(null);
  const [costs, setCosts] = useState<Record<number, number | null>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const { data: app } = useAppStateQuery();
  const base = app?.phase === 'ready' ? app.company.baseCurrency : '';
  if (error) return <Alert color="red">{(error as Error).message}</Alert>;
  if (!v) return <Text>Loading the order…</Text>;
  const side = sideOf(v);
  const verb = side === 'purchase' ? 'received' : 'delivered';
  const open = v.lines.filter((l) => l.backOrder !== '0');
  // Stock is valued in the company's currency: goods bought in another need their cost in it.
  const askCost = side === 'purchase' && !!base && v.order.currency !== base;
  const values = entered ?? Object.fromEntries(open.map((l) => [l.line, l.backOrder]));

  async function submit() {
    const over = open.find(
      (l) => (parseQty(values[l.line] ?? '') ?? 0) > (parseQty(l.backOrder) ?? 0),
    );
    const why =
      (!date && `Enter the date the goods were ${verb}.`) ||
      (over &&
        `Line ${over.line + 1}: only ${qty(over.backOrder, over.unit)} is still expected on this order.`);
    if (why) return setProblem(why);
    const lines = open.flatMap((l) => {
      const q = values[l.line];
      if (!q || q === '0') return [];
      return [
        { orderLine: l.line, qty: q, ...(askCost ? { unitCost: costs[l.line] ?? null } : {}) },
      ];
    });
    if (!lines.length) return setProblem(`Enter what was ${verb}.`);
    const noCost = lines.find((l) => askCost && l.unitCost == null);
    if (noCost)
      return setProblem(
        `Line ${noCost.orderLine + 1}: the order is in ${v!.order.currency}; enter the unit cost in ${base}.`,
      );
    setProblem(null);
    try {
      const input = { order: v!.order._id, date: date!, lines };
      await (side === 'purchase' ? receive(input) : deliver(input)).unwrap();
      navigate(`/inventory/orders/${encodeURIComponent(v!.order._id)}`);
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={3}>
        {side === 'purchase' ? 'Receive goods on' : 'Deliver goods on'} {v.order.number}
      </Title>
      {open.length === 0 && <Alert color="blue">Nothing is still expected on this order.</Alert>}
      <DateInput label={`Date ${verb}`} value={date} onChange={(d) => setDate(d)} required />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Still expected</Table.Th>
            <Table.Th>{side === 'purchase' ? 'Received now' : 'Delivered now'}</Table.Th>
            {askCost && <Table.Th>Unit cost in {base}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {open.map((l) => (
            <Table.Tr key={l.line}>
              <Table.Td>
                {label(l.item)} {v.order.lines[l.line]?.description}
              </Table.Td>
              <Table.Td>{qty(l.backOrder, l.unit)}</Table.Td>
              <Table.Td>
                <QuantityInput
                  aria-label={`${side === 'purchase' ? 'Received' : 'Delivered'} now, line ${l.line + 1}`}
                  precision={4}
                  value={values[l.line] ?? null}
                  onChange={(q) => setEntered({ ...values, [l.line]: q })}
                />
              </Table.Td>
              {askCost && (
                <Table.Td>
                  <MoneyInput
                    aria-label={`Unit cost in ${base}, line ${l.line + 1}`}
                    currency={base}
                    value={costs[l.line] ?? null}
                    onChange={(c) => setCosts({ ...costs, [l.line]: c })}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        <Button
          onClick={() => void submit()}
          loading={receiving.isLoading || delivering.isLoading}
          disabled={open.length === 0}
        >
          {side === 'purchase' ? 'Record receipt' : 'Record delivery'}
        </Button>
      </Group>
    </Stack>
  );
}
