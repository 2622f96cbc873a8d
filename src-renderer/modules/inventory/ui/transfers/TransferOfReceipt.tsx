import { Alert, Text } from '@mantine/core';
import { Navigate, useParams } from 'react-router';
import { useTransferQuery } from './api';

/**
 * A transfer receipt opened from the general ledger: its id does not say which transfer it
 * belongs to, so this looks it up and shows that transfer's page in its place.
 */
export function TransferOfReceipt() {
  const { id = '' } = useParams();
  const { data, error } = useTransferQuery({ id });
  if (error) return <Alert color="red">{(error as Error).message}</Alert>;
  if (!data) return <Text>Finding the transfer these goods came with…</Text>;
  return <Navigate to={`/inventory/transfers/${encodeURIComponent(data.id)}`} replace />;
}
