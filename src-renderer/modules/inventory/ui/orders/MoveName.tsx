import { formatDate } from '../../../../core/format';
import { MOVE_WORDS } from '../format';
import { useStockMoveQuery } from '../api';

/**
 * A receipt or delivery named the way a clerk finds it on paper: its kind, its date and its
 * reference when that is not simply the order's number. Stock moves carry no number series of
 * their own (a goods receipt is identified by date and the supplier's delivery note).
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
      {MOVE_WORDS[move.kind]} of {formatDate(move.date)}
      {ref}
    </>
  );
}
