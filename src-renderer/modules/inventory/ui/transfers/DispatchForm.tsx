import { ActionIcon, Alert, Button, Group, Select, Stack, Table, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBranchesQuery } from '../../../../client/api';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { QuantityInput } from '../../../../ui/inputs/QuantityInput';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { ScanField } from '../../../../ui/inputs/ScanField';
import { resolveScan } from '../../domain/item-search';
import {
  useDispatchTransferMutation,
  useTransferItemsQuery,
  useTransferWarehousesQuery,
} from './api';
import { StockAccountsNotice } from '../MissingStockAccounts';

interface Line {
  item: string | null;
  qty: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Sending goods to another branch. The cost is not asked: the goods leave at what the
 * warehouse's own valuation says they cost on that date, and arrive at the same.
 */
export function DispatchForm({ branch }: { branch: string }) {
  const navigate = useNavigate();
  const { data: branches = [] } = useBranchesQuery();
  const { data: warehouses = [] } = useTransferWarehousesQuery({ branch });
  const { data: items = [] } = useTransferItemsQuery({});
  const [dispatch, { isLoading }] = useDispatchTransferMutation();
  const [date, setDate] = useState<string | null>(today());
  const [toBranch, setToBranch] = useState<string | null>(null);
  const [warehouse, setWarehouse] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([{ item: null, qty: null }]);
  const [problem, setProblem] = useState<string | null>(null);
  const own = warehouses.filter((w) => !w.archived);
  const from = warehouse ?? (own.length === 1 ? own[0]!._id : null);
  const stock = items.filter((i) => i.kind === 'stock' && !i.archived);
  const itemOptions = stock.map((i) => ({ value: i._id, label: `${i.sku} ${i.name}` }));
  const unitOf = (id: string | null) => stock.find((i) => i._id === id)?.baseUnit ?? '';

  const setLine = (n: number, l: Partial<Line>) =>
    setLines(lines.map((x, i) => (i === n ? { ...x, ...l } : x)));

  function scanned(code: string) {
    const found = resolveScan(stock, code);
    if (!found.ok) return setProblem(found.message);
    setProblem(null);
    const empty = lines.findIndex((l) => !l.item);
    const next = { item: found.item._id, qty: '1' };
    setLines(empty >= 0 ? lines.map((l, i) => (i === empty ? next : l)) : [...lines, next]);
  }

  async function submit() {
    const filled = lines.filter((l) => l.item || l.qty);
    const why =
      (!date && 'Enter the date the goods leave.') ||
      (!toBranch && 'Choose the branch the goods go to.') ||
      (!from && 'Choose the warehouse the goods leave.') ||
      (filled.length === 0 && 'Add at least one line.') ||
      (filled.some((l) => !l.item) && 'Choose an item on every line.') ||
      (filled.some((l) => !l.qty || Number(l.qty) <= 0) &&
        'Every line needs a quantity above zero.');
    if (why) return setProblem(why);
    setProblem(null);
    try {
      const saved = await dispatch({
        date: date!,
        toBranch: toBranch!,
        fromWarehouse: from!,
        lines: filled.map((l) => ({ item: l.item!, qty: l.qty! })),
      }).unwrap();
      navigate(`/inventory/transfers/${encodeURIComponent(saved._id)}`);
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={3}>Send goods to a branch</Title>
      <StockAccountsNotice />
      <Group align="flex-end">
        <DateInput label="Date sent" value={date} onChange={(v) => setDate(v)} required />
        <Select
          label="To branch"
          data={branches
            .filter((b) => b.code !== branch && !b.archived)
            .map((b) => ({ value: b.code, label: b.name }))}
          value={toBranch}
          onChange={setToBranch}
          required
        />
        <Select
          label="From warehouse"
          data={own.map((w) => ({ value: w._id, label: `${w.code} ${w.name}` }))}
          value={from}
          onChange={setWarehouse}
          required
        />
      </Group>
      <ScanField label="Scan or type a barcode or SKU" onScan={scanned} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, n) => (
            <Table.Tr key={n}>
              <Table.Td>
                <RecordPicker
                  aria-label={`Item, line ${n + 1}`}
                  data={itemOptions}
                  value={l.item}
                  onChange={(item) => setLine(n, { item })}
                />
              </Table.Td>
              <Table.Td>
                <QuantityInput
                  aria-label={`Quantity, line ${n + 1}`}
                  precision={4}
                  value={l.qty}
                  onChange={(qty) => setLine(n, { qty })}
                  rightSection={unitOf(l.item)}
                  rightSectionWidth={60}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  aria-label={`Remove line ${n + 1}`}
                  onClick={() => setLines(lines.filter((_, i) => i !== n))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" onClick={() => setLines([...lines, { item: null, qty: null }])}>
          Add line
        </Button>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void submit()} loading={isLoading}>
          Send
        </Button>
      </Group>
    </Stack>
  );
}
