import type { Party } from '../../domain/schemas';

/** Words of the sales and purchase screens: one side's labels and paths, parties, statuses. */

export type TradeSideUi = 'sales' | 'purchase';

export interface SideLabels {
  party: 'Customer' | 'Supplier';
  partyKind: 'customer' | 'supplier';
  invoice: string;
  credit: string;
  issueInvoice: string;
  issueCredit: string;
  newInvoice: string;
  newCredit: string;
  pay: 'Record receipt' | 'Record payment';
  title: string;
  listPath: string;
  payPath: string;
}

export function sideLabels(side: TradeSideUi): SideLabels {
  return side === 'sales'
    ? {
        party: 'Customer',
        partyKind: 'customer',
        invoice: 'Invoice',
        credit: 'Credit note',
        issueInvoice: 'Issue invoice',
        issueCredit: 'Issue credit note',
        newInvoice: 'New invoice',
        newCredit: 'New credit note',
        pay: 'Record receipt',
        title: 'Sales',
        listPath: '/accounts/sales',
        payPath: '/accounts/receipts/new',
      }
    : {
        party: 'Supplier',
        partyKind: 'supplier',
        invoice: 'Bill',
        credit: 'Supplier credit',
        issueInvoice: 'Record bill',
        issueCredit: 'Record supplier credit',
        newInvoice: 'New bill',
        newCredit: 'New supplier credit',
        pay: 'Record payment',
        title: 'Purchases',
        listPath: '/accounts/purchases',
        payPath: '/accounts/payments/new',
      };
}

export function partiesFor(parties: readonly Party[], side: TradeSideUi): Party[] {
  const wanted = side === 'sales' ? 'customer' : 'supplier';
  return parties.filter((p) => !p.archived && (p.kind === wanted || p.kind === 'both'));
}

export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  'partly-paid': 'Partly paid',
  paid: 'Paid',
  overdue: 'Overdue',
};
export const STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  open: 'blue',
  'partly-paid': 'yellow',
  paid: 'teal',
  overdue: 'red',
};

export function statusLabel(status: string): string {
  return STATUS_LABEL[status] ?? status;
}
