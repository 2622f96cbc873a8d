import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTableRate } from '../use-table-rate';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isIsoDate, todayLocal } from '../../../../core/dates';
import { errorFields, errorMessage, type FieldErrors } from '../../../../ui/form-errors';
import { CURRENCIES } from '../../../../ui/options';
import type { PaymentInput } from '../../rpc-contract';
import { inputText, moneyText, readAmount } from '../format';
import { useTradeAccountsQuery, useTradeOpenItemsQuery, useTradePartiesQuery, useTradeRecordPaymentMutation, useTradeSetupQuery } from './api';
import { allocatable, fillOldestFirst, partiesFor, readAllocations, sideLabels, statusLabel } from './trade-form';

/**
 * Money in from a customer (receipt) or out to a supplier (payment), set against their open
 * documents. Routes: /accounts/receipts/new?party=<id>, /accounts/payments/new?party=<id>.
 * With nothing allocated by hand the core settles the oldest documents first.
 */
export function PaymentPage({ side }: { side: 'receipt' | 'payment' }) {
  // Keyed by side: the sales and purchases routes share this component, never their state.
  return <PaymentPageInner key={side} side={side} />;
}

function PaymentPageInner({ side }: { side: 'receipt' | 'payment' }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const tradeSide = side === 'receipt' ? 'sales' : 'purchase';
  const labels = sideLabels(tradeSide);
  const { data: setup } = useTradeSetupQuery();
  const { data: parties = [] } = useTradePartiesQuery();
  const { data: accounts = [] } = useTradeAccountsQuery();
  const [record, { isLoading }] = useTradeRecordPaymentMutation();
  const [head, setHead] = useState({
    partyId: params.get('party') ?? '',
    date: todayLocal(),
    amount: '',
    currency: '',
    rate: '1',
    account: '',
    reference: '',
    memo: '',
  });
  const [alloc, setAlloc] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const base = setup?.baseCurrency ?? 'USD';
  const party = parties.find((p) => p._id === head.partyId) ?? null;
  const currency = head.currency || party?.currency || base;
  const foreign = currency !== base;
  const banks = useMemo(
    () =>
      accounts
        .filter((a) => !a.isGroup && !a.archived && (a.subtype === 'bank' || a.subtype === 'cash'))
        .map((a) => ({ value: a.code, label: `${a.code} ${a.name}${a.currency ? ` (${a.currency})` : ''}` })),
    [accounts],
  );
  const account = head.account || banks[0]?.value || '';
  const open = useTradeOpenItemsQuery({ side: tradeSide, partyId: head.partyId }, { skip: !head.partyId });
  const items = useMemo(() => allocatable(open.currentData ?? [], currency), [open.currentData, currency]);
  const openById = useMemo(() => new Map(items.map((i) => [i.docId, i.open])), [items]);
  const amount = readAmount(head.amount, currency);
  // Only inputs of documents still on screen count (a party or currency change hides others).
  const shown = Object.fromEntries(Object.entries(alloc).filter(([id]) => openById.has(id)));
  const read = readAllocations(shown, openById, currency);
  // Nothing typed by hand: preview what the core will do (oldest first).
  const auto = read.allocations.length === 0;
  const allocated = auto ? Object.values(fillOldestFirst(amount ?? 0, items)).reduce((a, b) => a + b, 0) : read.allocated;
  const unallocated = (amount ?? 0) - allocated;

  const set = (patch: Partial<typeof head>) => setHead((h) => ({ ...h, ...patch }));
  const setRate = useCallback((rate: string) => setHead((h) => ({ ...h, rate })), []);
  useTableRate(currency, base, head.date, head.rate, setRate);

  async function submit() {
    setFailure(null);
    const local: FieldErrors = {};
    if (!head.partyId) local.partyId = `Choose the ${labels.partyKind}.`;
    if (!isIsoDate(head.date)) local.date = 'Use a date like 2026-03-31.';
    if (amount === null) local.amount = `Not an amount in ${currency}.`;
    else if (amount <= 0) local.amount = 'The amount must be more than zero.';
    if (!account) local.account = 'Choose the bank or cash account.';
    if (foreign && !/^\d+(\.\d+)?$/.test(head.rate.trim())) local.rate = 'Enter the rate.';
    for (const [id, message] of Object.entries(read.errors)) local[`allocations.${id}`] = message;
    if (amount !== null && !auto && unallocated < 0) local.allocations = 'The allocations add up to more than the amount.';
    if (Object.keys(local).length) {
      setErrors(local);
      setFailure(local.allocations ?? 'Check the highlighted fields.');
      return;
    }
    setErrors({});
    const input: PaymentInput = {
      side,
      partyId: head.partyId,
      date: head.date,
      currency,
      rate: foreign ? head.rate.trim() : '1',
      amount: amount ?? 0,
      account,
      memo: head.memo,
      reference: head.reference,
      ...(read.allocations.length ? { allocations: read.allocations } : {}),
    };
    const res = await record(input);
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    navigate(labels.listPath);
  }

  return (
    <Stack gap="sm">
      <Title order={3}>{labels.pay}</Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Select
          label={labels.party}
          data={partiesFor(parties, tradeSide).map((p) => ({ value: p._id, label: `${p.code} ${p.name}` }))}
          value={head.partyId || null}
          onChange={(v) => {
            set({ partyId: v ?? '', currency: '' });
            setAlloc({});
          }}
          searchable
          placeholder={`Choose a ${labels.partyKind}`}
          error={errors.partyId}
          data-autofocus
        />
        <TextInput type="date" label="Date" value={head.date} onChange={(e) => set({ date: e.currentTarget.value })} error={errors.date} />
        <TextInput label="Amount" value={head.amount} onChange={(e) => set({ amount: e.currentTarget.value })} inputMode="decimal" styles={{ input: { textAlign: 'right' } }} error={errors.amount ?? (amount === null ? `Not an amount in ${currency}.` : undefined)} />
        <Select
          label="Currency"
          data={CURRENCIES}
          value={currency}
          searchable
          allowDeselect={false}
          onChange={(c) => {
            set({ currency: c ?? '' });
            setAlloc({});
          }}
          error={errors.currency}
        />
        {foreign && <TextInput label={`Rate (${base} per ${currency})`} value={head.rate} onChange={(e) => set({ rate: e.currentTarget.value })} inputMode="decimal" error={errors.rate} />}
        <Select label="Bank or cash account" data={banks} value={account || null} allowDeselect={false} onChange={(v) => set({ account: v ?? '' })} error={errors.account} nothingFoundMessage="No bank or cash accounts" />
        <TextInput label="Reference" value={head.reference} onChange={(e) => set({ reference: e.currentTarget.value })} error={errors.reference} />
        <TextInput label="Memo" value={head.memo} onChange={(e) => set({ memo: e.currentTarget.value })} error={errors.memo} />
      </SimpleGrid>

      <Group justify="space-between" align="flex-end">
        <Text fw={600}>Open {side === 'receipt' ? 'invoices' : 'bills'} in {currency}</Text>
        <Button size="xs" variant="default" disabled={!items.length || !amount} onClick={() => setAlloc(Object.fromEntries(Object.entries(fillOldestFirst(amount ?? 0, items)).map(([id, n]) => [id, inputText(n, currency)])))}>
          Allocate oldest first
        </Button>
      </Group>
      <Table withTableBorder aria-label="Open documents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Number</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th ta="right">Open</Table.Th>
            <Table.Th ta="right">Allocate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.docId} data-testid={`open-item-${i.number}`}>
              <Table.Td>{i.number}</Table.Td>
              <Table.Td>{i.date}</Table.Td>
              <Table.Td>{i.dueDate}</Table.Td>
              <Table.Td>{statusLabel(i.status)}</Table.Td>
              <Table.Td ta="right">{moneyText(i.gross, currency)}</Table.Td>
              <Table.Td ta="right">{moneyText(i.open, currency)}</Table.Td>
              <Table.Td ta="right">
                <TextInput
                  aria-label={`Allocate to ${i.number}`}
                  value={alloc[i.docId] ?? ''}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setAlloc((a) => ({ ...a, [i.docId]: text }));
                  }}
                  inputMode="decimal"
                  size="xs"
                  w={130}
                  ml="auto"
                  styles={{ input: { textAlign: 'right' } }}
                  error={errors[`allocations.${i.docId}`] ?? read.errors[i.docId]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {head.partyId && !open.isFetching && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing open in {currency} for this {labels.partyKind}; the whole amount is kept on account.
        </Text>
      )}
      <Group justify="flex-end" gap="xl">
        <div>
          <Text size="xs" c="dimmed" ta="right">
            {auto ? 'Allocated (oldest first)' : 'Allocated'}
          </Text>
          <Text size="sm" ta="right" data-testid="payment-allocated">
            {moneyText(allocated, currency)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" ta="right" id="payment-unallocated-label">
            Unallocated (kept on account)
          </Text>
          <Text size="sm" fw={600} ta="right" c={unallocated < 0 ? 'red' : undefined} data-testid="payment-unallocated" aria-labelledby="payment-unallocated-label">
            {moneyText(unallocated, currency)}
          </Text>
        </div>
      </Group>
      {auto && (amount ?? 0) > 0 && items.length > 0 && (
        <Text size="xs" c="dimmed">
          Nothing allocated by hand: the money will settle the oldest documents first.
        </Text>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => navigate(labels.listPath)} disabled={isLoading}>
          Cancel
        </Button>
        <Button onClick={submit} loading={isLoading}>
          {labels.pay}
        </Button>
      </Group>
    </Stack>
  );
}
