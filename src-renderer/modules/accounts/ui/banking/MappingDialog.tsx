import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CsvMapping } from '../../banking-contract';
import { cell, readCsv, normalizeHeader } from '../../domain/io/csv';
import { DATE_FORMAT_OPTIONS, initialMapping } from './selection';

type AmountMode = 'one' | 'two';

export function MappingDialog(props: {
  fileName: string;
  text: string;
  header: string[];
  guess: Partial<CsvMapping>;
  problems: { line: number; message: string }[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (mapping: CsvMapping) => void;
}) {
  const { header, text } = props;
  const samples = useMemo(() => {
    const rows = readCsv(text).rows.slice(1, 21);
    const col = (name: string | undefined) => {
      const i = name
        ? props.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(name))
        : -1;
      return i < 0 ? [] : rows.map((r) => cell(r, i));
    };
    return {
      dates: col(props.guess.date),
      amounts: [...col(props.guess.amount), ...col(props.guess.debit), ...col(props.guess.credit)],
    };
  }, [text, props.header, props.guess]);
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
    <Modal opened onClose={props.onCancel} title={`Columns of ${props.fileName}`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Tell Outpost which column holds what. It is remembered for this account, so the next
          statement from this bank imports straight away.
        </Text>
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
    </Modal>
  );
}
