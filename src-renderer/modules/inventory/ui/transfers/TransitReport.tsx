import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { todayLocal } from '../../../../core/dates';
import { formatDate } from '../../../../core/format';
import { ReportBar } from '../reports/ReportBar';
import { useGoodsInTransitQuery } from './api';
import { transitCsv } from './transit-csv';
import { useTransferContext } from './TransfersPage';
import { money, qty } from './words';

/** Goods on the way today, per line, at the value they left with: one branch's or everyone's. */
export function TransitReport() {
  const { currency } = useTransferContext();
  // '' is every branch this device holds (the reports' branch choice).
  const [branch, setBranch] = useState('');
  const { data, error } = useGoodsInTransitQuery({ branch: branch || null });
  return (
    <Stack gap="sm">
      <Title order={3}>Goods in transit today</Title>
      <ReportBar
        branch={{ value: branch, onChange: setBranch }}
        csv={
          data && currency
            ? () => ({
                suggestedName: `goods-in-transit-${todayLocal()}${branch ? `-${branch}` : ''}.csv`,
                data: transitCsv(data, currency),
              })
            : null
        }
        pdf={{ report: 'goodsInTransit', branch: branch || null }}
      />
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
