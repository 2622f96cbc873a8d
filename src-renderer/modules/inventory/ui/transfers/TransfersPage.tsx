import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { useAppStateQuery } from '../../../../client/api';
import { formatDate } from '../../../../core/format';
import { InventoryTabs } from '../InventoryTabs';
import type { TransferDirection } from '../../rpc-contract';
import { useTransfersQuery } from './api';
import { DispatchForm } from './DispatchForm';
import { ReceiveForm } from './ReceiveForm';
import { TransferOfReceipt } from './TransferOfReceipt';
import { TransferPage } from './TransferPage';
import { TransitReport } from './TransitReport';
import { money, statusWords } from './words';

/** The company's base currency and this device's branch (every transfer value is in it). */
export function useTransferContext() {
  const { data } = useAppStateQuery();
  return data?.phase === 'ready'
    ? { currency: data.company.baseCurrency, branch: data.branch.code }
    : { currency: '', branch: '' };
}

function TransferList() {
  const { currency } = useTransferContext();
  const navigate = useNavigate();
  const [direction, setDirection] = useState<TransferDirection>('incoming');
  const { data = [], error } = useTransfersQuery({ direction });
  return (
    <Stack gap="sm">
      <Group>
        <SegmentedControl
          value={direction}
          onChange={(v) => setDirection(v as TransferDirection)}
          data={[
            { value: 'incoming', label: 'Coming in' },
            { value: 'outgoing', label: 'Sent out' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Button component={Link} to="/inventory/transfers/new">
          Send goods to a branch
        </Button>
        <Button variant="default" component={Link} to="/inventory/transfers/transit">
          Goods in transit
        </Button>
      </Group>
      {error && <Alert color="red">{(error as Error).message}</Alert>}
      {data.length === 0 ? (
        <Text c="dimmed">No transfers here yet.</Text>
      ) : (
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Number</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>On the way</Table.Th>
              <Table.Th>Short</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((t) => (
              <Table.Tr
                key={t.id}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(`/inventory/transfers/${encodeURIComponent(t.id)}`)}
              >
                <Table.Td>{formatDate(t.date)}</Table.Td>
                <Table.Td>
                  <Link to={`/inventory/transfers/${encodeURIComponent(t.id)}`}>{t.number}</Link>
                </Table.Td>
                <Table.Td>{t.fromName}</Table.Td>
                <Table.Td>{t.toName}</Table.Td>
                <Table.Td>{statusWords(t)}</Table.Td>
                <Table.Td>{money(t.inTransitValue, currency)}</Table.Td>
                <Table.Td>{t.shortValue ? money(t.shortValue, currency) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Transfers between branches: lists, send, receive, one transfer, goods in transit. */
export function TransfersPage() {
  const { branch } = useTransferContext();
  return (
    <Stack gap="sm">
      <InventoryTabs />
      <Routes>
        <Route index element={<TransferList />} />
        <Route path="new" element={<DispatchForm branch={branch} />} />
        <Route path="transit" element={<TransitReport />} />
        <Route path="receipt/:id" element={<TransferOfReceipt />} />
        <Route path=":id/receive" element={<ReceiveForm branch={branch} />} />
        <Route path=":id" element={<TransferPage />} />
      </Routes>
    </Stack>
  );
}
