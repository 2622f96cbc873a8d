import { SimpleGrid, TextInput } from '@mantine/core';
import type { FormApi } from '../../../../ui/form/FormScaffold';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { MoneyInput } from '../../../../ui/inputs/MoneyInput';
import { QuantityInput } from '../../../../ui/inputs/QuantityInput';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { CURRENCIES } from '../../../../ui/options';
import type { useSlips } from '../typed-form';
import type { SideLabels } from './trade-labels';

/** Up to ten decimals, as the rate schema allows. */
const RATE_DECIMALS = 10;

export interface PaymentHead {
  partyId: string;
  date: string | null;
  currency: string;
  account: string;
  reference: string;
  memo: string;
}

export interface PaymentHeadFieldsProps {
  form: FormApi;
  slips: ReturnType<typeof useSlips>;
  labels: SideLabels;
  head: PaymentHead;
  set(patch: Partial<PaymentHead>): void;
  /** Customers (or suppliers) to choose from, and the bank or cash accounts. */
  parties: { value: string; label: string }[];
  banks: { value: string; label: string }[];
  /** The currency and bank account in effect (typed, else the party's or the first bank's). */
  currency: string;
  account: string;
  base: string;
  foreign: boolean;
  amount: number | null;
  onAmount(minor: number | null, text: string): void;
  rate: string | null;
  onRate(value: string | null, text: string): void;
  /** A party or currency change empties the allocations typed for the old one. */
  clearAllocations(): void;
}

/**
 * The receipt/payment form's head, in the order a clerk fills it from a bank advice: date,
 * party, amount, currency (and rate), bank account, reference, memo. The date has the focus on
 * arrival; every picker takes the best match on Enter and moves on.
 */
export function PaymentHeadFields({
  form,
  slips,
  labels,
  head,
  set,
  parties,
  banks,
  currency,
  account,
  base,
  foreign,
  amount,
  onAmount,
  rate,
  onRate,
  clearAllocations,
}: PaymentHeadFieldsProps) {
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <DateInput
        label="Date"
        autoFocus
        value={head.date}
        onChange={(date, text) => {
          slips.note('date', date, text);
          set({ date });
        }}
        error={slips.error('date', form.error('date'))}
      />
      <RecordPicker
        label={labels.party}
        data={parties}
        value={head.partyId || null}
        onChange={(v) => {
          set({ partyId: v ?? '', currency: '' });
          clearAllocations();
        }}
        placeholder={`Choose a ${labels.partyKind}`}
        nothingFoundMessage={`No ${labels.partyKind} matches. Add one under Customers and suppliers.`}
        error={form.error('partyId')}
      />
      <MoneyInput
        label="Amount"
        currency={currency}
        value={amount}
        onChange={(minor, text) => {
          slips.note('amount', minor, text);
          onAmount(minor, text);
        }}
        error={slips.error('amount', form.error('amount'))}
      />
      <RecordPicker
        label="Currency"
        data={CURRENCIES}
        value={currency}
        onChange={(c) => {
          set({ currency: c ?? '' });
          clearAllocations();
        }}
        error={form.error('currency')}
      />
      {foreign && (
        <QuantityInput
          label={`Rate (${base} per ${currency})`}
          precision={RATE_DECIMALS}
          value={rate}
          onChange={(value, text) => {
            slips.note('rate', value, text);
            onRate(value, text);
          }}
          error={slips.error('rate', form.error('rate'))}
        />
      )}
      <RecordPicker
        label="Bank or cash account"
        data={banks}
        value={account || null}
        onChange={(v) => set({ account: v ?? '' })}
        error={form.error('account')}
        nothingFoundMessage="No bank or cash accounts"
      />
      <TextInput
        label="Reference"
        value={head.reference}
        onChange={(e) => set({ reference: e.currentTarget.value })}
        error={form.error('reference')}
      />
      <TextInput
        label="Memo"
        value={head.memo}
        onChange={(e) => set({ memo: e.currentTarget.value })}
        error={form.error('memo')}
      />
    </SimpleGrid>
  );
}
