import { Select, Text } from '@mantine/core';
import type { GridColumn } from '../../../../ui/grid/DataGrid';
import { removeRowColumn } from '../../../../ui/grid/remove-row-column';
import { MoneyInput } from '../../../../ui/inputs/MoneyInput';
import { QuantityInput } from '../../../../ui/inputs/QuantityInput';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import type { Item, MoveKind } from '../../domain/schemas';
import { QTY_DECIMALS, qtyText } from '../format';
import { countDifference, type LineDraft } from './move-lines';

interface Args {
  kind: MoveKind;
  items: ReadonlyMap<string, Item>;
  options: { value: string; label: string }[];
  currency: string;
  onHand: ReadonlyMap<string, string>;
  errors: Record<string, string>;
  update(key: number, patch: Partial<LineDraft>): void;
  remove(key: number): void;
}

/**
 * A move's lines on the shared grid. A count asks only what is on the shelf and shows the books
 * beside it; the others ask the quantity, its unit and (bringing goods in) the unit cost.
 */
export function moveColumns({
  kind,
  items,
  options,
  currency,
  onHand,
  errors,
  update,
  remove,
}: Args) {
  const unitOf = (r: LineDraft) => r.unit || items.get(r.item)?.baseUnit || '';
  const cols: GridColumn<LineDraft>[] = [
    {
      id: 'item',
      header: 'Item',
      width: 'minmax(240px, 3fr)',
      editor: {
        value: (r) => r.item,
        set: (r, _i, v) => update(r.key, { item: v, unit: items.get(v)?.baseUnit ?? '' }),
        render: (p, _r, i) => (
          <RecordPicker
            aria-label={`Item, line ${i + 1}`}
            data={options}
            value={p.value || null}
            placeholder="SKU or name"
            limit={50}
            onChange={(v) => p.onChange(v ?? '')}
            onMoveOn={p.onCommit}
            error={errors[`lines.${i}.item`]}
            size="xs"
          />
        ),
      },
    },
  ];
  const qty = (field: 'qty' | 'counted', header: string): GridColumn<LineDraft> => ({
    id: field,
    header,
    width: '130px',
    align: 'right',
    editor: {
      value: (r) => r[field],
      set: (r, _i, v) => update(r.key, { [field]: v }),
      render: (p, _r, i) => (
        <QuantityInput
          aria-label={`${header}, line ${i + 1}`}
          value={p.value || null}
          onChange={(v) => p.onChange(v ?? '')}
          precision={QTY_DECIMALS}
          error={errors[`lines.${i}.qty`]}
          size="xs"
        />
      ),
    },
  });
  if (kind === 'count') {
    cols.push(
      {
        id: 'books',
        header: 'On the books',
        width: '140px',
        align: 'right',
        // The same small text as the difference beside it: plain, it showed larger than its row.
        cell: (r) =>
          r.item ? <Text size="sm">{qtyText(onHand.get(r.item) ?? '0', unitOf(r))}</Text> : '',
      },
      qty('counted', 'Counted'),
      {
        id: 'difference',
        header: 'Difference',
        width: '130px',
        align: 'right',
        cell: (r) => {
          const d =
            r.item && r.counted ? countDifference(r.counted, onHand.get(r.item) ?? '0') : null;
          return d === null ? '' : <Text size="sm">{qtyText(d, unitOf(r))}</Text>;
        },
      },
    );
  } else {
    cols.push(qty('qty', kind === 'adjustment' ? 'Change (+ or −)' : 'Quantity'), {
      id: 'unit',
      header: 'Unit',
      width: '110px',
      editor: {
        value: unitOf,
        set: (r, _i, v) => update(r.key, { unit: v }),
        render: (p, r, i) => {
          const it = items.get(r.item);
          const units = it ? [it.baseUnit, ...it.units.map((u) => u.unit)] : [];
          return (
            <Select
              aria-label={`Unit, line ${i + 1}`}
              data={units}
              value={p.value || null}
              onChange={(v) => v && p.onChange(v)}
              allowDeselect={false}
              size="xs"
            />
          );
        },
      },
    });
    if (kind === 'receipt' || kind === 'adjustment')
      cols.push({
        id: 'unitCost',
        header: `Unit cost (${currency})`,
        width: '140px',
        align: 'right',
        editor: {
          value: (r) => (r.unitCost === null ? '' : String(r.unitCost)),
          set: (r, _i, v) => update(r.key, { unitCost: v === '' ? null : Number(v) }),
          render: (p, _r, i) => (
            <MoneyInput
              aria-label={`Unit cost, line ${i + 1}`}
              currency={currency}
              value={p.value === '' ? null : Number(p.value)}
              onChange={(v) => p.onChange(v === null ? '' : String(v))}
              error={errors[`lines.${i}.unitCost`]}
              size="xs"
            />
          ),
        },
      });
  }
  cols.push(removeRowColumn<LineDraft>(remove));
  return cols;
}
