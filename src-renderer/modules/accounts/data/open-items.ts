import type { IndexDb } from '../../../core/index/index-db';
import { agedBalances, type AgedRow } from '../domain/aging';
import { openAmount, tradeStatus } from '../domain/allocation';
import type { TradeSide } from '../domain/schemas';
import type { OpenItem } from '../rpc-contract';
import { ledgerTables } from './ledger-projection';

/**
 * Open amounts and statuses are derived here from the index, never stored (DESIGN §3): an
 * invoice's open amount is its gross less the payments allocated to it and the credit notes
 * issued against it, wherever and whenever those were recorded.
 */
export async function openItems(
  index: IndexDb,
  q: { side: TradeSide; partyId?: string; branch?: string | null; today: string; asOf?: string },
): Promise<OpenItem[]> {
  const t = ledgerTables(index);
  let items = q.partyId
    ? await t.tradeItems.where('partyId').equals(q.partyId).toArray()
    : await t.tradeItems
        .where('[side+dueDate]')
        .between([q.side, ''], [q.side, '\uffff'])
        .toArray();
  items = items.filter(
    (i) =>
      i.side === q.side && (!q.branch || i.branch === q.branch) && (!q.asOf || i.date <= q.asOf),
  );
  const ids = items.map((i) => i.docId);
  const allocations = await t.allocations.where('documentId').anyOf(ids).toArray();
  const paid = new Map<string, number[]>();
  for (const a of allocations) {
    if (q.asOf && a.date > q.asOf) continue;
    paid.set(a.documentId, [...(paid.get(a.documentId) ?? []), a.amount]);
  }
  // A credit note issued against an invoice settles that much of it, and is itself used up.
  const credits = new Map<string, number>();
  for (const i of items)
    if (i.kind === 'credit' && i.creditFor)
      credits.set(i.creditFor, (credits.get(i.creditFor) ?? 0) + i.gross);

  return items
    .map((i) => {
      const settled = [...(paid.get(i.docId) ?? [])];
      if (i.kind === 'invoice' && credits.has(i.docId)) settled.push(credits.get(i.docId)!);
      if (i.kind === 'credit' && i.creditFor && items.some((x) => x.docId === i.creditFor))
        settled.push(i.gross);
      const open = openAmount({ gross: i.gross, kind: i.kind }, settled);
      return {
        ...i,
        open,
        status: tradeStatus({
          open,
          gross: i.gross,
          dueDate: i.dueDate,
          today: q.today,
          kind: i.kind,
        }),
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.docId < b.docId ? -1 : 1));
}

export async function agedReport(
  index: IndexDb,
  q: { side: TradeSide; asOf: string; branch?: string | null },
): Promise<AgedRow[]> {
  const items = await openItems(index, {
    side: q.side,
    branch: q.branch ?? null,
    today: q.asOf,
    asOf: q.asOf,
  });
  return agedBalances(
    items.map((i) => ({ partyId: i.partyId, dueDate: i.dueDate, open: i.open })),
    q.asOf,
  );
}
