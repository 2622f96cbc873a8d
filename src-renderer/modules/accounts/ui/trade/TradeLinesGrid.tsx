import type { FieldErrors } from '../../../../ui/form-errors';
import type { TaxMode } from '../../domain/schemas';
import { lineAmounts, type TaxRate } from '../../domain/tax';
import { amountCell } from '../format';
import { DataGrid } from '../../../../ui/grid/DataGrid';
import { tradeColumns } from './trade-columns';
import { gridToLines, patchTradeRow, withTrailingTradeBlank, type TradeRow } from './trade-lines';

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
 * The lines of an invoice or bill on the shared DataGrid, keyboard-first: arrows move, typing
 * edits, Enter moves to the next cell and, from the last, to the next row (a blank row is always
 * waiting at the end), Escape undoes the cell. Pickers filter as you type and move on when an
 * option is chosen.
 */
export function TradeLinesGrid({
  rows,
  onChange,
  currency,
  taxMode,
  taxCodes,
  accountOptions,
  taxOptions,
  defaults,
  errors,
  errorKeys,
}: TradeLinesGridProps) {
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

  const update = (key: number, patch: Partial<TradeRow>) =>
    onChange(patchTradeRow(rows, key, patch, defaults));
  const remove = (key: number) =>
    onChange(
      withTrailingTradeBlank(
        rows.filter((r) => r.key !== key),
        defaults,
      ),
    );

  const amountOf = (r: TradeRow): string => {
    const i = liveIndex.get(r.key);
    const line = i === undefined ? undefined : live.lines[i];
    if (
      !line ||
      errorAt(r.key, 'unitPrice') ||
      errorAt(r.key, 'quantity') ||
      errorAt(r.key, 'discountBp')
    )
      return '';
    try {
      const a = lineAmounts(line, taxCodes, taxMode, currency);
      return amountCell(taxMode === 'inclusive' ? a.gross : a.net, currency);
    } catch {
      return '';
    }
  };

  return (
    <DataGrid
      label="Lines"
      columns={tradeColumns({ update, remove, errorAt, amountOf, accountOptions, taxOptions })}
      rows={rows}
      rowKey={(r) => String(r.key)}
      rowTestId={(_r, i) => `trade-line-${i}`}
      restoreRow={(_i, row) =>
        onChange(
          withTrailingTradeBlank(
            rows.map((r) => (r.key === row.key ? row : r)),
            defaults,
          ),
        )
      }
    />
  );
}
