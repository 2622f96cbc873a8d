import { SegmentedControl, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../../../ui/form-errors';
import { CURRENCIES } from '../../../../ui/options';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { formatIsoDate } from '../../../../ui/inputs/date-format';
import type { Party, TaxMode } from '../../domain/schemas';
import type { useSlips } from '../typed-form';
import type { TradeHead } from './trade-head';
import type { SideLabels } from './trade-labels';

export interface TradeHeadFieldsProps {
  head: TradeHead;
  set: (patch: Partial<TradeHead>) => void;
  errors: FieldErrors;
  slips: ReturnType<typeof useSlips>;
  labels: SideLabels;
  /** The customers (or suppliers) to choose from. */
  choices: Party[];
  /** The document currency in effect (the head's, else the party's, else the company's). */
  currency: string;
  baseCurrency: string;
  foreign: boolean;
  /** The due date the payment terms give, '' when there is none yet. */
  dueFromTerms: string;
  /** The original a credit corrects; its currency stays when the party changes. */
  creditSource: string | null;
}

/** The invoice/bill editor's head: party, dates, reference, currency and rate, tax mode, memo. */
export function TradeHeadFields({
  head,
  set,
  errors,
  slips,
  labels,
  choices,
  currency,
  baseCurrency,
  foreign,
  dueFromTerms,
  creditSource,
}: TradeHeadFieldsProps) {
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <DateInput
        label="Date"
        // A new document starts where a clerk starts: the date, then the party.
        autoFocus
        value={head.date || null}
        onChange={(date, text) => {
          slips.note('date', date, text);
          set({ date: date ?? '' });
        }}
        error={slips.error('date', errors.date)}
      />
      <RecordPicker
        label={labels.party}
        data={choices.map((p) => ({ value: p._id, label: `${p.code} ${p.name}` }))}
        value={head.partyId || null}
        onChange={(v) => set({ partyId: v ?? '', currency: creditSource ? head.currency : '' })}
        error={errors.partyId}
        placeholder={`Choose a ${labels.partyKind}`}
        nothingFoundMessage={`No ${labels.partyKind} matches. Add one under Customers and suppliers.`}
      />
      <DateInput
        label="Due date"
        value={head.dueDate || null}
        onChange={(due, text) => {
          slips.note('dueDate', due, text);
          set({ dueDate: due ?? '' });
        }}
        error={slips.error('dueDate', errors.dueDate)}
        description={
          head.dueDate
            ? undefined
            : dueFromTerms
              ? `Empty = from terms: ${formatIsoDate(dueFromTerms)}`
              : 'Empty = from payment terms'
        }
      />
      <TextInput
        label="Reference"
        value={head.reference}
        onChange={(e) => set({ reference: e.currentTarget.value })}
        error={errors.reference}
      />
      <RecordPicker
        label="Currency"
        data={CURRENCIES}
        value={currency}
        onChange={(c) => set({ currency: c ?? '' })}
        error={errors.currency}
      />
      {foreign && (
        <TextInput
          label={`Rate (${baseCurrency} per ${currency})`}
          value={head.rate}
          onChange={(e) => set({ rate: e.currentTarget.value })}
          error={errors.rate}
          inputMode="decimal"
        />
      )}
      <div>
        <Text size="sm" fw={500} mb={2} id="trade-tax-mode">
          Tax mode
        </Text>
        <SegmentedControl
          aria-labelledby="trade-tax-mode"
          value={head.taxMode}
          onChange={(v) => set({ taxMode: v as TaxMode })}
          data={[
            { value: 'exclusive', label: 'Tax exclusive' },
            { value: 'inclusive', label: 'Tax inclusive' },
          ]}
        />
      </div>
      <TextInput
        label="Memo"
        value={head.memo}
        onChange={(e) => set({ memo: e.currentTarget.value })}
        error={errors.memo}
      />
    </SimpleGrid>
  );
}
