import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAppStateQuery } from '../../../../client/api';
import { todayLocal } from '../../../../core/dates';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { MoneyInput } from '../../../../ui/inputs/MoneyInput';
import { QuantityInput } from '../../../../ui/inputs/QuantityInput';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import type { Order, OrderSide } from '../../rpc-contract';
import {
  useConfirmOrderMutation,
  useOrderItemsQuery,
  useOrderQuery,
  useOrderWarehousesQuery,
  useParties,
  useSaveOrderMutation,
  useTaxCodes,
} from './api';
import { sideWords } from './words';

interface Line {
  item: string | null;
  qty: string | null;
  unitPrice: number | null;
  taxCode: string | null;
  /** Kept from the saved line, so editing a draft ordered in cases keeps cases. */
  unit?: string;
}

// The clerk's own calendar day, not UTC's: an evening order in New York is today's.
const today = () => todayLocal();
const EMPTY: Line = { item: null, qty: null, unitPrice: null, taxCode: null };

/** New order, or a draft or quote being edited (a confirmed order opens its page instead). */
export function OrderForm() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data, error } = useOrderQuery({ id: id ?? '' }, { skip: !id });
  if (!id) return <OrderEditor side={params.get('side') === 'sales' ? 'sales' : 'purchase'} />;
  if (error) return <Alert color="red">{(error as Error).message}</Alert>;
  if (!data) return <Text>Loading the order…</Text>;
  const side = data.order.type === 'purchaseOrder' ? 'purchase' : 'sales';
  return <OrderEditor side={side} order={data.order} />;
}

