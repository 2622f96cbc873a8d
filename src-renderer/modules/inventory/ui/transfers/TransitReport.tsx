import { Alert, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBranchesQuery } from '../../../../client/api';
import { formatDate } from '../../../../core/format';
import { InventoryPdfButton } from '../InventoryPdfButton';
import { useGoodsInTransitQuery } from './api';
import { useTransferContext } from './TransfersPage';
import { money, qty } from './words';

/** Goods on the way today, per line, at the value they left with: one branch's or everyone's. */
export function TransitReport() {
  const { currency } = useTransferContext();
  const { data: branches = [] } = useBranchesQuery();
  const [branch, setBranch] = useState<string | null>(null);
  const { data, error } = useGoodsInTransitQuery({ branch });
  return (
    <Stack gap="sm">
      <Title order={3}>Goods in transit today</Title>
      <Group align="flex-end">
        <Select
          label="Branch"
          placeholder="All branches"
          clearable
          data={branches.map((b) => ({ value: b.code, label: `${b.code} ${b.name}` }))}
          value={branch}
          onChange={setBranch}
        />
        <Group ml="auto" align="flex-end">
          <InventoryPdfButton query={{ report: 'goodsInTransit', branch }} />
        </Group>
      </Group>
      {error && <Alert color="red">{(error as Error).message}</Alert>}
      {data && data.rows.length === 0 && <Text c="dimmed">Nothing is on the way.</Text>}
      {data && data.rows.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sent</Table.Th>
              <Table.Th>Transfer</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Item</Table.Th>
              <Table.Th>On the way</Table.Th>
              <Table.Th>Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r, i) => (
              <Table.Tr key={`${r.transfer}-${i}`}>
                <Table.Td>{formatDate(r.date)}</Table.Td>
                <Table.Td>
                  <Link to={`/inventory/transfers/${encodeURIComponent(r.transfer)}`}>
                    {r.number}
                  </Link>
                </Table.Td>
                <Table.Td>{r.fromName}</Table.Td>
                <Table.Td>{r.toName}</Table.Td>
                <Table.Td>
                  {r.sku} {r.name}
                </Table.Td>
                <Table.Td>{qty(r.qty, r.unit)}</Table.Td>
                <Table.Td>{money(r.value, currency)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={6}>
                <b>Total in transit</b>
              </Table.Td>
              <Table.Td>
                <b>{money(data.total, currency)}</b>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
