import type { OrderLineView, OrderSide, OrderView } from '../../rpc-contract';
import { qty } from '../transfers/words';

export { money, qty } from '../transfers/words';

/** Where an order stands, in a clerk's words for its side. */
export function stageWords(v: Pick<OrderView, 'stage'>, side: OrderSide): string {
  const moved = side === 'purchase' ? 'received' : 'delivered';
  const billed = side === 'purchase' ? 'billed' : 'invoiced';
  return {
    quote: 'Quote',
    draft: 'Draft',
    confirmed: 'Confirmed, nothing ' + moved + ' yet',
    'partly moved': 'Partly ' + moved,
    moved: 'All ' + moved + ', not all ' + billed,
    billed: 'All ' + moved + ' and ' + billed,
    closed: 'Closed',
  }[v.stage];
}

/** What is still to come on an order, e.g. "6 bag of BEAN-1KG still to receive". */
export function backOrderWords(
  lines: OrderLineView[],
  side: OrderSide,
  label: (item: string) => string,
): string {
  const open = lines.filter((l) => l.backOrder !== '0');
  if (!open.length) return 'Nothing still to ' + (side === 'purchase' ? 'receive' : 'deliver');
  return (
    open.map((l) => `${qty(l.backOrder, l.unit)} ${label(l.item)}`).join(', ') +
    ` still to ${side === 'purchase' ? 'receive' : 'deliver'}`
  );
}

export const sideOf = (v: OrderView): OrderSide =>
  v.order.type === 'purchaseOrder' ? 'purchase' : 'sales';

export const sideWords = (side: OrderSide) =>
  side === 'purchase' ? 'Purchase order' : 'Sales order';
