import { Table, Text } from '@mantine/core';
import { formatDate, formatPercent } from '../../../../core/format';
import { skipToken } from '@reduxjs/toolkit/query/react';
import { useState } from 'react';
import type { TaxSummary } from '../../rpc-contract';
import { useTaxSummaryQuery } from '../api';
import { signedAmount } from '../format';
import { taxSummaryCsv } from './csv';
import { todayIso } from './dates';
import { branchScope, dateError, useBranchLabel, useReportSettings } from './hooks';
import { AmountTd, EmptyReport, ReportBody, ReportPage } from './ReportLayout';
import { ReportToolbar } from './ReportToolbar';

const firstOfQuarter = (date: string) => {
  const m = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
};

/** Output and input tax per code for a period (a VAT/GST return's working), tied to the ledger. */
export function TaxSummaryReport() {
  const { currency } = useReportSettings();
  const [to, setTo] = useState(todayIso);
  const [from, setFrom] = useState(() => firstOfQuarter(todayIso()));
  const [branch, setBranch] = useState('');
  const branchLabel = useBranchLabel(branch);
  const fromError = dateError(from);
  const toError = dateError(to, from);
  const {
    currentData: tax,
    error,
    isFetching,
  } = useTaxSummaryQuery(
    fromError || toError ? skipToken : { from, to, branch: branchScope(branch) },
  );
  return (
    <ReportPage
      title="Tax summary"
      period={`${formatDate(from)} to ${formatDate(to)} · ${branchLabel} · amounts in ${currency}`}
    >
      <ReportToolbar
        dates={[
          { label: 'From', value: from, onChange: setFrom, error: fromError },
          { label: 'To', value: to, onChange: setTo, error: toError },
        ]}
        branch={branch}
        onBranchChange={setBranch}
        pdf={
          fromError || toError
            ? null
            : { report: 'taxSummary', from, to, branch: branchScope(branch) }
        }
        csv={
          tax
            ? () => ({
                suggestedName: `tax-summary-${tax.from}-to-${tax.to}.csv`,
                data: taxSummaryCsv(tax, currency),
              })
            : null
        }
      />
      <ReportBody loading={isFetching && !tax} error={error}>
        {tax && <TaxTable tax={tax} currency={currency} />}
      </ReportBody>
    </ReportPage>
  );
}

function TaxTable({ tax, currency }: { tax: TaxSummary; currency: string }) {
  if (tax.rows.length === 0 && tax.ledgerMovement.every((m) => m.amount === 0))
    return <EmptyReport />;
  const amt = (n: number) => signedAmount(n, currency);
  return (
    <>
      <Table highlightOnHover aria-label="Tax summary">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tax code</Table.Th>
            <Table.Th ta="right">Rate</Table.Th>
            <Table.Th ta="right">Sales net</Table.Th>
            <Table.Th ta="right">Output tax</Table.Th>
            <Table.Th ta="right">Purchases net</Table.Th>
            <Table.Th ta="right">Input tax</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tax.rows.map((r) => (
            <Table.Tr key={r.code} data-testid={`tax-row-${r.code}`}>
              <Table.Td>{r.code}</Table.Td>
              <Table.Td ta="right">{formatPercent(r.rateBp)}</Table.Td>
              <AmountTd>{amt(r.salesNet)}</AmountTd>
              <AmountTd>{amt(r.salesTax)}</AmountTd>
              <AmountTd>{amt(r.purchaseNet)}</AmountTd>
              <AmountTd>{amt(r.purchaseTax)}</AmountTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>Totals</Table.Th>
            <AmountTd strong>{amt(tax.totalSalesTax)}</AmountTd>
            <Table.Td />
            <AmountTd strong>{amt(tax.totalPurchaseTax)}</AmountTd>
          </Table.Tr>
          <Table.Tr>
            <Table.Th colSpan={5}>
              {tax.netTax >= 0 ? 'Net tax payable' : 'Net tax reclaimable'}
            </Table.Th>
            <AmountTd testId="tax-net" strong>
              {amt(Math.abs(tax.netTax))}
            </AmountTd>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Text size="sm" fw={600} mt="md">
        Tax accounts in the ledger for the same period
      </Text>
      <Text size="xs" c="dimmed">
        These match the documents above unless something was posted to a tax account by hand.
      </Text>
      <Table aria-label="Tax accounts">
        <Table.Tbody>
          {tax.ledgerMovement.map((m) => (
            <Table.Tr key={m.code}>
              <Table.Td>
                {m.code} {m.name}
              </Table.Td>
              <AmountTd>{amt(m.amount)}</AmountTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
