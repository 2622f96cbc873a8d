import {
  Alert,
  Anchor,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { DeviceName } from '../../../../ui/DeviceName';
import { errorMessage } from '../../../../ui/form-errors';
import { useAccountsQuery } from '../api';
import { moneyText } from '../format';
import { usePaymentQuery } from './api';

/**
 * A recorded receipt or payment, read-only: it is a fact (corrected by a new document, never
 * edited). Reached from the general ledger and the documents it settled.
 */
export function PaymentViewPage() {
  const { id = '' } = useParams();
  const { data: view, error, isLoading } = usePaymentQuery({ id });
  const { data: accounts = [] } = useAccountsQuery();
  if (isLoading) return <Loader size="sm" aria-label="Loading the payment" />;
  if (error || !view)
    return <Alert color="red">{error ? errorMessage(error) : 'That payment was not found.'}</Alert>;
  const { doc } = view;
  const receipt = doc.side === 'receipt';
  const bank = accounts.find((a) => a.code === doc.account);
  const settled = receipt ? 'sales' : 'purchases';
  const allocated = view.allocations.reduce((n, a) => n + a.amount, 0);
  return (
    <Stack gap="md" maw={900}>
      <Group gap="sm">
        <Title order={3}>
          {receipt ? 'Receipt' : 'Payment'} {doc.number}
        </Title>
        <Text c="dimmed" size="sm">
          recorded, read-only
        </Text>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          <Field
            label={receipt ? 'Received from' : 'Paid to'}
            value={view.partyName || '—'}
            testId="payment-party"
          />
          <Field label="Date" value={doc.date} />
          <Field
            label="Amount"
            value={moneyText(doc.amount, doc.currency)}
            testId="payment-amount"
          />
          <Field
            label={receipt ? 'Into' : 'From'}
            value={bank ? `${bank.code} ${bank.name}` : doc.account}
          />
          <Field label="Reference" value={doc.reference || '—'} testId="payment-reference" />
          <Field label="Memo" value={doc.memo || '—'} />
        </SimpleGrid>
      </Card>
      <Table
        withTableBorder
        aria-label={receipt ? 'Invoices this receipt settled' : 'Bills this payment settled'}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{receipt ? 'Invoice' : 'Bill'}</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.allocations.map((a) => (
            <Table.Tr key={a.documentId}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/accounts/${settled}/${encodeURIComponent(a.documentId)}`}
                >
                  {a.number || 'document'}
                </Anchor>
              </Table.Td>
              <Table.Td>{a.date}</Table.Td>
              <Table.Td ta="right">{moneyText(a.amount, doc.currency)}</Table.Td>
            </Table.Tr>
          ))}
          {doc.amount > allocated && (
            <Table.Tr>
              <Table.Td colSpan={2}>
                On account (not yet set against {receipt ? 'an invoice' : 'a bill'})
              </Table.Td>
              <Table.Td ta="right">{moneyText(doc.amount - allocated, doc.currency)}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        Recorded {doc.postedAt ?? doc.createdAt} by {doc.postedBy ?? doc.createdBy} on device{' '}
        <DeviceName id={doc.device} />.
      </Text>
    </Stack>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
