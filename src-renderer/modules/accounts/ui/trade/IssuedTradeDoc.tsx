import { DeviceName } from '../../../../ui/DeviceName';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { Account, Party, TaxCode } from '../../domain/schemas';
import { lineAmounts } from '../../domain/tax';
import type { TradeDocView } from '../../rpc-contract';
import { formatDate, formatDateTime } from '../../../../core/format';
import { amountCell, moneyText } from '../format';
import { sideLabels, STATUS_COLOR, statusLabel, type TradeSideUi } from './trade-labels';
import { bpToPercent } from './trade-lines';
import { PdfButton } from '../PdfButton';
import { pdfOptions, requestPdf } from '../pdf-download';
import './trade.css';

export interface IssuedTradeDocProps {
  side: TradeSideUi;
  view: TradeDocView;
  parties: Party[];
  accounts: Account[];
  taxCodes: TaxCode[];
  baseCurrency: string;
}

/** An issued document: read-only, printable, with its posting and its history. */
export function IssuedTradeDoc({
  side,
  view,
  parties,
  accounts,
  taxCodes,
  baseCurrency,
}: IssuedTradeDocProps) {
  const navigate = useNavigate();
  const { doc } = view;
  const labels = sideLabels(side);
  const party = parties.find((p) => p._id === doc.partyId);
  const isCredit = doc.kind === 'credit';
  const kindLabel = isCredit ? labels.credit : labels.invoice;
  const issued = doc.status === 'posted';
  const cur = doc.currency;
  const codes = new Map(taxCodes.map((t) => [t.code, t]));
  const names = new Map(accounts.map((a) => [a.code, a.name]));
  const foreign = cur !== baseCurrency;

  const lineAmount = (i: number): string => {
    const l = doc.lines[i];
    if (!l) return '';
    try {
      const a = lineAmounts(l, codes, doc.taxMode, cur);
      return amountCell(doc.taxMode === 'inclusive' ? a.gross : a.net, cur);
    } catch {
      return '';
    }
  };

  return (
    <Stack gap="sm" className="trade-doc">
      <Group justify="space-between" align="flex-start">
        <Group>
          <Title order={3}>
            {kindLabel} {doc.number ?? ''}
          </Title>
          <Badge color={STATUS_COLOR[view.status] ?? 'gray'} data-testid="trade-status">
            {statusLabel(view.status)}
          </Badge>
        </Group>
        <Group className="trade-no-print" gap="xs">
          {issued && (
            <PdfButton
              label="Download PDF"
              make={() => requestPdf('accounts.tradeDocPdf', { id: doc._id, ...pdfOptions() })}
            />
          )}
          {issued && !isCredit && (
            <Button
              variant="default"
              onClick={() => navigate(`${labels.payPath}?party=${encodeURIComponent(doc.partyId)}`)}
            >
              {labels.pay}
            </Button>
          )}
          {issued && !isCredit && (
            <Button
              variant="default"
              onClick={() =>
                navigate(
                  `${labels.listPath}/new?kind=credit&creditFor=${encodeURIComponent(doc._id)}`,
                )
              }
            >
              {labels.issueCredit}
            </Button>
          )}
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      {!issued && (
        <Alert color="yellow">
          This document was saved by a newer version of Outpost. It is shown read-only; update
          Outpost to change it.
        </Alert>
      )}

      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Field label={labels.party} value={party ? `${party.name} (${party.code})` : doc.partyId} />
        <Field label="Date" value={formatDate(doc.date)} />
        <Field label="Due date" value={formatDate(doc.dueDate)} />
        <div>
          <Text size="xs" c="dimmed">
            {isCredit ? 'Unapplied' : 'Open'}
          </Text>
          <Text size="sm" fw={600} data-testid="trade-open">
            {moneyText(isCredit ? Math.abs(view.open) : view.open, cur)}
          </Text>
        </div>
        <Field label="Currency" value={foreign ? `${cur} at ${doc.rate} ${baseCurrency}` : cur} />
        <Field
          label="Tax mode"
          value={doc.taxMode === 'inclusive' ? 'Tax inclusive' : 'Tax exclusive'}
        />
        <Field label="Reference" value={doc.reference || '—'} />
        <Field label="Memo" value={doc.memo || '—'} />
      </SimpleGrid>
      {party?.address && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {party.address}
        </Text>
      )}

      <Table withTableBorder aria-label="Lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Description</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th ta="right">Unit price</Table.Th>
            <Table.Th ta="right">Discount %</Table.Th>
            <Table.Th>Tax code</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {doc.lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td ta="right">{l.quantity}</Table.Td>
              <Table.Td ta="right">{moneyText(l.unitPrice, cur)}</Table.Td>
              <Table.Td ta="right">{bpToPercent(l.discountBp)}</Table.Td>
              <Table.Td>{l.taxCode ?? ''}</Table.Td>
              <Table.Td>
                {l.account} {names.get(l.account) ?? ''}
              </Table.Td>
              <Table.Td ta="right">{lineAmount(i)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" gap="xl" role="group" aria-label="Totals">
        <Field label="Net" value={moneyText(doc.totals.net, cur)} testId="trade-net" />
        <Field label="Tax" value={moneyText(doc.totals.tax, cur)} testId="trade-tax" />
        <Field label="Total" value={moneyText(doc.totals.gross, cur)} testId="trade-total" />
      </Group>

      {doc.posting.length > 0 && (
        <Card withBorder className="trade-no-print">
          <Text fw={600} mb={4}>
            Posting
          </Text>
          <Table aria-label="Posting">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Memo</Table.Th>
                <Table.Th ta="right">Debit</Table.Th>
                <Table.Th ta="right">Credit</Table.Th>
                {foreign && <Table.Th ta="right">Debit ({baseCurrency})</Table.Th>}
                {foreign && <Table.Th ta="right">Credit ({baseCurrency})</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doc.posting.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Link to={`/accounts/reports/ledger/${l.account}`}>{l.account}</Link>{' '}
                    {names.get(l.account) ?? ''}
                  </Table.Td>
                  <Table.Td>{l.memo}</Table.Td>
                  <Table.Td ta="right">{amountCell(l.debit, cur)}</Table.Td>
                  <Table.Td ta="right">{amountCell(l.credit, cur)}</Table.Td>
                  {foreign && (
                    <Table.Td ta="right">{amountCell(l.baseDebit, baseCurrency)}</Table.Td>
                  )}
                  {foreign && (
                    <Table.Td ta="right">{amountCell(l.baseCredit, baseCurrency)}</Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}

      <History side={side} view={view} />
    </Stack>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** Who created and issued it, on which device; the money and the credits set against it. */
function History({ side, view }: { side: TradeSideUi; view: TradeDocView }) {
  const { doc } = view;
  const labels = sideLabels(side);
  const payRoute = side === 'sales' ? '/accounts/receipts' : '/accounts/payments';
  return (
    <Card withBorder className="trade-no-print">
      <Text fw={600} mb={4}>
        History
      </Text>
      <Stack gap={2}>
        <Text size="sm">
          Created {formatDateTime(doc.createdAt)} by {doc.createdBy} on device{' '}
          <DeviceName id={doc.device} />
        </Text>
        {doc.postedAt && (
          <Text size="sm">
            {side === 'sales' ? 'Issued' : 'Recorded'} {formatDateTime(doc.postedAt)} by{' '}
            {doc.postedBy}
          </Text>
        )}
        {doc.creditFor && (
          <Text size="sm">
            Credit for{' '}
            <Link to={`${labels.listPath}/${doc.creditFor}`}>
              the original {labels.invoice.toLowerCase()}
            </Link>
          </Text>
        )}
        {view.payments.map((p) => (
          <Text size="sm" key={`${p.id}-${p.amount}`}>
            {side === 'sales' ? 'Receipt' : 'Payment'}{' '}
            <Link to={`${payRoute}/${p.id}`}>{p.number || p.id}</Link> on {formatDate(p.date)}:{' '}
            {moneyText(p.amount, doc.currency)} allocated
          </Text>
        ))}
        {view.credits.map((c) => (
          <Text size="sm" key={c.id}>
            {labels.credit} <Link to={`${labels.listPath}/${c.id}`}>{c.number || c.id}</Link> on{' '}
            {formatDate(c.date)}: {moneyText(c.gross, doc.currency)}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
