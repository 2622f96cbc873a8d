import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Table,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CsvMapping, StatementPreview } from '../../banking-contract';
import { normalizeHeader } from '../../domain/io/csv';
import { useBankingPreviewMutation } from './api';
import { DATE_FORMAT_OPTIONS, initialMapping } from './selection';

type AmountMode = 'one' | 'two';

interface MappingDialogProps {
  fileName: string;
  text: string;
  header: string[];
  guess: Partial<CsvMapping>;
  problems: { line: number; message: string }[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (mapping: CsvMapping) => void;
}

interface Samples {
  dates: string[];
  amounts: string[];
}

/**
 * Asks which CSV column holds what. The first lines of the file are read in the data core
 * (banking.previewStatement), never on the UI thread; their cells guess the date and number
 * layout and are shown so the clerk sees what each column holds. If the preview fails the
 * dialog still opens, with the core's column guess only.
 */
export function MappingDialog(props: MappingDialogProps) {
  const [preview] = useBankingPreviewMutation();
  const [read, setRead] = useState<{ preview: StatementPreview | null } | null>(null);
  const { text } = props;
  useEffect(() => {
    let live = true;
    void preview({ text, rows: PREVIEW_ROWS }).then((res) => {
      if (live) setRead({ preview: 'data' in res && res.data ? res.data : null });
    });
    return () => {
      live = false;
    };
  }, [text, preview]);

  return (
    <Modal opened onClose={props.onCancel} title={`Columns of ${props.fileName}`} size="lg">
      {read ? (
        <MappingForm {...props} preview={read.preview} />
      ) : (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">Reading the first lines of the file…</Text>
        </Group>
      )}
    </Modal>
  );
}

const PREVIEW_ROWS = 20;

function samplesOf(preview: StatementPreview | null, guess: Partial<CsvMapping>): Samples {
  if (!preview) return { dates: [], amounts: [] };
  const col = (name: string | undefined) => {
    const i = name
      ? preview.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(name))
      : -1;
    return i < 0 ? [] : preview.rows.map((r) => r[i] ?? '');
  };
  return {
    dates: col(guess.date),
    amounts: [...col(guess.amount), ...col(guess.debit), ...col(guess.credit)],
  };
}

function MappingForm(props: MappingDialogProps & { preview: StatementPreview | null }) {
  const { header, preview } = props;
  const samples = samplesOf(preview, props.guess);
  const [m, setM] = useState<CsvMapping>(() =>
    initialMapping(props.guess, samples.dates, samples.amounts),
  );
  const [mode, setMode] = useState<AmountMode>(
    props.guess.debit && props.guess.credit ? 'two' : 'one',
  );
  const columns = header.filter((h) => h !== '').map((h) => ({ value: h, label: h }));
  const set = (patch: Partial<CsvMapping>) => setM((x) => ({ ...x, ...patch }));
  const optional = (key: 'reference' | 'counterparty' | 'balance', label: string) => (
    <Select
      label={label}
      data={columns}
      value={m[key] ?? null}
      onChange={(v) => set({ [key]: v ?? undefined })}
      clearable
      placeholder="Not in this file"
    />
  );
  const missing = !m.date || !m.description || (mode === 'one' ? !m.amount : !m.debit || !m.credit);

  function confirm() {
    const mapping: CsvMapping =
      mode === 'one' ? { ...m, debit: undefined, credit: undefined } : { ...m, amount: undefined };
    props.onConfirm(
      Object.fromEntries(
        Object.entries(mapping).filter(([, v]) => v !== undefined && v !== ''),
      ) as CsvMapping,
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm">
        Tell Outpost which column holds what. It is remembered for this account, so the next
        statement from this bank imports straight away.
      </Text>
      {preview && preview.rows.length > 0 && <PreviewTable preview={preview} />}
      {props.problems.length > 0 && (
        <Alert color="yellow" title="The remembered columns no longer fit this file">
          {props.problems[0]!.message}
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <Select
          label="Date"
          data={columns}
          value={m.date || null}
          onChange={(v) => set({ date: v ?? '' })}
          allowDeselect={false}
        />
        <Select
          label="Date format"
          data={DATE_FORMAT_OPTIONS}
          value={m.dateFormat}
          onChange={(v) => v && set({ dateFormat: v as CsvMapping['dateFormat'] })}
          allowDeselect={false}
        />
        <Select
          label="Description"
          data={columns}
          value={m.description || null}
          onChange={(v) => set({ description: v ?? '' })}
          allowDeselect={false}
        />
        <Select
          label="Decimal separator"
          data={[
            { value: '.', label: 'Point (1,234.56)' },
            { value: ',', label: 'Comma (1.234,56)' },
          ]}
          value={m.decimalSeparator}
          onChange={(v) => v && set({ decimalSeparator: v as '.' | ',' })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} id="amount-mode-label">
          Amounts
        </Text>
        <SegmentedControl
          aria-labelledby="amount-mode-label"
          value={mode}
          onChange={(v) => setMode(v as AmountMode)}
          // Side by side the two long labels are cut off in the dialog's width.
          orientation="vertical"
          data={[
            { value: 'one', label: 'One amount column (minus = money out)' },
            { value: 'two', label: 'Separate money out / money in' },
          ]}
        />
      </div>
      <SimpleGrid cols={2}>
        {mode === 'one' ? (
          <Select
            label="Amount"
            data={columns}
            value={m.amount ?? null}
            onChange={(v) => set({ amount: v ?? undefined })}
            allowDeselect={false}
          />
        ) : (
          <>
            <Select
              label="Money out (debit)"
              data={columns}
              value={m.debit ?? null}
              onChange={(v) => set({ debit: v ?? undefined })}
              allowDeselect={false}
            />
            <Select
              label="Money in (credit)"
              data={columns}
              value={m.credit ?? null}
              onChange={(v) => set({ credit: v ?? undefined })}
              allowDeselect={false}
            />
          </>
        )}
        {optional('reference', 'Reference')}
        {optional('counterparty', 'Payer or payee')}
        {optional('balance', 'Balance')}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button onClick={confirm} disabled={missing} loading={props.busy}>
          Import with these columns
        </Button>
      </Group>
    </Stack>
  );
}

/** The first few lines as the bank wrote them, so the clerk sees what each column holds. */
function PreviewTable({ preview }: { preview: StatementPreview }) {
  return (
    <Table.ScrollContainer minWidth={400} maxHeight={160}>
      <Table withTableBorder fz="xs" aria-label="First lines of the file">
        <Table.Thead>
          <Table.Tr>
            {preview.header.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.slice(0, 5).map((r, i) => (
            <Table.Tr key={i}>
              {r.map((c, j) => (
                <Table.Td key={j}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
