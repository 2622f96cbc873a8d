import { Checkbox, Table } from '@mantine/core';
import { formatDate } from '../../../../core/format';
import { skipToken } from '@reduxjs/toolkit/query/react';
import { useState } from 'react';
import type { ProfitAndLoss } from '../../rpc-contract';
import { useProfitAndLossQuery } from '../api';
import { signedAmount } from '../format';
import { profitAndLossCsv } from './csv';
import { fiscalYearStart, previousPeriod, todayIso } from './dates';
import { branchScope, dateError, useBranchLabel, useReportSettings } from './hooks';
import { AmountTd, EmptyReport, ReportBody, ReportPage } from './ReportLayout';
import { ReportToolbar } from './ReportToolbar';
import { SectionRows, StatementHead } from './SectionRows';

export function ProfitAndLossReport() {
  const { currency, fiscalYearStartMonth, loading } = useReportSettings();
  const [to, setTo] = useState(todayIso);
  // null until the user picks a start: follows the fiscal year once the company has loaded.
  const [fromInput, setFrom] = useState<string | null>(null);
  const from = fromInput ?? fiscalYearStart(todayIso(), fiscalYearStartMonth);
  const [compare, setCompare] = useState(false);
  const [branch, setBranch] = useState('');
  const branchLabel = useBranchLabel(branch);

  const fromError = dateError(from);
  const toError = dateError(to, from);
  const prev = !fromError && !toError && compare ? previousPeriod(from, to) : null;
  // Wait for the fiscal year before asking for the default period.
  const waiting = fromInput === null && loading;
  const args =
    fromError || toError || waiting
      ? skipToken
      : {
          from,
          to,
          branch: branchScope(branch),
          ...(prev ? { compareFrom: prev.from, compareTo: prev.to } : {}),
        };
  const { currentData: pl, error, isFetching } = useProfitAndLossQuery(args);

  return (
    <ReportPage
      title="Profit and loss"
      period={`${formatDate(from)} to ${formatDate(to)}${prev ? ` compared with ${formatDate(prev.from)} to ${formatDate(prev.to)}` : ''} · ${branchLabel} · amounts in ${currency}`}
    >
      <ReportToolbar
        dates={[
          { label: 'From', value: from, onChange: setFrom, error: fromError },
          { label: 'To', value: to, onChange: setTo, error: toError },
        ]}
        branch={branch}
        onBranchChange={setBranch}
        pdf={args === skipToken ? null : { report: 'profitAndLoss', ...args }}
        csv={
          pl
            ? () => ({
                suggestedName: `profit-and-loss-${pl.from}-to-${pl.to}${branch ? `-${branch}` : ''}.csv`,
                data: profitAndLossCsv(pl, currency),
              })
            : null
        }
      >
        <Checkbox
          label="Compare with previous period"
          checked={compare}
          onChange={(e) => setCompare(e.currentTarget.checked)}
          mb={8}
        />
      </ReportToolbar>
      {!fromError && !toError && (
        <ReportBody loading={(isFetching || waiting) && !pl} error={error}>
          {pl && <ProfitAndLossTable pl={pl} currency={currency} branch={branch} />}
        </ReportBody>
      )}
    </ReportPage>
  );
}

function ProfitAndLossTable({
  pl,
  currency,
  branch,
}: {
  pl: ProfitAndLoss;
  currency: string;
  branch: string;
}) {
  if (pl.sections.every((s) => s.rows.length === 0)) return <EmptyReport />;
  const compare = pl.compare !== null;
  const search = { from: pl.from, to: pl.to, branch };
  return (
    <Table highlightOnHover aria-label="Profit and loss">
      <StatementHead
        current={`${formatDate(pl.from)} – ${formatDate(pl.to)}`}
        previous={
          pl.compare ? `${formatDate(pl.compare.from)} – ${formatDate(pl.compare.to)}` : null
        }
      />
      <Table.Tbody>
        {pl.sections
          .filter((s) => s.rows.length > 0)
          .map((s) => (
            <SectionRows
              key={s.title}
              section={s}
              currency={currency}
              compare={compare}
              ledgerSearch={search}
            />
          ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row" colSpan={2}>
            Net profit
          </Table.Th>
          <AmountTd testId="pl-net-profit" strong>
            {signedAmount(pl.netProfit, currency)}
          </AmountTd>
          {compare && (
            <AmountTd testId="pl-compare-net-profit" strong>
              {signedAmount(pl.compareNetProfit ?? 0, currency)}
            </AmountTd>
          )}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
