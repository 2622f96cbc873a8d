import { Checkbox, Table, Text } from '@mantine/core';
import { formatDate } from '../../../../core/format';
import { skipToken } from '@reduxjs/toolkit/query/react';
import { useState } from 'react';
import type { BalanceSheet, ReportSection } from '../../rpc-contract';
import { useBalanceSheetQuery } from '../api';
import { signedAmount } from '../format';
import { balanceSheetCsv } from './csv';
import { todayIso, yearEarlier } from './dates';
import { branchScope, dateError, useBranchLabel, useReportSettings } from './hooks';
import { AmountTd, EmptyReport, ReportBody, ReportPage } from './ReportLayout';
import { ReportToolbar } from './ReportToolbar';
import { SectionRows, StatementHead } from './SectionRows';

export function BalanceSheetReport() {
  const { currency } = useReportSettings();
  const [asOf, setAsOf] = useState(todayIso);
  const [compare, setCompare] = useState(false);
  const [branch, setBranch] = useState('');
  const branchLabel = useBranchLabel(branch);

  const asOfError = dateError(asOf);
  const compareAsOf = !asOfError && compare ? yearEarlier(asOf) : null;
  const args = asOfError
    ? skipToken
    : { asOf, branch: branchScope(branch), ...(compareAsOf ? { compareAsOf } : {}) };
  const { currentData: bs, error, isFetching } = useBalanceSheetQuery(args);

  return (
    <ReportPage
      title="Balance sheet"
      period={`As of ${formatDate(asOf)}${compareAsOf ? ` compared with ${formatDate(compareAsOf)}` : ''} · ${branchLabel} · amounts in ${currency}`}
    >
      <ReportToolbar
        dates={[{ label: 'As of', value: asOf, onChange: setAsOf, error: asOfError }]}
        branch={branch}
        onBranchChange={setBranch}
        pdf={args === skipToken ? null : { report: 'balanceSheet', ...args }}
        csv={
          bs
            ? () => ({
                suggestedName: `balance-sheet-${bs.asOf}${branch ? `-${branch}` : ''}.csv`,
                data: balanceSheetCsv(bs, currency),
              })
            : null
        }
      >
        <Checkbox
          label="Compare with a year earlier"
          checked={compare}
          onChange={(e) => setCompare(e.currentTarget.checked)}
          mb={8}
        />
      </ReportToolbar>
      {!asOfError && (
        <ReportBody loading={isFetching && !bs} error={error}>
          {bs && <BalanceSheetBody bs={bs} currency={currency} branch={branch} />}
        </ReportBody>
      )}
    </ReportPage>
  );
}

const EMPTY_SECTION = (title: string): ReportSection => ({ title, rows: [], total: 0 });

function BalanceSheetBody({
  bs,
  currency,
  branch,
}: {
  bs: BalanceSheet;
  currency: string;
  branch: string;
}) {
  if (
    bs.sections.every((s) => s.rows.length === 0) &&
    bs.currentEarnings === 0 &&
    !bs.unclosedRetainedEarnings
  )
    return <EmptyReport />;
  return (
    <>
      <BalanceSheetTable bs={bs} currency={currency} branch={branch} />
      <BalanceCheck bs={bs} currency={currency} />
    </>
  );
}

function BalanceSheetTable({
  bs,
  currency,
  branch,
}: {
  bs: BalanceSheet;
  currency: string;
  branch: string;
}) {
  const compare = bs.compareAsOf !== null;
  const find = (title: string, i: number) =>
    bs.sections.find((s) => s.title === title) ?? bs.sections[i] ?? EMPTY_SECTION(title);
  const assets = find('Assets', 0);
  const liabilities = find('Liabilities', 1);
  const equity = find('Equity', 2);
  const search = { to: bs.asOf, branch };
  const common = { currency, compare, ledgerSearch: search };
  const prior = bs.unclosedRetainedEarnings ?? 0;
  const comparePrior = bs.compareUnclosedRetainedEarnings ?? 0;
  const earningsRow = (
    <>
      {(prior !== 0 || comparePrior !== 0) && (
        <Table.Tr data-testid="bs-unclosed-retained">
          <Table.Td />
          <Table.Td>Retained earnings (years not closed)</Table.Td>
          <AmountTd>{signedAmount(prior, currency)}</AmountTd>
          {compare && <AmountTd>{signedAmount(comparePrior, currency)}</AmountTd>}
        </Table.Tr>
      )}
      <Table.Tr data-testid="bs-current-earnings">
        <Table.Td />
        <Table.Td>Current year earnings</Table.Td>
        <AmountTd>{signedAmount(bs.currentEarnings, currency)}</AmountTd>
        {compare && <AmountTd>{signedAmount(bs.compareCurrentEarnings ?? 0, currency)}</AmountTd>}
      </Table.Tr>
    </>
  );
  const compareLe =
    (liabilities.compareTotal ?? 0) +
    (equity.compareTotal ?? 0) +
    (bs.compareCurrentEarnings ?? 0) +
    comparePrior;
  return (
    <Table highlightOnHover aria-label="Balance sheet">
      <StatementHead
        current={`As of ${formatDate(bs.asOf)}`}
        previous={bs.compareAsOf ? `As of ${formatDate(bs.compareAsOf)}` : null}
      />
      <Table.Tbody>
        <SectionRows section={assets} {...common} totalTestId="bs-total-assets" />
        <SectionRows section={liabilities} {...common} />
        <SectionRows
          section={equity}
          {...common}
          extra={earningsRow}
          total={equity.total + bs.currentEarnings + prior}
          compareTotal={
            (equity.compareTotal ?? 0) + (bs.compareCurrentEarnings ?? 0) + comparePrior
          }
        />
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row" colSpan={2}>
            Total liabilities and equity
          </Table.Th>
          <AmountTd testId="bs-total-le" strong>
            {signedAmount(bs.totalLiabilitiesAndEquity, currency)}
          </AmountTd>
          {compare && <AmountTd strong>{signedAmount(compareLe, currency)}</AmountTd>}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function BalanceCheck({ bs, currency }: { bs: BalanceSheet; currency: string }) {
  const difference = bs.totalAssets - bs.totalLiabilitiesAndEquity;
  const ok = difference === 0;
  return (
    <Text c={ok ? 'green' : 'red'} fw={600} role="status" data-testid="bs-check" data-balanced={ok}>
      {ok
        ? `Assets = Liabilities + Equity (${signedAmount(bs.totalAssets, currency)})`
        : `Assets ≠ Liabilities + Equity: they differ by ${signedAmount(difference, currency)}. Rebuild the index in Settings; if the difference stays, tell your administrator.`}
    </Text>
  );
}
