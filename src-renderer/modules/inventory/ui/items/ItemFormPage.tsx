import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { usePermissions } from '../../../../client/permissions';
import { FormScaffold, type FormApi } from '../../../../ui/form/FormScaffold';
import { errorMessage } from '../../../../ui/form-errors';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { useItemQuery, useItemStockLedgerQuery, useSaveItemMutation } from '../api';
import { useChartAccounts } from '../chart-accounts';
import { VALUATION_WORDS } from '../format';
import { LabelsDialog } from '../LabelsDialog';
import { EMPTY_ITEM, itemFormSchema, valuesOf, type ItemFormValues } from './item-form-values';

/** A barcode problem, whichever check found it: the GS1 digit or the schema's per-code rule. */
function barcodeError(form: FormApi, count: number): string | undefined {
  for (let i = 0; i < count; i++) {
    const e = form.error(`barcodes.${i}`);
    if (e) return e;
  }
  return form.error('barcodes');
}

export function ItemFormPage() {
  const { id: rawId } = useParams();
  const id = rawId ? decodeURIComponent(rawId) : undefined;
  const {
    data: item,
    error,
    isLoading,
  } = useItemQuery(id ? { id } : (undefined as never), {
    skip: !id,
  });
  if (id && isLoading) return <Loader aria-label="Loading the item" />;
  if (id && error) return <Alert color="red">{errorMessage(error)}</Alert>;
  return (
    <ItemForm key={item?._rev ?? 'new'} id={id} initial={item ? valuesOf(item) : EMPTY_ITEM} />
  );
}

