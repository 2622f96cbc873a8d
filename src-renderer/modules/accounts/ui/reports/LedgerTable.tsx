import { Alert, Anchor, Button, Center, Loader, Table } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../../../ui/form-errors';
import type { GeneralLedgerPage } from '../../rpc-contract';
import { useGeneralLedgerQuery } from '../api';
import { amountCell, signedAmount } from '../format';
import { AmountTd, AmountTh, EMPTY_TEXT } from './ReportLayout';

export const LEDGER_PAGE_SIZE = 200;

export interface LedgerArgs {
  account: string;
  from: string;
  to: string;
  branch: string | null;
}

interface LedgerTableProps {
  first: GeneralLedgerPage;
  args: LedgerArgs;
  /** How many pages of LEDGER_PAGE_SIZE rows to show. */
  pages: number;
  currency: string;
  onShowMore(): void;
}

/** Opening balance, the postings page by page with a running balance, closing balance. Balances are debit-positive. */
export function LedgerTable({ first, args, pages, currency, onShowMore }: LedgerTableProps) {
  const later = Array.from({ length: pages - 1 }, (_, i) => (i + 1) * LEDGER_PAGE_SIZE).filter((offset) => offset < first.total);
  const shown = Math.min(pages * LEDGER_PAGE_SIZE, first.total);
  return (
    <>
      <Table striped highlightOnHover aria-label={`General ledger for ${first.account.code}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={110}>
              Date
            </Table.Th>
            <Table.Th scope="col" w={130}>
              Number
            </Table.Th>
            <Table.Th scope="col">Memo</Table.Th>
            <AmountTh>Debit</AmountTh>
            <AmountTh>Credit</AmountTh>
            <AmountTh>Balance</AmountTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <BalanceRow date={first.from} label="Opening balance" amount={first.opening} currency={currency} testId="gl-opening" />
          {first.total === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={6} c="dimmed" data-testid="report-empty">
                {EMPTY_TEXT}
              </Table.Td>
            </Table.Tr>
          ) : (
            <LedgerRows page={first} offset={0} currency={currency} />
          )}
          {later.map((offset) => (
            <LaterPage key={offset} args={args} offset={offset} currency={currency} />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <BalanceRow date={first.to} label="Closing balance" amount={first.closing} currency={currency} testId="gl-closing" />
        </Table.Tfoot>
      </Table>
      {shown < first.total && (
        <Center className="report-no-print">
          <Button variant="default" onClick={onShowMore}>
            Show more ({shown} of {first.total} shown)
          </Button>
        </Center>
      )}
    </>
  );
}

function BalanceRow({ date, label, amount, currency, testId }: { date: string; label: string; amount: number; currency: string; testId: string }) {
  return (
    <Table.Tr>
      <Table.Td>{date}</Table.Td>
      <Table.Th scope="row" colSpan={4}>
        {label}
      </Table.Th>
      <AmountTd testId={testId} strong>
        {signedAmount(amount, currency)}
      </AmountTd>
    </Table.Tr>
  );
}

function LaterPage({ args, offset, currency }: { args: LedgerArgs; offset: number; currency: string }) {
  const { data, error } = useGeneralLedgerQuery({ ...args, offset, limit: LEDGER_PAGE_SIZE });
  if (error || !data) {
    return (
      <Table.Tr>
        <Table.Td colSpan={6}>
          {error ? (
            <Alert color="red">{errorMessage(error)}</Alert>
          ) : (
            <Center>
              <Loader size="sm" aria-label="Loading more postings" />
            </Center>
          )}
        </Table.Td>
      </Table.Tr>
    );
  }
  return <LedgerRows page={data} offset={offset} currency={currency} />;
}

function LedgerRows({ page, offset, currency }: { page: GeneralLedgerPage; offset: number; currency: string }) {
  return (
    <>
      {page.rows.map((r, i) => (
        <Table.Tr key={r.id} data-testid={`gl-row-${offset + i}`}>
          <Table.Td>{r.date}</Table.Td>
          <Table.Td>
            {r.docType === 'journalEntry' ? (
              <Anchor component={Link} to={`/accounts/journal/${encodeURIComponent(r.docId)}`}>
                {r.number}
              </Anchor>
            ) : (
              r.number
            )}
          </Table.Td>
          <Table.Td>{r.memo}</Table.Td>
          <AmountTd>{amountCell(r.debit, currency)}</AmountTd>
          <AmountTd>{amountCell(r.credit, currency)}</AmountTd>
          <AmountTd>{signedAmount(r.balance, currency)}</AmountTd>
        </Table.Tr>
      ))}
    </>
  );
}
