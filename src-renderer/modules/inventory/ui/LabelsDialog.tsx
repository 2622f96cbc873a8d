import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { pageSizeFor } from '../../../core/pdf/document';
import { countOf } from '../../../core/format';
import { errorMessage } from '../../../ui/form-errors';
import { inventoryApi } from './api';
import { useSavePdf } from './InventoryPdfButton';

const usePriceListsQuery = inventoryApi.endpoints['inventory.listPriceLists'].useQuery;

// The sheets core/pdf/sheet.ts lays out, in a clerk's words, with the labels on one sheet.
const SHEETS = [
  { value: 'letter-5160', label: 'Letter, 3 × 10 labels (Avery 5160)', perSheet: 30 },
  { value: 'a4-3x8', label: 'A4, 3 × 8 labels (63.5 × 33.9 mm)', perSheet: 24 },
] as const;
type SheetId = (typeof SHEETS)[number]['value'];

export interface LabelItemChoice {
  id: string;
  sku: string;
  name: string;
  /** How many labels to start with (a goods receipt: one per unit received); absent: 1. */
  copies?: number;
}

/**
 * Print labels for one item or the items chosen in the list: the sheet, how many labels of each,
 * how many labels of the first sheet are already used, and the price list whose prices print.
 * The worker makes the PDF; the platform saves it (a save dialog, a browser's download).
 */
export function LabelsDialog({
  items,
  opened,
  onClose,
  note,
}: {
  items: LabelItemChoice[];
  opened: boolean;
  onClose(): void;
  /** Said above the fields (why the numbers are what they are, e.g. a cap). */
  note?: string | null;
}) {
  const pdf = useSavePdf();
  const [layout, setLayout] = useState<SheetId>(
    pageSizeFor(pdf.locale) === 'LETTER' ? 'letter-5160' : 'a4-3x8',
  );
  // One number per item: a receipt prefills what came in; "Labels of each item" sets them all.
  const [copies, setCopies] = useState<Record<string, number | string>>(() =>
    Object.fromEntries(items.map((i) => [i.id, i.copies ?? 1])),
  );
  const same = new Set(items.map((i) => String(copies[i.id] ?? 1)));
  const each = same.size === 1 ? [...same][0]! : '';
  const setAll = (v: number | string) => setCopies(Object.fromEntries(items.map((i) => [i.id, v])));
  const [skip, setSkip] = useState<number | string>(0);
  const [priceList, setPriceList] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { data: lists } = usePriceListsQuery(undefined, { skip: !opened });
  const perSheet = SHEETS.find((s) => s.value === layout)!.perSheet;

  async function make() {
    setBusy(true);
    setFailure(null);
    try {
      await pdf.labels({
        items: items.map((i) => ({ item: i.id, copies: Number(copies[i.id] ?? 1) })),
        layout,
        skip: Number(skip),
        priceList: priceList || null,
      });
      onClose();
    } catch (e) {
      setFailure(`The labels could not be made: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Print labels">
      <Stack gap="sm">
        <Text size="sm">
          {items.length === 1
            ? `${items[0]!.sku} ${items[0]!.name}`
            : `${countOf(items.length, 'item', 'items')} chosen`}
        </Text>
        <Select
          label="Label sheet"
          data={SHEETS.map(({ value, label }) => ({ value, label }))}
          value={layout}
          onChange={(v) => v && setLayout(v as SheetId)}
          allowDeselect={false}
        />
        {note && (
          <Alert color="yellow" role="status">
            {note}
          </Alert>
        )}
        <NumberInput
          label="Labels of each item"
          description={items.length > 1 ? 'Sets every item below; change one item there.' : ''}
          min={1}
          max={1000}
          allowDecimal={false}
          value={each}
          onChange={setAll}
        />
        {items.length > 1 && (
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
            {items.map((i) => (
              <NumberInput
                key={i.id}
                size="xs"
                label={`Labels of ${i.sku}`}
                description={i.name}
                min={1}
                max={1000}
                allowDecimal={false}
                value={copies[i.id] ?? 1}
                onChange={(v) => setCopies((c) => ({ ...c, [i.id]: v }))}
              />
            ))}
          </SimpleGrid>
        )}
        <NumberInput
          label="Labels already used on the first sheet"
          description={`0 for a new sheet; up to ${perSheet - 1}. Printing starts after them.`}
          min={0}
          max={perSheet - 1}
          allowDecimal={false}
          value={skip}
          onChange={setSkip}
        />
        <Select
          label="Prices from"
          data={[
            { value: '', label: 'No price on the labels' },
            ...(lists ?? [])
              .filter((l) => !l.archived)
              .map((l) => ({ value: l._id, label: `${l.name} (${l.currency})` })),
          ]}
          value={priceList}
          onChange={(v) => setPriceList(v ?? '')}
          allowDeselect={false}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={make} loading={busy} disabled={items.length === 0}>
            Make labels PDF
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
