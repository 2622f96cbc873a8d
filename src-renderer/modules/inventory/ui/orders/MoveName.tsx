import { formatDate } from '../../../../core/format';
import { MOVE_WORDS } from '../format';
import { useStockMoveQuery } from '../api';

/**
 * A receipt or delivery named the way a clerk finds it: its number (NYC-A-GR-000012) and date,
 * and its reference (the supplier's delivery note) when that is not simply the order's number.
 * A move saved before moves were numbered is named by its kind and date.
 */
export function MoveName({
  id,
  fallback,
  orderNumber,
}: {
  id: string;
  /** Shown while the move loads or when this device does not hold it. */
  fallback: string;
  orderNumber: string | null;
}) {
  const { data: move } = useStockMoveQuery({ id });
  if (!move) return <>{fallback}</>;
  const ref = move.reference && move.reference !== orderNumber ? ` · ${move.reference}` : '';
  return (
    <>
      {move.number
        ? `${move.number} of ${formatDate(move.date)}`
        : `${MOVE_WORDS[move.kind]} of ${formatDate(move.date)}`}
      {ref}
    </>
  );
}
