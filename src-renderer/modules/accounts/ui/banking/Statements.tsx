import { Badge, Table, Text } from '@mantine/core';
import { formatCount, formatDate } from '../../../../core/format';
import { moneyText } from '../format';
import { useBankingStatementsQuery } from './api';

/** The statements imported for the account, newest first. */
export function Statements({ account }: { account: string }) {
  const { data: statements = [] } = useBankingStatementsQuery({ account });
  if (statements.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No statements imported for this account yet. Press “Import statement…” and choose the OFX,
        CAMT.053 or CSV file your bank lets you download.
      </Text>
    );
  }
  return (
    <Table withTableBorder aria-label="Imported statements" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Statement date</Table.Th>
          <Table.Th>File</Table.Th>
          <Table.Th>Period</Table.Th>
          <Table.Th ta="right">Lines</Table.Th>
          <Table.Th ta="right">Closing balance</Table.Th>
          <Table.Th>Imported by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {statements.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{formatDate(s.statementDate)}</Table.Td>
            <Table.Td>
              {s.fileName || '—'}{' '}
              <Badge size="xs" variant="light">
                {s.format.toUpperCase()}
              </Badge>
            </Table.Td>
            <Table.Td>
              {formatDate(s.from)} – {formatDate(s.to)}
            </Table.Td>
            <Table.Td ta="right">{formatCount(s.lines)}</Table.Td>
            <Table.Td ta="right">
              {s.closingBalance === null ? '—' : moneyText(s.closingBalance, s.currency)}
            </Table.Td>
            <Table.Td>{s.createdBy}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
