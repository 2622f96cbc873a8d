import { Button, Select, Text, TextInput } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import type { FieldErrors } from '../../../../ui/form-errors';
import type { TaxMode } from '../../domain/schemas';
import { lineAmounts, type TaxRate } from '../../domain/tax';
import { amountCell } from '../format';
import { gridToLines, withTrailingTradeBlank, type TradeRow } from './trade-form';

const COLS = ['description', 'quantity', 'unitPrice', 'discount', 'taxCode', 'account'] as const;

export interface TradeLinesGridProps {
  rows: TradeRow[];
  onChange(rows: TradeRow[]): void;
  currency: string;
  taxMode: TaxMode;
  taxCodes: ReadonlyMap<string, TaxRate>;
  accountOptions: { value: string; label: string }[];
  taxOptions: { value: string; label: string }[];
  defaults: { account: string; taxCode: string };
  /** Errors from the last save, keyed `lines.N.field`, and the row keys those N refer to. */
  errors: FieldErrors;
  errorKeys: number[];
}

/**
 * The lines of an invoice or bill, keyboard-first: Enter moves to the next cell and, from the
 * last cell, to the next row (a blank row is always waiting at the end). Pickers filter as you
 * type and move on when an option is chosen.
 */
export function TradeLinesGrid({ rows, onChange, currency, taxMode, taxCodes, accountOptions, taxOptions, defaults, errors, errorKeys }: TradeLinesGridProps) {
  const grid = useRef<HTMLDivElement>(null);
  const live = gridToLines(rows, currency);
  const liveIndex = new Map(live.keys.map((k, i) => [k, i]));

  const errorAt = (key: number, field: string): string | undefined => {
    const saved = errorKeys.indexOf(key);
    const fromSave = saved >= 0 ? errors[`lines.${saved}.${field}`] : undefined;
    if (fromSave) return fromSave;
    // Amounts are checked as you type; missing descriptions and accounts only when saving.
    if (field !== 'unitPrice' && field !== 'discountBp' && field !== 'quantity') return undefined;
    const i = liveIndex.get(key);
    return i === undefined ? undefined : live.errors[`lines.${i}.${field}`];
  };

  const update = (key: number, patch: Partial<TradeRow>) => onChange(withTrailingTradeBlank(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)), defaults));
  const remove = (key: number) => onChange(withTrailingTradeBlank(rows.filter((r) => r.key !== key), defaults));

  const focusCell = (row: number, col: number) => {
    const el = grid.current?.querySelector<HTMLInputElement>(`[data-cell="${row}-${col}"]`);
    el?.focus();
    el?.select?.();
  };
  const moveOn = (row: number, col: number) => {
    if (col < COLS.length - 1) setTimeout(() => focusCell(row, col + 1), 0);
    else setTimeout(() => focusCell(row + 1, 0), 0);
  };
  const onKey = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      moveOn(row, col);
    }
  };

  const amountOf = (r: TradeRow): string => {
    const i = liveIndex.get(r.key);
    const line = i === undefined ? undefined : live.lines[i];
    if (!line || errorAt(r.key, 'unitPrice') || errorAt(r.key, 'quantity') || errorAt(r.key, 'discountBp')) return '';
    try {
      const a = lineAmounts(line, taxCodes, taxMode, currency);
      return amountCell(taxMode === 'inclusive' ? a.gross : a.net, currency);
    } catch {
      return '';
    }
  };

  return (
    <div ref={grid} role="table" aria-label="Lines">
      <div role="row" style={gridRow}>
        {['Description', 'Quantity', 'Unit price', 'Discount %', 'Tax code', 'Account', 'Amount'].map((h, i) => (
          <Text key={h} size="xs" fw={600} role="columnheader" ta={i > 0 && i < 4 ? 'right' : i === 6 ? 'right' : undefined}>
            {h}
          </Text>
        ))}
        <span />
      </div>
      {rows.map((r, i) => {
        const n = i + 1;
        return (
          <div role="row" key={r.key} style={gridRow} data-testid={`trade-line-${i}`}>
            <TextInput
              aria-label={`Description, line ${n}`}
              value={r.description}
              onChange={(e) => update(r.key, { description: e.currentTarget.value })}
              onKeyDown={onKey(i, 0)}
              data-cell={`${i}-0`}
              error={errorAt(r.key, 'description')}
              size="xs"
            />
            <TextInput
              aria-label={`Quantity, line ${n}`}
              placeholder="1"
              value={r.quantity}
              onChange={(e) => update(r.key, { quantity: e.currentTarget.value })}
              onKeyDown={onKey(i, 1)}
              data-cell={`${i}-1`}
              inputMode="decimal"
              styles={right}
              error={errorAt(r.key, 'quantity')}
              size="xs"
            />
            <TextInput
              aria-label={`Unit price, line ${n}`}
              value={r.unitPrice}
              onChange={(e) => update(r.key, { unitPrice: e.currentTarget.value })}
              onKeyDown={onKey(i, 2)}
              data-cell={`${i}-2`}
              inputMode="decimal"
              styles={right}
              error={errorAt(r.key, 'unitPrice')}
              size="xs"
            />
            <TextInput
              aria-label={`Discount %, line ${n}`}
              value={r.discount}
              onChange={(e) => update(r.key, { discount: e.currentTarget.value })}
              onKeyDown={onKey(i, 3)}
              data-cell={`${i}-3`}
              inputMode="decimal"
              styles={right}
              error={errorAt(r.key, 'discountBp')}
              size="xs"
            />
            <Select
              aria-label={`Tax code, line ${n}`}
              data={taxOptions}
              value={r.taxCode || null}
              placeholder="No tax"
              searchable
              clearable
              onChange={(v) => update(r.key, { taxCode: v ?? '' })}
              onOptionSubmit={() => moveOn(i, 4)}
              data-cell={`${i}-4`}
              error={errorAt(r.key, 'taxCode')}
              size="xs"
            />
            <Select
              aria-label={`Account, line ${n}`}
              data={accountOptions}
              value={r.account || null}
              placeholder="Type a code or name"
              searchable
              limit={50}
              onChange={(v) => update(r.key, { account: v ?? '' })}
              onOptionSubmit={() => moveOn(i, 5)}
              data-cell={`${i}-5`}
              error={errorAt(r.key, 'account')}
              size="xs"
            />
            <Text size="sm" ta="right" pt={4} style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={`Amount, line ${n}`}>
              {amountOf(r)}
            </Text>
            <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Remove line ${n}`} onClick={() => remove(r.key)} tabIndex={-1}>
              ✕
            </Button>
          </div>
        );
      })}
    </div>
  );
}

const right = { input: { textAlign: 'right' as const } };

const gridRow: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(200px, 3fr) 80px 120px 80px minmax(120px, 1fr) minmax(180px, 2fr) 120px 32px',
  gap: 6,
  alignItems: 'start',
  padding: '3px 0',
};
