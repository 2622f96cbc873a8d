import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../../../client/permissions';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import type { Item } from '../../domain/schemas';
import { useItemsQuery } from '../api';
import { LabelsDialog } from '../LabelsDialog';

const KIND_WORDS: Record<Item['kind'], string> = {
  stock: 'Stock item',
  'non-stock': 'Not stocked',
  service: 'Service',
};

const columns: GridColumn<Item>[] = [
  { id: 'sku', header: 'SKU', width: '160px', cell: (i) => i.sku },
  { id: 'name', header: 'Name', width: 'minmax(200px, 2fr)', cell: (i) => i.name },
  { id: 'unit', header: 'Unit', width: '90px', cell: (i) => i.baseUnit },
  { id: 'kind', header: 'Kind', width: '130px', cell: (i) => KIND_WORDS[i.kind] },
  {
    id: 'barcodes',
    header: 'Barcodes',
    width: 'minmax(160px, 1fr)',
    cell: (i) => i.barcodes.join(', '),
  },
  { id: 'state', header: '', width: '90px', cell: (i) => (i.archived ? 'Archived' : '') },
];

/** The catalogue: type part of a SKU, a name or a barcode and the list narrows as you type. */
export function ItemsPage() {
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const { manageMaster } = usePermissions();
  const navigate = useNavigate();
  const { currentData: items, error } = useItemsQuery({
    search: search.trim() || undefined,
    includeArchived: archived,
  });
  // Chosen for labels; kept across searches so a clerk can gather items from several.
  const [chosen, setChosen] = useState<Map<string, Item>>(new Map());
  const [printing, setPrinting] = useState(false);
  const toggle = (i: Item) =>
    setChosen((m) => {
      const next = new Map(m);
      if (next.has(i._id)) next.delete(i._id);
      else next.set(i._id, i);
      return next;
    });
  const withChoice: GridColumn<Item>[] = [
    {
      id: 'choose',
      header: '',
      width: '44px',
      cell: (i) => (
        <Checkbox
          aria-label={`Choose ${i.sku} for labels`}
          checked={chosen.has(i._id)}
          onChange={() => toggle(i)}
        />
      ),
    },
    ...columns,
  ];
  return (
    <Stack gap="sm">
      <Group align="end">
        <TextInput
          label="Find an item"
          placeholder="SKU, name or barcode"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          autoFocus
          w={320}
        />
        <Checkbox
          label="Show archived items"
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
          mb={8}
        />
        <Button
          ml="auto"
          variant="default"
          disabled={chosen.size === 0}
          onClick={() => setPrinting(true)}
        >
          {chosen.size === 0 ? 'Print labels' : `Print labels (${chosen.size})`}
        </Button>
        {manageMaster && <Button onClick={() => navigate('/inventory/items/new')}>New item</Button>}
      </Group>
      {!manageMaster && (
        <Text size="sm" c="dimmed">
          Items are company data: an administrator or head office adds and changes them.
        </Text>
      )}
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <DataGrid
        label="Items"
        columns={withChoice}
        rows={items ?? []}
        rowKey={(i) => i._id}
        variant="list"
        onActivate={(i) => navigate(`/inventory/items/${encodeURIComponent(i._id)}`)}
        empty={search ? `No item matches “${search}”.` : 'No items yet.'}
      />
      <Text size="sm" c="dimmed">
        Tick items to print labels for them.
      </Text>
      {printing && (
        <LabelsDialog
          opened
          items={[...chosen.values()].map((i) => ({ id: i._id, sku: i.sku, name: i.name }))}
          onClose={() => setPrinting(false)}
        />
      )}
    </Stack>
  );
}
