import { Table, Text } from '@mantine/core';
import { formatDate } from '../../../../core/format';
import { skipToken } from '@reduxjs/toolkit/query/react';
import { useState } from 'react';
import type { TrialBalance } from '../../rpc-contract';
import { useTrialBalanceQuery } from '../api';
import { amountCell, signedAmount } from '../format';
import { trialBalanceCsv } from './csv';
import { todayIso } from './dates';
import { branchScope, dateError, useBranchLabel, useReportSettings } from './hooks';
import {
  AmountTd,
  AmountTh,
  EmptyReport,
  LedgerLink,
  ReportBody,
  ReportPage,
} from './ReportLayout';
import { ReportToolbar } from './ReportToolbar';

export function TrialBalanceReport() {
  const { currency } = useReportSettings();
  const [asOf, setAsOf] = useState(todayIso);
  const [branch, setBranch] = useState('');
  const branchLabel = useBranchLabel(branch);
  const asOfError = dateError(asOf);
  const {
    currentData: tb,
    error,
    isFetching,
  } = useTrialBalanceQuery(asOfError ? skipToken : { asOf, branch: branchScope(branch) });

  return (
    <ReportPage
      title="Trial balance"
      period={`As of ${formatDate(asOf)} · ${branchLabel} · amounts in ${currency}`}
    >
      <ReportToolbar
        dates={[{ label: 'As of', value: asOf, onChange: setAsOf, error: asOfError }]}
        branch={branch}
        onBranchChange={setBranch}
        pdf={asOfError ? null : { report: 'trialBalance', asOf, branch: branchScope(branch) }}
        csv={
          tb
            ? () => ({
                suggestedName: `trial-balance-${tb.asOf}${branch ? `-${branch}` : ''}.csv`,
                data: trialBalanceCsv(tb, currency),
              })
            : null
        }
      />
      {!asOfError && (
        <ReportBody loading={isFetching && !tb} error={error}>
          {tb && <TrialBalanceTable tb={tb} currency={currency} branch={branch} />}
        </ReportBody>
      )}
    </ReportPage>
  );
}

function TrialBalanceTable({
  tb,
  currency,
  branch,
}: {
  tb: TrialBalance;
  currency: string;
  branch: string;
}) {
  if (tb.rows.length === 0) return <EmptyReport />;
  const balanced = tb.totalDebit === tb.totalCredit;
  return (
    <>
      <Table striped highlightOnHover aria-label="Trial balance">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col">Account</Table.Th>
            <AmountTh>Debit</AmountTh>
            <AmountTh>Credit</AmountTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tb.rows.map((r) => (
            <Table.Tr key={r.code} data-testid={`tb-row-${r.code}`}>
              <Table.Td>
                <LedgerLink code={r.code} search={{ to: tb.asOf, branch }} />
              </Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <AmountTd>{amountCell(r.debit, currency)}</AmountTd>
              <AmountTd>{amountCell(r.credit, currency)}</AmountTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              Total
            </Table.Th>
            <AmountTd testId="tb-total-debit" strong>
              {signedAmount(tb.totalDebit, currency)}
            </AmountTd>
            <AmountTd testId="tb-total-credit" strong>
              {signedAmount(tb.totalCredit, currency)}
            </AmountTd>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {!balanced && (
        <Text c="red" size="sm" role="status">
          Debits and credits differ by {signedAmount(tb.totalDebit - tb.totalCredit, currency)}.
          Rebuild the index in Settings; if the difference stays, tell your administrator.
        </Text>
      )}
    </>
  );
}
