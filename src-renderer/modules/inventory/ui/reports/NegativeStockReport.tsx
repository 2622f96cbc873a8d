import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../../core/format';
import { errorMessage } from '../../../../ui/form-errors';
import { useNegativeStockQuery } from '../api';
import { useInventoryContext } from '../context';
import { MOVE_WORDS, qtyText, valueText } from '../format';
import { negativeStockCsv } from './csv';
import { ReportBar } from './ReportBar';

/**
 * Items below zero now, each with the deliveries that took it there: two offices offline can
 * both sell the last bag, and the shortfall must be seen, not hidden.
 */
export function NegativeStockReport() {
  const { currency } = useInventoryContext();
  const [branch, setBranch] = useState('');
  const { currentData: rows, error } = useNegativeStockQuery({ branch: branch || null });
  return (
    <Stack gap="sm">
      <Title order={3}>Negative stock</Title>
      <ReportBar
        branch={{ value: branch, onChange: setBranch }}
        csv={
          rows
            ? () => ({
                suggestedName: `negative-stock${branch ? `-${branch}` : ''}.csv`,
                data: negativeStockCsv(rows, currency),
              })
            : null
        }
        pdf={{ report: 'negativeStock', branch: branch || null }}
      />
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {rows && rows.length === 0 && <Text>No item is below zero.</Text>}
      {(rows ?? []).map((r) => (
        <Card withBorder key={`${r.item}|${r.warehouse}`}>
          <Text fw={600}>
            {r.sku} {r.name} in {r.warehouseCode}: {qtyText(r.qty)} ({valueText(r.value, currency)})
          </Text>
          <Text size="sm" c="dimmed">
            Receive the missing stock, or count the shelf, to bring it back to zero or above. These
            moves took it below zero:
          </Text>
          {r.moves.map((m) => (
            <Text size="sm" key={m.moveId}>
              <Anchor component={Link} to={`/inventory/moves/${encodeURIComponent(m.moveId)}`}>
                {formatDate(m.date)} {MOVE_WORDS[m.kind]} {m.reference}
              </Anchor>{' '}
              — {qtyText(m.qty)}
            </Text>
          ))}
        </Card>
      ))}
    </Stack>
  );
}
