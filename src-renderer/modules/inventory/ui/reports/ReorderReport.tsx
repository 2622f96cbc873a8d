import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { todayLocal } from '../../../../core/dates';
import { errorMessage } from '../../../../ui/form-errors';
import type { GridColumn } from '../../../../ui/grid/DataGrid';
import type { ReorderRow } from '../../rpc-contract';
import { useReorderSuggestionsQuery } from '../api';
import { useInventoryContext } from '../context';
import { useSaveOrderMutation } from '../orders/api';
import { qtyText } from '../format';
import { reorderCsv } from './csv-more';
import { ReorderRules } from './ReorderRules';
import { ReportBar } from './ReportBar';
import { WideGrid } from './WideGrid';

/**
 * What to buy: every reorder rule whose stock, counting what purchase orders still bring and
 * what sales orders still take, is at or below its level, with how much to order.
 */
export function ReorderReport() {
  const [branch, setBranch] = useState('');
  const { currentData: rows, error } = useReorderSuggestionsQuery({ branch: branch || null });
  const own = useInventoryContext().branch;
  const navigate = useNavigate();
  const [saveOrder, saving] = useSaveOrderMutation();
  const [failure, setFailure] = useState<string | null>(null);
  // A draft to check and confirm on the order form: supplier, price and currency of the last
  // purchase order. Only for this device's branch, whose warehouses it may order into.
  async function draftOrder(r: ReorderRow) {
    const s = r.supplier;
    if (!s || s.unitPrice === null) return;
    setFailure(null);
    try {
      const draft = await saveOrder({
        side: 'purchase',
        partyId: s.id,
        date: todayLocal(),
        currency: s.currency,
        warehouse: r.warehouse,
        lines: [{ item: r.item, qty: r.suggested, unitPrice: s.unitPrice }],
      }).unwrap();
      navigate(`/inventory/orders/${encodeURIComponent(draft._id)}/edit`);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }
  const qty = (id: string, header: string, pick: (r: ReorderRow) => string, unit = false) => ({
    id,
    header,
    width: '120px',
    align: 'right' as const,
    cell: (r: ReorderRow) => qtyText(pick(r), unit ? r.unit : undefined),
  });
  const columns: GridColumn<ReorderRow>[] = [
    { id: 'wh', header: 'Warehouse', width: '110px', cell: (r) => r.warehouseCode },
    { id: 'sku', header: 'SKU', width: '120px', cell: (r) => r.sku },
    { id: 'name', header: 'Item', width: 'minmax(180px, 2fr)', cell: (r) => r.name },
    qty('onHand', 'On hand', (r) => r.onHand),
    qty('onOrder', 'On purchase orders', (r) => r.onOrder),
    qty('committed', 'On sales orders', (r) => r.committed),
    qty('projected', 'Projected', (r) => r.projected),
    qty('level', 'Reorder level', (r) => r.level),
    qty('suggested', 'Order', (r) => r.suggested, true),
    {
      id: 'supplier',
      header: 'Last supplier',
      width: 'minmax(160px, 1fr)',
      cell: (r) => r.supplier?.name ?? '',
    },
    {
      id: 'draft',
      header: '',
      width: '200px',
      cell: (r) =>
        r.supplier && r.supplier.unitPrice !== null && r.branch === own ? (
          <Button
            size="compact-sm"
            variant="light"
            loading={saving.isLoading}
            onClick={() => void draftOrder(r)}
          >
            Create purchase order
          </Button>
        ) : (
          ''
        ),
    },
  ];
  return (
    <Stack gap="sm">
      <Title order={3}>Reorder suggestions</Title>
      <Text size="sm" c="dimmed">
        Projected = on hand + still to come on purchase orders − still to go on sales orders. At or
        below the reorder level, order enough to get back to it, and at least the reorder quantity.
        Create purchase order writes a draft from the item's last supplier at its last price, for
        you to check and confirm.
      </Text>
      <ReportBar
        branch={{ value: branch, onChange: setBranch }}
        csv={
          rows
            ? () => ({
                suggestedName: `reorder-suggestions${branch ? `-${branch}` : ''}.csv`,
                data: reorderCsv(rows),
              })
            : null
        }
        pdf={{ report: 'reorder', branch: branch || null }}
      />
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {failure && <Alert color="red">{failure}</Alert>}
      <WideGrid
        label="Reorder suggestions"
        columns={columns}
        rows={rows ?? []}
        rowKey={(r) => r.rule}
        variant="list"
        empty="Nothing needs reordering. Reorder rules are set per item and warehouse below."
      />
      <ReorderRules />
    </Stack>
  );
}
