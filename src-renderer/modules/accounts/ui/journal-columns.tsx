import { TextInput } from '@mantine/core';
import { RecordPicker } from '../../../ui/inputs/RecordPicker';
import { removeRowColumn } from '../../../ui/grid/remove-row-column';
import type { GridColumn } from '../../../ui/grid/DataGrid';
import type { FieldErrors } from '../../../ui/form-errors';
import type { GridRow } from './journal-grid';

interface JournalColumnsArgs {
  options: { value: string; label: string }[];
  update(key: number, patch: Partial<GridRow>): void;
  remove(key: number): void;
  errors: FieldErrors;
  badAmounts: readonly number[];
}

const right = { input: { textAlign: 'right' as const } };

/**
 * The journal editor's columns on the shared DataGrid: an account picker that filters as you
 * type and moves on when an account is chosen, debit and credit as typed text (read exactly
 * by journal-grid.ts), a line memo, and a remove button.
 */
export function journalColumns({
  options,
  update,
  remove,
  errors,
  badAmounts,
}: JournalColumnsArgs): GridColumn<GridRow>[] {
  const amount = (field: 'debit' | 'credit', header: string): GridColumn<GridRow> => ({
    id: field,
    header,
    width: '130px',
    align: 'right',
    editor: {
      value: (r) => r[field],
      set: (r, _i, v) => update(r.key, { [field]: v }),
      render: (p, r, i) => (
        <TextInput
          aria-label={`${header}, line ${i + 1}`}
          value={p.value}
          onChange={(e) => p.onChange(e.currentTarget.value)}
          inputMode="decimal"
          autoComplete="off"
          styles={right}
          error={
            field === 'debit'
              ? badAmounts.includes(r.key)
                ? 'Not an amount'
                : errors[`lines.${i}.debit`]
              : undefined
          }
          size="xs"
        />
      ),
    },
  });
  return [
    {
      id: 'account',
      header: 'Account',
      width: 'minmax(220px, 2fr)',
      editor: {
        value: (r) => r.account,
        set: (r, _i, v) => update(r.key, { account: v }),
        render: (p, _r, i) => (
          <RecordPicker
            aria-label={`Account, line ${i + 1}`}
            data={options}
            value={p.value || null}
            clearable
            placeholder="Type a code or name"
            limit={50}
            onChange={(v) => p.onChange(v ?? '')}
            onMoveOn={p.onCommit}
            error={errors[`lines.${i}.account`]}
            size="xs"
          />
        ),
      },
    },
    amount('debit', 'Debit'),
    amount('credit', 'Credit'),
    {
      id: 'memo',
      header: 'Line memo',
      width: 'minmax(160px, 2fr)',
      editor: {
        value: (r) => r.memo,
        set: (r, _i, v) => update(r.key, { memo: v }),
        render: (p, _r, i) => (
          <TextInput
            aria-label={`Memo, line ${i + 1}`}
            value={p.value}
            onChange={(e) => p.onChange(e.currentTarget.value)}
            autoComplete="off"
            size="xs"
          />
        ),
      },
    },
    removeRowColumn<GridRow>(remove),
  ];
}