function OrderEditor({ side, order }: { side: OrderSide; order?: Order }) {
  const navigate = useNavigate();
  const { data: app } = useAppStateQuery();
  const base = app?.phase === 'ready' ? app.company.baseCurrency : '';
  const parties = (useParties() ?? []).filter(
    (p) => p.kind === 'both' || p.kind === (side === 'purchase' ? 'supplier' : 'customer'),
  );
  const taxCodes = useTaxCodes() ?? [];
  const { data: items = [] } = useOrderItemsQuery({});
  const { data: warehouses = [] } = useOrderWarehousesQuery({});
  const [save, saving] = useSaveOrderMutation();
  const [confirm, confirming] = useConfirmOrderMutation();
  const [date, setDate] = useState<string | null>(order?.date ?? today());
  const [partyId, setPartyId] = useState<string | null>(order?.partyId ?? null);
  const [warehouse, setWarehouse] = useState<string | null>(order?.warehouse ?? null);
  const [quote, setQuote] = useState(order?.type === 'salesOrder' && order.status === 'quote');
  const [reference, setReference] = useState(order?.reference ?? '');
  const [lines, setLines] = useState<Line[]>(
    order?.lines.map(({ item, qty, unitPrice, taxCode, unit }) => ({
      item,
      qty,
      unitPrice,
      taxCode,
      unit,
    })) ?? [EMPTY],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const party = parties.find((p) => p._id === partyId);
  const currency = order?.currency ?? party?.currency ?? base;
  const own = warehouses.filter((w) => !w.archived);
  const chosenWarehouse = warehouse ?? (own.length === 1 ? own[0]!._id : null);
  const stock = items.filter((i) => i.kind === 'stock' && !i.archived);
  const setLine = (n: number, l: Partial<Line>) =>
    setLines(lines.map((x, i) => (i === n ? { ...x, ...l } : x)));

  async function submit(andConfirm: boolean) {
    const filled = lines.filter((l) => l.item || l.qty || l.unitPrice !== null);
    const bad = filled.findIndex((l) => !l.item || !l.qty || l.unitPrice === null);
    const why =
      (!date && 'Enter the order date.') ||
      (!partyId && `Choose the ${side === 'purchase' ? 'supplier' : 'customer'}.`) ||
      (!chosenWarehouse && 'Choose the warehouse.') ||
      (!filled.length && 'Add at least one line.') ||
      (bad >= 0 && `Line ${bad + 1}: choose the item and enter the quantity and unit price.`);
    if (why) return setProblem(why);
    setProblem(null);
    try {
      const saved = await save({
        ...(order ? { id: order._id } : {}),
        side,
        quote: side === 'sales' && quote,
        partyId: partyId!,
        date: date!,
        currency,
        warehouse: chosenWarehouse!,
        reference,
        lines: filled.map((l) => ({
          item: l.item!,
          qty: l.qty!,
          unitPrice: l.unitPrice!,
          taxCode: l.taxCode,
          ...(l.unit ? { unit: l.unit } : {}),
        })),
      }).unwrap();
      if (andConfirm) await confirm({ id: saved._id }).unwrap();
      navigate(`/inventory/orders/${encodeURIComponent(saved._id)}`);
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={3}>
        {order
          ? `${sideWords(side)} ${order.number ?? '(draft)'}`
          : `New ${sideWords(side).toLowerCase()}`}
      </Title>
      <Group align="flex-end">
        <DateInput label="Order date" value={date} onChange={(v) => setDate(v)} required />
        <RecordPicker
          label={side === 'purchase' ? 'Supplier' : 'Customer'}
          data={parties.map((p) => ({ value: p._id, label: `${p.code} ${p.name}` }))}
          value={partyId}
          onChange={setPartyId}
          required
        />
        <Select
          label="Warehouse"
          data={own.map((w) => ({ value: w._id, label: `${w.code} ${w.name}` }))}
          value={chosenWarehouse}
          onChange={setWarehouse}
          required
        />
        <TextInput
          label={side === 'purchase' ? "Supplier's reference" : "Customer's reference"}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <Text size="sm">Currency: {currency || '—'}</Text>
      </Group>
      {side === 'sales' && (order?.type !== 'salesOrder' || order.status !== 'quote') && (
        <Checkbox
          label="Save as a quote (numbered now, can still be changed before the customer agrees)"
          checked={quote}
          onChange={(e) => setQuote(e.currentTarget.checked)}
        />
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th>Unit price</Table.Th>
            <Table.Th>Tax code</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, n) => (
            <Table.Tr key={n}>
              <Table.Td>
                <RecordPicker
                  aria-label={`Item, line ${n + 1}`}
                  data={stock.map((i) => ({ value: i._id, label: `${i.sku} ${i.name}` }))}
                  value={l.item}
                  onChange={(v) =>
                    setLine(n, {
                      item: v,
                      unit: undefined,
                      taxCode: l.taxCode ?? (stock.find((i) => i._id === v)?.taxCode || null),
                    })
                  }
                />
              </Table.Td>
              <Table.Td>
                <QuantityInput
                  aria-label={`Quantity, line ${n + 1}`}
                  precision={4}
                  value={l.qty}
                  onChange={(v) => setLine(n, { qty: v })}
                  rightSection={stock.find((i) => i._id === l.item)?.baseUnit}
                  // Room for the unit: at the default width 'each' ran into the number (4each).
                  rightSectionWidth={60}
                />
              </Table.Td>
              <Table.Td>
                <MoneyInput
                  aria-label={`Unit price, line ${n + 1}`}
                  currency={currency}
                  value={l.unitPrice}
                  onChange={(v) => setLine(n, { unitPrice: v })}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Tax code, line ${n + 1}`}
                  data={taxCodes.map((t) => ({ value: t.code, label: `${t.code} ${t.name}` }))}
                  value={l.taxCode}
                  onChange={(v) => setLine(n, { taxCode: v })}
                  clearable
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  aria-label={`Remove line ${n + 1}`}
                  onClick={() =>
                    setLines(lines.length > 1 ? lines.filter((_, i) => i !== n) : [EMPTY])
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" onClick={() => setLines([...lines, EMPTY])}>
          Add a line
        </Button>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          onClick={() => void submit(false)}
          loading={saving.isLoading && !confirming.isLoading}
        >
          {quote ? 'Save quote' : 'Save draft'}
        </Button>
        <Button onClick={() => void submit(true)} loading={confirming.isLoading}>
          Save and confirm
        </Button>
      </Group>
    </Stack>
  );
}
