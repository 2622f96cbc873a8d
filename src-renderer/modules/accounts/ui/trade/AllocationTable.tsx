import { Table } from '@mantine/core';
import { formatDate } from '../../../../core/format';
import { MoneyInput } from '../../../../ui/inputs/MoneyInput';
import { moneyText } from '../format';
import { statusLabel } from './trade-labels';

export interface AllocatableRow {
  docId: string;
  number: string;
  date: string;
  dueDate: string;
  status: string;
  gross: number;
  open: number;
}

/** The documents a payment can settle, each with an amount to allocate in the payment's currency. */
export function AllocationTable<R extends AllocatableRow>({
  items,
  currency,
  values,
  onChange,
  errorOf,
}: {
  items: readonly R[];
  currency: string;
  /** Minor units by document id; null or missing = nothing allocated by hand. */
  values: Readonly<Record<string, number | null>>;
  onChange(docId: string, minor: number | null, text: string): void;
  errorOf(item: R): string | undefined;
}) {
  return (
    <Table withTableBorder aria-label="Open documents">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Number</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
          <Table.Th ta="right">Open</Table.Th>
          <Table.Th ta="right">Allocate</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.docId} data-testid={`open-item-${i.number}`}>
            <Table.Td>{i.number}</Table.Td>
            <Table.Td>{formatDate(i.date)}</Table.Td>
            <Table.Td>{formatDate(i.dueDate)}</Table.Td>
            <Table.Td>{statusLabel(i.status)}</Table.Td>
            <Table.Td ta="right">{moneyText(i.gross, currency)}</Table.Td>
            <Table.Td ta="right">{moneyText(i.open, currency)}</Table.Td>
            <Table.Td ta="right">
              <MoneyInput
                aria-label={`Allocate to ${i.number}`}
                currency={currency}
                value={values[i.docId] ?? null}
                onChange={(minor, text) => onChange(i.docId, minor, text)}
                size="xs"
                w={130}
                ml="auto"
                error={errorOf(i)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
