import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../../../core/format';
import { useLockedPeriodMovesQuery } from '../api';
import { useInventoryContext } from '../context';
import { MOVE_WORDS, qtyText, valueText } from '../format';

/**
 * Moves a device saved inside the locked period before it heard of the lock: the books up to the
 * lock keep their values, so these count from the day after it. Shown only when there are some.
 */
export function LockedPeriodMoves() {
  const { currency } = useInventoryContext();
  const { currentData: rows } = useLockedPeriodMovesQuery({});
  if (!rows?.length) return null;
  return (
    <Alert color="yellow" title="Moves dated in a locked period">
      <Stack gap={4}>
        <Text size="sm">
          These moves arrived after the books were locked. The locked months keep their stock
          values, so each one counts from the day after the lock date. If one is wrong, correct it
          with a new move dated after the lock.
        </Text>
        {rows.map((r) => (
          <Text size="sm" key={`${r.moveId}|${r.item}|${r.warehouse}`}>
            <Anchor component={Link} to={`/inventory/moves/${encodeURIComponent(r.moveId)}`}>
              {formatDate(r.date)} {MOVE_WORDS[r.kind]} {r.reference}
            </Anchor>{' '}
            — {r.sku} {r.name} in {r.warehouseCode}: {qtyText(r.qty)} (
            {valueText(r.value, currency)}), counted on {formatDate(r.valuedOn)} (books locked up to{' '}
            {formatDate(r.lockDate)})
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