function ItemForm({ id, initial }: { id?: string; initial: ItemFormValues }) {
  const [v, setV] = useState(initial);
  useEffect(() => setV(initial), [initial]);
  const [printing, setPrinting] = useState(false);
  const [save] = useSaveItemMutation();
  const navigate = useNavigate();
  const { manageMaster } = usePermissions();
  const chart = useChartAccounts();
  const { data: moved } = useItemStockLedgerQuery(
    id ? { item: id, limit: 1 } : (undefined as never),
    {
      skip: !id,
    },
  );
  const locked = (moved?.total ?? 0) > 0;
  const accounts = (chart ?? [])
    .filter((a) => !a.archived)
    .map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }));
  const set =
    <K extends keyof ItemFormValues>(k: K) =>
    (value: ItemFormValues[K]) =>
      setV((p) => ({ ...p, [k]: value }));
  const text = (k: 'sku' | 'name' | 'group' | 'baseUnit' | 'reorderLevel' | 'reorderQty') => ({
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(k)(e.currentTarget.value),
    readOnly: !manageMaster,
  });
  const barcodeCount = v.barcodes.split('\n').filter((l) => l.trim()).length;

  return (
    <Stack gap="sm" maw={820}>
      <Title order={3}>{id ? `Item ${initial.sku}` : 'New item'}</Title>
      {!manageMaster && (
        <Alert color="blue">
          Items are company data: an administrator or head office changes them, and every office
          receives the change when it syncs.
        </Alert>
      )}
      <FormScaffold
        aria-label="Item"
        schema={itemFormSchema}
        values={v}
        submitLabel={id ? 'Save item' : 'Add item'}
        onSubmit={(fields) => save({ ...(id ? { id } : {}), fields })}
        onSaved={() => navigate('/inventory/items')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/inventory/items')}>
              Back to items
            </Button>
            {id && (
              <Button variant="default" onClick={() => setPrinting(true)}>
                Print labels
              </Button>
            )}
          </>
        }
      >
        {(form) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="SKU" required error={form.error('sku')} {...text('sku')} />
              <TextInput label="Name" required error={form.error('name')} {...text('name')} />
              <TextInput label="Group" error={form.error('group')} {...text('group')} />
              <Select
                label="Kind"
                // The words that explain a kind sit under the label: in the box they were cut off.
                description="Stock items are counted and valued"
                data={[
                  { value: 'stock', label: 'Stock item' },
                  { value: 'non-stock', label: 'Not stocked' },
                  { value: 'service', label: 'Service' },
                ]}
                value={v.kind}
                onChange={(k) => k && set('kind')(k as ItemFormValues['kind'])}
                readOnly={!manageMaster}
                allowDeselect={false}
              />
              <TextInput
                label="Base unit"
                description="The unit stock is counted in"
                error={form.error('baseUnit')}
                {...text('baseUnit')}
              />
              <Select
                label="Tracking"
                data={[
                  { value: 'none', label: 'Quantity only' },
                  { value: 'batch', label: 'By batch' },
                  { value: 'serial', label: 'By serial number' },
                ]}
                value={v.tracking}
                onChange={(k) => k && set('tracking')(k as ItemFormValues['tracking'])}
                readOnly={!manageMaster}
                allowDeselect={false}
              />
            </SimpleGrid>
            <UnitRows v={v} setUnits={set('units')} form={form} readOnly={!manageMaster} />
            <Textarea
              label="Barcodes"
              description="One per line: EAN-13, EAN-8, UPC-A (the check digit is checked) or your own code"
              autosize
              minRows={2}
              value={v.barcodes}
              onChange={(e) => set('barcodes')(e.currentTarget.value)}
              error={barcodeError(form, barcodeCount)}
              readOnly={!manageMaster}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {(
                [
                  ['inventoryAccount', 'Inventory account'],
                  ['expenseAccount', 'Cost of goods sold account'],
                  ['incomeAccount', 'Sales account'],
                ] as const
              ).map(([k, label]) => (
                <RecordPicker
                  key={k}
                  label={label}
                  data={accounts}
                  value={v[k] || null}
                  onChange={(code) => set(k)(code ?? '')}
                  clearable
                  error={form.error(k)}
                  readOnly={!manageMaster}
                  nothingFoundMessage="No account has that code or name"
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Valuation method"
                data={[
                  { value: 'fifo', label: VALUATION_WORDS.fifo },
                  { value: 'average', label: VALUATION_WORDS.average },
                ]}
                value={v.valuation}
                onChange={(k) => k && set('valuation')(k as ItemFormValues['valuation'])}
                disabled={locked || !manageMaster}
                allowDeselect={false}
                description={
                  locked
                    ? 'Fixed: this item already has stock moves. Create a new item to value it another way.'
                    : 'Can be changed until the item has its first stock move.'
                }
                error={form.error('valuation')}
              />
              <TextInput
                label="Reorder level"
                error={form.error('reorderLevel')}
                {...text('reorderLevel')}
              />
              <TextInput
                label="Reorder quantity"
                error={form.error('reorderQty')}
                {...text('reorderQty')}
              />
            </SimpleGrid>
            <Checkbox
              label="Archived (no longer bought or sold; its history stays)"
              checked={v.archived}
              onChange={(e) => set('archived')(e.currentTarget.checked)}
              disabled={!manageMaster}
            />
          </>
        )}
      </FormScaffold>
      {id && printing && (
        // Labels print the item as saved (master), not edits still on this form.
        <LabelsDialog
          opened
          items={[{ id, sku: initial.sku, name: initial.name }]}
          onClose={() => setPrinting(false)}
        />
      )}
    </Stack>
  );
}

function UnitRows({
  v,
  setUnits,
  form,
  readOnly,
}: {
  v: ItemFormValues;
  setUnits(u: ItemFormValues['units']): void;
  form: FormApi;
  readOnly: boolean;
}) {
  const change = (i: number, k: 'unit' | 'factor', value: string) =>
    setUnits(v.units.map((u, j) => (j === i ? { ...u, [k]: value } : u)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Other units
      </Text>
      {v.units.length === 0 && (
        <Text size="sm" c="dimmed">
          Only {v.baseUnit || 'the base unit'}. Add a unit for boxes or cases bought or sold whole.
        </Text>
      )}
      {v.units.map((u, i) => (
        <Group key={i} align="start">
          <TextInput
            label={`Unit ${i + 1}`}
            value={u.unit}
            onChange={(e) => change(i, 'unit', e.currentTarget.value)}
            error={form.error(`units.${i}.unit`)}
            readOnly={readOnly}
          />
          <TextInput
            label={`${v.baseUnit || 'Base units'} in one ${u.unit || 'unit'}`}
            value={u.factor}
            onChange={(e) => change(i, 'factor', e.currentTarget.value)}
            error={form.error(`units.${i}.factor`)}
            readOnly={readOnly}
          />
          {!readOnly && (
            <ActionIcon
              mt={28}
              variant="subtle"
              aria-label={`Remove unit ${i + 1}`}
              onClick={() => setUnits(v.units.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() => setUnits([...v.units, { unit: '', factor: '' }])}
        >
          Add a unit
        </Button>
      )}
    </Stack>
  );
}
