import { Text, TextInput } from '@mantine/core';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { removeRowColumn } from '../../../../ui/grid/remove-row-column';
import type { GridColumn } from '../../../../ui/grid/DataGrid';
import type { TradeRow } from './trade-lines';

type TextField = 'description' | 'quantity' | 'unitPrice' | 'discount';

interface TradeColumnsArgs {
  update(key: number, patch: Partial<TradeRow>): void;
  remove(key: number): void;
  errorAt(key: number, field: string): string | undefined;
  amountOf(row: TradeRow): string;
  accountOptions: { value: string; label: string }[];
  taxOptions: { value: string; label: string }[];
}

const right = { input: { textAlign: 'right' as const } };

/** The invoice/bill lines' columns on the shared DataGrid. Amounts stay text as typed; trade-lines.ts reads them exactly. */
export function tradeColumns({
  update,
  remove,
  errorAt,
  amountOf,
  accountOptions,
  taxOptions,
}: TradeColumnsArgs): GridColumn<TradeRow>[] {
  const text = (
    field: TextField,
    header: string,
    width: string,
    opts: { numeric?: boolean; errorField?: string; placeholder?: string } = {},
  ): GridColumn<TradeRow> => ({
    id: field,
    header,
    width,
    align: opts.numeric ? 'right' : undefined,
    editor: {
      value: (r) => r[field],
      set: (r, _i, v) => update(r.key, { [field]: v }),
      render: (p, r, i) => (
        <TextInput
          aria-label={`${header}, line ${i + 1}`}
          placeholder={opts.placeholder}
          value={p.value}
          onChange={(e) => p.onChange(e.currentTarget.value)}
          inputMode={opts.numeric ? 'decimal' : undefined}
          autoComplete="off"
          styles={opts.numeric ? right : undefined}
          error={errorAt(r.key, opts.errorField ?? field)}
          size="xs"
        />
      ),
    },
  });
  const picker = (
    field: 'taxCode' | 'account',
    header: string,
    width: string,
    data: { value: string; label: string }[],
    placeholder: string,
    clearable: boolean,
  ): GridColumn<TradeRow> => ({
    id: field,
    header,
    width,
    editor: {
      value: (r) => r[field],
      set: (r, _i, v) => update(r.key, { [field]: v }),
      render: (p, r, i) => (
        <RecordPicker
          aria-label={`${header}, line ${i + 1}`}
          data={data}
          value={p.value || null}
          placeholder={placeholder}
          clearable={clearable}
          limit={50}
          onChange={(v) => p.onChange(v ?? '')}
          onMoveOn={p.onCommit}
          error={errorAt(r.key, field)}
          size="xs"
        />
      ),
    },
  });
  return [
    text('description', 'Description', 'minmax(200px, 3fr)'),
    text('quantity', 'Quantity', '80px', { numeric: true, placeholder: '1' }),
    text('unitPrice', 'Unit price', '120px', { numeric: true }),
    text('discount', 'Discount %', '80px', { numeric: true, errorField: 'discountBp' }),
    picker('taxCode', 'Tax code', 'minmax(120px, 1fr)', taxOptions, 'No tax', true),
    picker(
      'account',
      'Account',
      'minmax(180px, 2fr)',
      accountOptions,
      'Type a code or name',
      false,
    ),
    {
      id: 'amount',
      header: 'Amount',
      width: '120px',
      align: 'right',
      cell: (r, i) => (
        <Text
          size="sm"
          ta="right"
          pt={4}
          style={{ fontVariantNumeric: 'tabular-nums' }}
          aria-label={`Amount, line ${i + 1}`}
        >
          {amountOf(r)}
        </Text>
      ),
    },
    removeRowColumn<TradeRow>(remove),
  ];
}
