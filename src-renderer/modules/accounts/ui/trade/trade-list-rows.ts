import type { TradeSideUi } from './trade-labels';

/** The sales or purchases list: posted documents and drafts as one list, and its filter. */

export interface TradeListRow {
  id: string;
  /** '' for drafts. */
  number: string;
  kind: 'invoice' | 'credit';
  partyId: string;
  date: string;
  /** '' for drafts (set from terms when issued). */
  dueDate: string;
  currency: string;
  gross: number;
  open: number;
  /** draft | open | partly-paid | paid | overdue */
  status: string;
  reference: string;
}

interface PostedItem {
  docId: string;
  number: string;
  kind: 'invoice' | 'credit';
  partyId: string;
  date: string;
  dueDate: string;
  currency: string;
  gross: number;
  open: number;
  status: string;
}
interface DraftDocRow {
  id: string;
  number: string;
  side: string | null;
  kind: string | null;
  partyId: string | null;
  date: string;
  currency: string;
  total: number;
  reference: string;
  status: string;
}

/** Posted documents (with their derived open amount) and this side's drafts, newest first. */
export function tradeListRows(
  side: TradeSideUi,
  posted: readonly PostedItem[],
  drafts: readonly DraftDocRow[],
): TradeListRow[] {
  const rows: TradeListRow[] = posted.map((i) => ({
    id: i.docId,
    number: i.number,
    kind: i.kind,
    partyId: i.partyId,
    date: i.date,
    dueDate: i.dueDate,
    currency: i.currency,
    gross: i.gross,
    open: i.open,
    status: i.status,
    reference: '',
  }));
  for (const d of drafts) {
    if (d.side !== side || d.status !== 'draft') continue;
    rows.push({
      id: d.id,
      number: d.number,
      kind: d.kind === 'credit' ? 'credit' : 'invoice',
      partyId: d.partyId ?? '',
      date: d.date,
      dueDate: '',
      currency: d.currency,
      gross: d.total,
      open: 0,
      status: 'draft',
      reference: d.reference,
    });
  }
  return rows.sort((a, b) =>
    a.date > b.date
      ? -1
      : a.date < b.date
        ? 1
        : a.number > b.number
          ? -1
          : a.number < b.number
            ? 1
            : 0,
  );
}

export interface TradeListFilter {
  /** 'all', 'unpaid' (open, partly paid or overdue), or one status. */
  status: string;
  partyId: string | null;
  text: string;
}

export function filterTradeRows(
  rows: readonly TradeListRow[],
  f: TradeListFilter,
  partyName: (id: string) => string,
): TradeListRow[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (
      f.status === 'unpaid'
        ? !['open', 'partly-paid', 'overdue'].includes(r.status)
        : f.status !== 'all' && r.status !== f.status
    )
      return false;
    if (f.partyId && r.partyId !== f.partyId) return false;
    if (!words.length) return true;
    const hay = `${r.number} ${r.reference} ${partyName(r.partyId)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
