import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate } from '../../../../core/format';
import { todayLocal } from '../../../../core/dates';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import type { OrderLineView, OrderView } from '../../rpc-contract';
import {
  useBillFromReceiptsMutation,
  useCloseOrderMutation,
  useConfirmOrderMutation,
  useDiscardOrderMutation,
  useInvoiceFromDeliveriesMutation,
  useOrderQuery,
  useParties,
} from './api';
import { MatchResult } from './MatchResult';
import { MoveName } from './MoveName';
import { useItemLabel } from './OrdersPage';
import { qty, sideOf, sideWords, stageWords } from './words';

// The clerk's own calendar day, not UTC's: an evening order in New York is today's.
const today = () => todayLocal();

/** One order: where each line stands, and what can be done with it next. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { data: v, error } = useOrderQuery({ id });
  const parties = useParties() ?? [];
  const label = useItemLabel();
  if (error) return <Alert color="red">{(error as Error).message}</Alert>;
  if (!v) return <Text>Loading the order…</Text>;
  const side = sideOf(v);
  const o = v.order;
  const party = parties.find((p) => p._id === o.partyId)?.name ?? '';
  const moved = side === 'purchase' ? 'Received' : 'Delivered';
  const billed = side === 'purchase' ? 'Billed' : 'Invoiced';
  const bills = v.sources.filter((s) => s.kind === 'bill');
  const lineColumns: GridColumn<OrderLineView>[] = [
    {
      id: 'item',
      header: 'Item',
      width: 'minmax(200px, 2fr)',
      cell: (l) => `${label(l.item)} ${o.lines[l.line]?.description ?? ''}`,
    },
    { id: 'ordered', header: 'Ordered', width: '120px', cell: (l) => qty(l.ordered, l.unit) },
    {
      id: 'moved',
      header: moved,
      width: 'minmax(140px, 1fr)',
      cell: (l) =>
        `${qty(l.moved, l.unit)}${l.over !== '0' ? ` (${qty(l.over, l.unit)} more than ordered)` : ''}`,
    },
    { id: 'billed', header: billed, width: '120px', cell: (l) => qty(l.billed, l.unit) },
    { id: 'back', header: 'Back-order', width: '120px', cell: (l) => qty(l.backOrder, l.unit) },
  ];
  return (
    <Stack gap="sm">
      <Title order={3}>
        {sideWords(side)} {o.number ?? '(draft)'} · {party}
      </Title>
      <Text>
        {formatDate(o.date)} · {stageWords(v, side)}
        {o.type === 'salesOrder' && o.quoteNumber ? ` · from quote ${o.quoteNumber}` : ''}
        {o.reference ? ` · reference ${o.reference}` : ''}
      </Text>
      <DataGrid
        label="Order lines"
        columns={lineColumns}
        rows={v.lines}
        rowKey={(l) => String(l.line)}
        variant="list"
      />
      <OrderActions v={v} />
      {v.sources
        .filter((s) => s.kind === 'bill' || s.kind === 'invoice')
        .map((s, n) => (
          <Anchor
            key={s.id}
            component={Link}
            to={`/accounts/${side === 'purchase' ? 'purchases' : 'sales'}/${encodeURIComponent(s.id)}`}
          >
            {side === 'purchase' ? 'Bill' : 'Invoice'} {n + 1} ({s.issued ? 'issued' : 'draft'})
          </Anchor>
        ))}
      {bills.map((b) => (
        <MatchResult key={b.id} bill={b.id} />
      ))}
    </Stack>
  );
}

function OrderActions({ v }: { v: OrderView }) {
  const navigate = useNavigate();
  const side = sideOf(v);
  const o = v.order;
  const [confirm, confirming] = useConfirmOrderMutation();
  const [discard] = useDiscardOrderMutation();
  const [close, closing] = useCloseOrderMutation();
  const [bill, billing] = useBillFromReceiptsMutation();
  const [invoice, invoicing] = useInvoiceFromDeliveriesMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const [closeDate, setCloseDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const moves = v.sources.filter((s) => s.kind === (side === 'purchase' ? 'receipt' : 'delivery'));
  const billedAny = v.sources.some((s) => s.kind === 'bill' || s.kind === 'invoice');
  // With no bill yet every receipt is to bill; after one, the clerk ticks the new ones.
  const [picked, setPicked] = useState<string[] | null>(null);
  const chosen = picked ?? (billedAny ? [] : moves.map((m) => m.id));
  const id = encodeURIComponent(o._id);
  const editable = o.status !== 'posted';
  const working = o.status === 'posted' && !v.closed;

  async function act(f: () => Promise<unknown>) {
    setProblem(null);
    try {
      await f();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }
  const draftBill = () =>
    act(async () => {
      if (!chosen.length)
        throw new Error(`Tick the ${side === 'purchase' ? 'receipts' : 'deliveries'} to bill.`);
      const r = await (side === 'purchase' ? bill : invoice)({ moves: chosen }).unwrap();
      navigate(
        `/accounts/${side === 'purchase' ? 'purchases' : 'sales'}/${encodeURIComponent(r.doc._id)}`,
      );
    });

  return (
    <Stack gap="xs">
      <Group>
        {editable && (
          <>
            <Button variant="default" component={Link} to={`/inventory/orders/${id}/edit`}>
              Edit
            </Button>
            <Button
              onClick={() => void act(() => confirm({ id: o._id }).unwrap())}
              loading={confirming.isLoading}
            >
              Confirm order
            </Button>
            <Button
              color="red"
              variant="light"
              onClick={() =>
                void act(async () => {
                  await discard({ id: o._id }).unwrap();
                  navigate(`/inventory/orders?side=${side}`);
                })
              }
            >
              Discard
            </Button>
          </>
        )}
        {working && v.lines.some((l) => l.backOrder !== '0') && (
          <Button component={Link} to={`/inventory/orders/${id}/move`}>
            {side === 'purchase' ? 'Receive goods' : 'Deliver goods'}
          </Button>
        )}
        {working && closeDate === null && (
          <Button variant="default" onClick={() => setCloseDate(today())}>
            Close order
          </Button>
        )}
      </Group>
      {working && closeDate !== null && (
        <Group align="flex-end">
          <DateInput label="Closed on" value={closeDate} onChange={(d) => setCloseDate(d ?? '')} />
          <TextInput
            label="Why (optional)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            loading={closing.isLoading}
            onClick={() =>
              void act(async () => {
                if (!closeDate) throw new Error('Enter the date the order is closed.');
                await close({ id: o._id, date: closeDate, reason }).unwrap();
                setCloseDate(null);
              })
            }
          >
            Close it: nothing more is expected
          </Button>
        </Group>
      )}
      {moves.length > 0 && (
        <Group>
          {moves.map((m, n) => (
            <Checkbox
              key={m.id}
              label={
                <Anchor component={Link} to={`/inventory/moves/${encodeURIComponent(m.id)}`}>
                  <MoveName
                    id={m.id}
                    orderNumber={o.number}
                    fallback={`${side === 'purchase' ? 'Receipt' : 'Delivery'} ${n + 1}`}
                  />
                </Anchor>
              }
              checked={chosen.includes(m.id)}
              onChange={(e) =>
                setPicked(
                  e.currentTarget.checked ? [...chosen, m.id] : chosen.filter((x) => x !== m.id),
                )
              }
            />
          ))}
          <Button
            variant="default"
            onClick={() => void draftBill()}
            loading={billing.isLoading || invoicing.isLoading}
          >
            {side === 'purchase' ? 'Bill from receipts' : 'Invoice from deliveries'}
          </Button>
        </Group>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
