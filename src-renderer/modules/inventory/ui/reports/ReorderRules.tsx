import { Alert, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import type { ReorderRule } from '../../domain/schemas';
import { inventoryApi, useItemsQuery, useWarehousesQuery } from '../api';
import { qtyText } from '../format';

const e = inventoryApi.endpoints;
const useRulesQuery = e['inventory.listReorderRules'].useQuery;
const useSaveRuleMutation = e['inventory.saveReorderRule'].useMutation;

interface Draft {
  id?: string;
  item: string | null;
  warehouse: string | null;
  level: string;
  quantity: string;
}
const BLANK: Draft = { item: null, warehouse: null, level: '', quantity: '' };

/**
 * The reorder rules the suggestions read: one per item and warehouse, with the level that calls
 * for an order and how much to order then. Company master data: head office keeps it; a
 * device that may not write master is told so by the refusal.
 */
export function ReorderRules() {
  const { data: rules = [] } = useRulesQuery(undefined);
  const { data: items = [] } = useItemsQuery({});
  const { data: warehouses = [] } = useWarehousesQuery({});
  const [save, saving] = useSaveRuleMutation();
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [failure, setFailure] = useState<string | null>(null);
  const item = new Map(items.map((i) => [i._id, i]));
  const warehouse = new Map(warehouses.map((w) => [w._id, w]));
  const set = (d: Partial<Draft>) => setDraft({ ...draft, ...d });

  async function submit() {
    const why =
      (!draft.item && 'Choose the item.') ||
      (!draft.warehouse && 'Choose the warehouse.') ||
      (!draft.level.trim() && 'Enter the reorder level.') ||
      (!draft.quantity.trim() && 'Enter how much to order.');
    if (why) return setFailure(`${why} The reorder rule was not saved.`);
    setFailure(null);
    try {
      await save({
        ...(draft.id ? { id: draft.id } : {}),
        fields: {
          item: draft.item!,
          warehouse: draft.warehouse!,
          level: draft.level.trim(),
          quantity: draft.quantity.trim(),
        },
      }).unwrap();
      setDraft(BLANK);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }

  const columns: GridColumn<ReorderRule>[] = [
    {
      id: 'item',
      header: 'Item',
      width: 'minmax(200px, 2fr)',
      cell: (r) => `${item.get(r.item)?.sku ?? ''} ${item.get(r.item)?.name ?? ''}`.trim(),
    },
    {
      id: 'wh',
      header: 'Warehouse',
      width: '140px',
      cell: (r) => warehouse.get(r.warehouse)?.code ?? '',
    },
    {
      id: 'level',
      header: 'Reorder at',
      width: '120px',
      align: 'right',
      cell: (r) => qtyText(r.level, item.get(r.item)?.baseUnit),
    },
    {
      id: 'qty',
      header: 'Order',
      width: '120px',
      align: 'right',
      cell: (r) => qtyText(r.quantity, item.get(r.item)?.baseUnit),
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={4}>Reorder rules</Title>
      <DataGrid
        label="Reorder rules"
        columns={columns}
        rows={rules}
        rowKey={(r) => r._id}
        onActivate={(r) =>
          setDraft({
            id: r._id,
            item: r.item,
            warehouse: r.warehouse,
            level: r.level,
            quantity: r.quantity,
          })
        }
        variant="list"
        empty="No reorder rules yet: add one below."
      />
      <Group align="flex-end" gap="sm">
        <Select
          label="Item"
          searchable
          data={items
            .filter((i) => i.kind === 'stock' && !i.archived)
            .map((i) => ({ value: i._id, label: `${i.sku} ${i.name}` }))}
          value={draft.item}
          onChange={(v) => set({ item: v })}
          w={280}
        />
        <Select
          label="Warehouse"
          data={warehouses
            .filter((w) => !w.archived)
            .map((w) => ({ value: w._id, label: `${w.code} ${w.name}` }))}
          value={draft.warehouse}
          onChange={(v) => set({ warehouse: v })}
          w={220}
        />
        <TextInput
          label="Reorder at"
          value={draft.level}
          onChange={(ev) => set({ level: ev.currentTarget.value })}
          w={110}
        />
        <TextInput
          label="Order"
          value={draft.quantity}
          onChange={(ev) => set({ quantity: ev.currentTarget.value })}
          w={110}
        />
        <Button onClick={() => void submit()} loading={saving.isLoading}>
          {draft.id ? 'Save rule' : 'Add rule'}
        </Button>
        {draft.id && (
          <Button variant="default" onClick={() => setDraft(BLANK)}>
            New rule
          </Button>
        )}
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
    </Stack>
  );
}
