import { ComingLater } from '../../../ui/ComingLater';

export function AccountsPage() {
  return (
    <ComingLater
      title="Accounts"
      intro="A double-entry ledger that keeps working offline in every branch."
      planned={[
        'Chart of accounts, journal entries (draft → posted, reversals)',
        'Customers and suppliers, invoices, bills, payments and receipts',
        'Bank statement import and reconciliation',
        'Trial balance, profit and loss, balance sheet, aged receivables and payables',
      ]}
    />
  );
}
