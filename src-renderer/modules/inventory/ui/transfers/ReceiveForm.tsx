import { Alert, Button, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { QuantityInput } from '../../../../ui/inputs/QuantityInput';
import { useReceiveTransferMutation, useTransferQuery, useTransferWarehousesQuery } from './api';
import { overReceipt, qty } from './words';
import { StockAccountsNotice } from '../MissingStockAccounts';
import { TransferPage } from './TransferPage';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Recording what arrived: each line starts at what is still on the way, so a full delivery is
 * one click; the clerk lowers what did not come. "Close as short" reports the rest missing.
 */
export function ReceiveForm({ branch }: { branch: string }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: t, error: loadError } = useTransferQuery({ id });
  const { data: warehouses = [] } = useTransferWarehousesQuery({ branch });
  const [receive, { isLoading }] = useReceiveTransferMutation();
  const [date, setDate] = useState<string | null>(today());
  const [warehouse, setWarehouse] = useState<string | null>(null);
  const [entered, setEntered] = useState<Record<number, string | null> | null>(null);
  const [closesShort, setClosesShort] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (loadError) return <Alert color="red">{(loadError as Error).message}</Alert>;
  if (!t) return <Text>Loading the transfer…</Text>;
  // Another branch's transfer opens read-only, saying who receives it (a link may lead here).
  if (t.to !== branch) return <TransferPage />;
  const open = t.lines.filter((l) => l.inTransit !== '0');
  const values =
    entered ?? Object.fromEntries(open.map((l) => [l.line, l.inTransit] as [number, string]));
  const own = warehouses.filter((w) => !w.archived);
  const chosen = warehouse ?? (own.length === 1 ? own[0]!._id : null);

  async function submit() {
    const why =
      (!date && 'Enter the date the goods arrived.') ||
      (!chosen && 'Choose the warehouse the goods go into.') ||
      overReceipt(open, values);
    if (why) return setProblem(why);
    const lines = open.flatMap((l) => {
      const q = values[l.line];
      return q && q !== '0' ? [{ line: l.line, qty: q }] : [];
    });
    if (!lines.length && !closesShort)
      return setProblem('Enter what arrived, or close the transfer as short if nothing did.');
    setProblem(null);
    try {
      await receive({
        transfer: t!.id,
        warehouse: chosen!,
        date: date!,
        lines,
        closesShort,
      }).unwrap();
      navigate(`/inventory/transfers/${encodeURIComponent(t!.id)}`);
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={3}>
        Receive transfer {t.number} from {t.fromName}
      </Title>
      <StockAccountsNotice />
      {open.length === 0 && (
        <Alert color="blue">Nothing is on the way on this transfer any more.</Alert>
      )}
      <Group align="flex-end">
        <DateInput label="Date received" value={date} onChange={(v) => setDate(v)} required />
        <Select
          label="Into warehouse"
          data={own.map((w) => ({ value: w._id, label: `${w.code} ${w.name}` }))}
          value={chosen}
          onChange={setWarehouse}
          required
        />
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>On the way</Table.Th>
            <Table.Th>Received now</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {open.map((l) => (
            <Table.Tr key={l.line}>
              <Table.Td>
                {l.sku} {l.name}
              </Table.Td>
              <Table.Td>{qty(l.inTransit, l.unit)}</Table.Td>
              <Table.Td>
                <QuantityInput
                  aria-label={`Received now, line ${l.line + 1}`}
                  precision={4}
                  value={values[l.line] ?? null}
                  onChange={(v) => setEntered({ ...values, [l.line]: v })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Checkbox
        label="Close as short: what has not arrived is reported missing and nothing more can be received"
        checked={closesShort}
        onChange={(e) => setClosesShort(e.currentTarget.checked)}
      />
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void submit()} loading={isLoading} disabled={open.length === 0}>
          Record receipt
        </Button>
      </Group>
    </Stack>
  );
}
