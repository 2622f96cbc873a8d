import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { todayLocal } from '../../../../core/dates';
import { FormScaffold } from '../../../../ui/form/FormScaffold';
import { useInputLocale } from '../../../../ui/inputs/input-locale';
import { moneyText } from '../format';
import { useSlips } from '../typed-form';
import { useTableRate } from '../use-table-rate';
import {
  useTradeAccountsQuery,
  useTradeOpenItemsQuery,
  useTradePartiesQuery,
  useTradeRecordPaymentMutation,
  useTradeSetupQuery,
} from './api';
import { AllocationTable } from './AllocationTable';
import { announce, paymentRecordedText, type Recorded } from './announce';
import { PaymentHeadFields, type PaymentHead } from './PaymentHeadFields';
import { overOpen, paymentForm, typedAllocations } from './payment-form';
import { allocatable, fillOldestFirst } from './payment-allocation';
import { partiesFor, sideLabels } from './trade-labels';

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
  const locale = useInputLocale(undefined);
  const tradeSide = side === 'receipt' ? 'sales' : 'purchase';
  const labels = sideLabels(tradeSide);
  const { data: setup } = useTradeSetupQuery();
  const { data: parties = [] } = useTradePartiesQuery();
  const { data: accounts = [] } = useTradeAccountsQuery();
  const [record] = useTradeRecordPaymentMutation();
  const [head, setHead] = useState<PaymentHead>({
    partyId: params.get('party') ?? '',
    date: todayLocal(),
    currency: '',
    account: '',
    reference: '',
    memo: '',
  });
  // The rate's typed text too: the rate table fills the field only while it is "" or "1".
  const [rate, setRateState] = useState<{ value: string | null; text: string }>({
    value: '1',
    text: '1',
  });
  // An amount belongs to its currency: one typed before the currency changed no longer counts.
  const [typedAmount, setTypedAmount] = useState<{ currency: string; minor: number | null }>({
    currency: '',
    minor: null,
  });
  const [alloc, setAlloc] = useState<Record<string, number | null>>({});
  const slips = useSlips();
  // What the core recorded, to say its number once the form is done.
  const recorded = useRef<Recorded | null>(null);

  const base = setup?.baseCurrency ?? 'USD';
  const party = parties.find((p) => p._id === head.partyId) ?? null;
  const partyOptions = useMemo(
    () =>
      partiesFor(parties, tradeSide).map((p) => ({ value: p._id, label: `${p.code} ${p.name}` })),
    [parties, tradeSide],
  );
  const currency = head.currency || party?.currency || base;
  const foreign = currency !== base;
  const banks = useMemo(
    () =>
      accounts
        .filter((a) => !a.isGroup && !a.archived && (a.subtype === 'bank' || a.subtype === 'cash'))
        .map((a) => ({
          value: a.code,
          label: `${a.code} ${a.name}${a.currency ? ` (${a.currency})` : ''}`,
        })),
    [accounts],
  );
  const account = head.account || banks[0]?.value || '';
  const open = useTradeOpenItemsQuery(
    { side: tradeSide, partyId: head.partyId },
    { skip: !head.partyId },
  );
  const items = useMemo(
    () => allocatable(open.currentData ?? [], currency),
    [open.currentData, currency],
  );
  const openById = useMemo(() => new Map(items.map((i) => [i.docId, i.open])), [items]);
  const amount = typedAmount.currency === currency ? typedAmount.minor : null;
  // Only inputs of documents still on screen count (a party or currency change hides others).
  const shown = Object.fromEntries(Object.entries(alloc).filter(([id]) => openById.has(id)));
  const byHand = typedAllocations(shown);
  // Nothing typed by hand: preview what the core will do (oldest first).
  const auto = byHand.length === 0;
  const allocated = (
    auto ? Object.values(fillOldestFirst(amount ?? 0, items)) : byHand.map((a) => a.amount)
  ).reduce((a, b) => a + b, 0);
  const unallocated = (amount ?? 0) - allocated;

  const set = (patch: Partial<typeof head>) => setHead((h) => ({ ...h, ...patch }));
  const setRate = useCallback((r: string) => setRateState({ value: r, text: r }), []);
  useTableRate(currency, base, head.date ?? '', rate.value ?? rate.text, setRate);
  const schema = useMemo(
    () => paymentForm({ partyKind: labels.partyKind, open: openById, locale }),
    [labels.partyKind, openById, locale],
  );
  const slipPaths = [
    'date',
    'amount',
    'rate',
    ...items.map((i) => `allocations.${i.docId}`),
  ].filter((p) => slips.has(p));

  return (
    <Stack gap="sm">
      <Title order={3}>{labels.pay}</Title>
      <FormScaffold
        schema={schema}
        values={{
          side,
          ...head,
          account,
          currency,
          foreign,
          rate: rate.value,
          amount,
          allocations: shown,
          slips: slipPaths,
        }}
        onSubmit={async (input) => {
          const res = await record(input);
          recorded.current = 'data' in res ? { ...input, ...res.data } : null;
          return res;
        }}
        onSaved={() => {
          const done = recorded.current;
          const text = done ? paymentRecordedText(done, party?.name ?? '') : null;
          if (text) announce(text);
          // The list says it too, so the number is still there when the notification has gone.
          navigate(labels.listPath, text ? { state: { announce: text } } : undefined);
        }}
        submitLabel={labels.pay}
        aria-label={labels.pay}
        actions={
          <Button variant="default" onClick={() => navigate(labels.listPath)}>
            Cancel
          </Button>
        }
      >
        {(form) => (
          <>
            <PaymentHeadFields
              form={form}
              slips={slips}
              labels={labels}
              head={head}
              set={set}
              parties={partyOptions}
              banks={banks}
              currency={currency}
              account={account}
              base={base}
              foreign={foreign}
              amount={amount}
              onAmount={(minor) => setTypedAmount({ currency, minor })}
              rate={rate.value}
              onRate={(value, text) => setRateState({ value, text })}
              clearAllocations={() => setAlloc({})}
            />

            <Group justify="space-between" align="flex-end">
              <Text fw={600}>
                Open {side === 'receipt' ? 'invoices' : 'bills'} in {currency}
              </Text>
              <Button
                size="xs"
                variant="default"
                disabled={!items.length || !amount}
                onClick={() => setAlloc(fillOldestFirst(amount ?? 0, items))}
              >
                Allocate oldest first
              </Button>
            </Group>
            <AllocationTable
              items={items}
              currency={currency}
              values={alloc}
              onChange={(docId, minor, text) => {
                slips.note(`allocations.${docId}`, minor, text);
                setAlloc((x) => ({ ...x, [docId]: minor }));
              }}
              errorOf={(i) => {
                const path = `allocations.${i.docId}`;
                // Said as soon as it is typed: more than is open never goes through.
                const over = overOpen(alloc[i.docId] ?? null, i.open, currency, locale);
                return slips.error(path, form.error(path) ?? over ?? undefined);
              }}
            />
            {head.partyId && !open.isFetching && items.length === 0 && (
              <Text size="sm" c="dimmed">
                Nothing open in {currency} for this {labels.partyKind}; the whole amount is kept on
                account.
              </Text>
            )}
            {form.error('allocations') && (
              <Text size="sm" c="red" ta="right" data-testid="payment-allocations-error">
                {form.error('allocations')}
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
                <Text
                  size="sm"
                  fw={600}
                  ta="right"
                  c={unallocated < 0 ? 'red' : undefined}
                  data-testid="payment-unallocated"
                  aria-labelledby="payment-unallocated-label"
                >
                  {moneyText(unallocated, currency)}
                </Text>
              </div>
            </Group>
            {auto && (amount ?? 0) > 0 && items.length > 0 && (
              <Text size="xs" c="dimmed">
                Nothing allocated by hand: the money will settle the oldest documents first.
              </Text>
            )}
          </>
        )}
      </FormScaffold>
    </Stack>
  );
}
