import { Alert, Anchor, Button, Center, Loader, Text } from '@mantine/core';
import { formatCount, formatDate } from '../../../../core/format';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../../ui/grid/DataGrid';
import { useRecordPath, type RecordPath } from '../../../../ui/record-links';
import type { GeneralLedgerPage } from '../../rpc-contract';
import { useGeneralLedgerQuery, usePartiesQuery } from '../api';
import { amountCell, signedAmount } from '../format';
import { EMPTY_TEXT } from './ReportLayout';

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

type Posting = GeneralLedgerPage['rows'][number];
type LedgerRow =
  { kind: 'opening' } | { kind: 'empty' } | { kind: 'line'; n: number; line: Posting };

/**
 * Where a posting's document opens: journal entries and receipts or payments have a page here;
 * another module's document (a stock move) opens where that module says.
 */
function pathOf(p: Posting, elsewhere: RecordPath): string | null {
  if (p.docType === 'journalEntry') return `/accounts/journal/${encodeURIComponent(p.docId)}`;
  if (p.docType === 'payment') return `/accounts/payments/${encodeURIComponent(p.docId)}`;
  return elsewhere(p.docType, p.docId);
}
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const DOC_WORD: Record<string, string> = { payment: 'Receipt / payment', tradeDoc: 'Invoice' };

/** A posting without a memo of its own still says what it is and with whom. */
export function memoText(p: Posting, partyName: (id: string) => string | undefined): string {
  const party = p.party ? (partyName(p.party) ?? '') : '';
  // A receipt's or payment's memo is its reference: whom it was with is said beside it.
  if (p.memo) return p.docType === 'payment' && party ? `${p.memo} — ${party}` : p.memo;
  return [DOC_WORD[p.docType] ?? '', party].filter(Boolean).join(' — ');
}

/**
 * Opening balance, the postings with a running balance, closing balance, on the shared
 * DataGrid. Not virtualised: the ledger prints, and "Show more" bounds what is in the page.
 * Later pages come as one read of the first `pages` pages; the rows shown stay until it lands.
 * Balances are debit-positive.
 */
export function LedgerTable({ first, args, pages, currency, onShowMore }: LedgerTableProps) {
  const navigate = useNavigate();
  const elsewhere = useRecordPath();
  const docPath = (p: Posting) => pathOf(p, elsewhere);
  const { data: parties } = usePartiesQuery();
  const partyName = (id: string) => parties?.find((x) => x._id === id)?.name;
  const more = useGeneralLedgerQuery(
    { ...args, offset: 0, limit: pages * LEDGER_PAGE_SIZE },
    { skip: pages <= 1 },
  );
  const postings = pages > 1 && more.data ? more.data.rows : first.rows;
  const waiting = pages > 1 && (more.isFetching || !more.data) && !more.error;
  const rows: LedgerRow[] = [
    { kind: 'opening' },
    ...(first.total === 0
      ? [{ kind: 'empty' as const }]
      : postings.map((line, n) => ({ kind: 'line' as const, n, line }))),
  ];
  const shown = Math.min(pages * LEDGER_PAGE_SIZE, first.total);

  const columns: GridColumn<LedgerRow>[] = [
    {
      id: 'date',
      header: 'Date',
      width: '110px',
      cell: (r) =>
        r.kind === 'line'
          ? formatDate(r.line.date)
          : r.kind === 'opening'
            ? formatDate(first.from)
            : '',
    },
    {
      id: 'number',
      header: 'Number',
      // Document numbers ("NYC-A-RCPT-000012") are read whole: they never wrap.
      width: '190px',
      cell: (r) =>
        r.kind === 'opening' ? (
          <strong>Opening balance</strong>
        ) : r.kind === 'line' && docPath(r.line) ? (
          <Anchor component={Link} to={docPath(r.line)!} style={NO_WRAP}>
            {r.line.number}
          </Anchor>
        ) : r.kind === 'line' ? (
          <span style={NO_WRAP}>{r.line.number}</span>
        ) : null,
    },
    {
      id: 'memo',
      header: 'Memo',
      width: 'minmax(160px, 1fr)',
      cell: (r) =>
        r.kind === 'empty' ? (
          <Text c="dimmed" size="sm" data-testid="report-empty">
            {EMPTY_TEXT}
          </Text>
        ) : r.kind === 'line' ? (
          memoText(r.line, partyName)
        ) : null,
    },
    {
      id: 'debit',
      header: 'Debit',
      width: '130px',
      align: 'right',
      cell: (r) => (r.kind === 'line' ? amountCell(r.line.debit, currency) : null),
    },
    {
      id: 'credit',
      header: 'Credit',
      width: '130px',
      align: 'right',
      cell: (r) => (r.kind === 'line' ? amountCell(r.line.credit, currency) : null),
    },
    {
      id: 'balance',
      header: 'Balance',
      width: '140px',
      align: 'right',
      cell: (r) =>
        r.kind === 'opening' ? (
          <strong data-testid="gl-opening">{signedAmount(first.opening, currency)}</strong>
        ) : r.kind === 'line' ? (
          signedAmount(r.line.balance, currency)
        ) : null,
    },
  ];

  return (
    <>
      <DataGrid
        label={`General ledger for ${first.account.code}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => (r.kind === 'line' ? r.line.id : r.kind)}
        rowTestId={(r) => (r.kind === 'line' ? `gl-row-${r.n}` : undefined)}
        onActivate={(r) => {
          const path = r.kind === 'line' ? docPath(r.line) : null;
          if (path) void navigate(path);
        }}
        variant="list"
        footer={[
          formatDate(first.to),
          <strong key="l">Closing balance</strong>,
          null,
          null,
          null,
          <strong key="c" data-testid="gl-closing">
            {signedAmount(first.closing, currency)}
          </strong>,
        ]}
      />
      {more.error && <Alert color="red">{errorMessage(more.error)}</Alert>}
      {waiting && (
        <Center>
          <Loader size="sm" aria-label="Loading more postings" />
        </Center>
      )}
      {shown < first.total && !waiting && (
        <Center className="report-no-print">
          <Button variant="default" onClick={onShowMore}>
            Show more ({formatCount(shown)} of {formatCount(first.total)} shown)
          </Button>
        </Center>
      )}
    </>
  );
}
