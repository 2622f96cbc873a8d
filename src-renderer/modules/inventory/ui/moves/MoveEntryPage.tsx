import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { todayLocal } from '../../../../core/dates';
import { showServerError } from '../../../../ui/form/server-error';
import { DataGrid } from '../../../../ui/grid/DataGrid';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { ScanField } from '../../../../ui/inputs/ScanField';
import { resolveScan } from '../../domain/item-search';
import { MOVE_KINDS, type MoveKind } from '../../domain/schemas';
import {
  useItemsQuery,
  useSaveStockMoveMutation,
  useStockOnHandQuery,
  useWarehousesQuery,
} from '../api';
import { useInventoryContext } from '../context';
import { StockAccountsNotice } from '../MissingStockAccounts';
import { MOVE_WORDS } from '../format';
import { moveColumns } from './move-columns';
import { addScanned, fieldsOnRows, moveInput, newLine, type LineDraft } from './move-lines';

/** What a correction page starts from (MoveViewPage's "Correct"). */
export interface MoveEntryState {
  corrects: string;
  reference: string;
  warehouse: string;
  toWarehouse: string | null;
  lines: LineDraft[];
}

export function MoveEntryPage() {
  const { kind } = useParams();
  if (!MOVE_KINDS.includes(kind as MoveKind))
    return (
      <Alert color="red">
        There is no kind of stock move called “{kind}”. Choose one from the list.
      </Alert>
    );
  return <MoveEntry key={kind} kind={kind as MoveKind} />;
}

function MoveEntry({ kind }: { kind: MoveKind }) {
  const navigate = useNavigate();
  const start = useLocation().state as MoveEntryState | null;
  const { currency, branch } = useInventoryContext();
  const { data: items } = useItemsQuery({});
  const { data: warehouses } = useWarehousesQuery({ branch: branch || null }, { skip: !branch });
  const [date, setDate] = useState<string | null>(todayLocal());
  const [warehouse, setWarehouse] = useState(start?.warehouse ?? '');
  const [toWarehouse, setToWarehouse] = useState(start?.toWarehouse ?? '');
  const [reference, setReference] = useState(start?.reference ?? '');
  const [memo, setMemo] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(start?.lines ?? [newLine()]);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ fields: Record<string, string>; alert: string | null }>({
    fields: {},
    alert: null,
  });
  const [save, { isLoading: saving }] = useSaveStockMoveMutation();

  const stockItems = useMemo(
    () => (items ?? []).filter((i) => i.kind === 'stock' && !i.archived),
    [items],
  );
  const byId = useMemo(() => new Map((items ?? []).map((i) => [i._id, i])), [items]);
  const { data: stock } = useStockOnHandQuery(
    { warehouse, asOf: date },
    { skip: kind !== 'count' || !warehouse || !date },
  );
  const onHand = useMemo(() => new Map((stock ?? []).map((r) => [r.item, r.qty])), [stock]);
  const options = stockItems.map((i) => ({ value: i._id, label: `${i.sku} ${i.name}` }));
  const open = (warehouses ?? [])
    .filter((w) => !w.archived)
    .map((w) => ({ value: w._id, label: `${w.code} ${w.name}` }));

  const update = (key: number, patch: Partial<LineDraft>) =>
    setLines((ls) => {
      const next = ls.map((l) => (l.key === key ? { ...l, ...patch } : l));
      // A line always waits at the bottom for the next item.
      return next[next.length - 1]?.item ? [...next, newLine()] : next;
    });
  const onScan = (code: string) => {
    const found = resolveScan(stockItems, code);
    if (!found.ok) return setScanProblem(found.message);
    setScanProblem(null);
    setLines((ls) => addScanned(ls, found.item, kind));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const { input, rows } = moveInput(
      {
        kind,
        date: date ?? '',
        warehouse,
        toWarehouse: kind === 'internal' ? toWarehouse || null : null,
        reference,
        memo,
        corrects: start?.corrects ?? null,
      },
      lines,
      onHand,
    );
    if (kind === 'count' && input.lines.length === 0 && lines.some((l) => l.item))
      return setRefused({
        fields: {},
        alert: 'Every count matches the books, so there is nothing to save.',
      });
    const res = await save(input);
    if ('error' in res) {
      const shown = showServerError(res.error);
      return setRefused({ fields: fieldsOnRows(shown.fields, rows), alert: shown.alert });
    }
    navigate(`/inventory/moves/${encodeURIComponent(res.data.move._id)}`, {
      state: { warnings: res.data.warnings },
    });
  }

  const err = refused.fields;
  return (
    <form onSubmit={submit} noValidate aria-label={MOVE_WORDS[kind]}>
      <Stack gap="sm">
        <Title order={3}>
          {start?.corrects
            ? `Correction: ${MOVE_WORDS[kind].toLowerCase()}`
            : `New ${MOVE_WORDS[kind].toLowerCase()}`}
        </Title>
        <StockAccountsNotice />
        <SimpleGrid cols={{ base: 1, sm: kind === 'internal' ? 5 : 4 }}>
          <DateInput label="Date" value={date} onChange={setDate} error={err.date} autoFocus />
          <Select
            label={kind === 'internal' ? 'From warehouse' : 'Warehouse'}
            data={open}
            value={warehouse || null}
            onChange={(w) => setWarehouse(w ?? '')}
            error={err.warehouse}
            searchable
          />
          {kind === 'internal' && (
            <Select
              label="To warehouse"
              data={open.filter((w) => w.value !== warehouse)}
              value={toWarehouse || null}
              onChange={(w) => setToWarehouse(w ?? '')}
              error={err.toWarehouse}
              searchable
            />
          )}
          <TextInput
            label="Reference"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={err.reference}
          />
          <TextInput
            label="Memo"
            value={memo}
            onChange={(e) => setMemo(e.currentTarget.value)}
            error={err.memo}
          />
        </SimpleGrid>
        <ScanField onScan={onScan} error={scanProblem} w={420} />
        {kind === 'count' && (
          <Text size="sm" c="dimmed">
            Enter what is on the shelf. The difference from the books is saved as the count; items
            that match are left out.
          </Text>
        )}
        <DataGrid
          label="Lines"
          columns={moveColumns({
            kind,
            items: byId,
            options,
            currency,
            onHand,
            errors: err,
            update,
            remove: (key) =>
              setLines((ls) => (ls.length > 1 ? ls.filter((l) => l.key !== key) : [newLine()])),
          })}
          rows={lines}
          rowKey={(l) => String(l.key)}
        />
        {err.lines && (
          <Text c="red" size="sm">
            {err.lines}
          </Text>
        )}
        {refused.alert && (
          <Alert color="red" role="alert">
            {refused.alert}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate('/inventory/moves')}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save {MOVE_WORDS[kind].toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
