import { Text } from '@mantine/core';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import { formatDate } from '../../../../core/format';
import { skipToken } from '@reduxjs/toolkit/query/react';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { accountsApi, useAccountsQuery, useGeneralLedgerQuery } from '../api';
import { generalLedgerCsv } from './csv';
import { fiscalYearStart, isIsoDate, todayIso } from './dates';
import { LEDGER_PAGE_SIZE, LedgerTable, type LedgerArgs } from './LedgerTable';
import { branchScope, dateError, useBranchLabel, useReportSettings } from './hooks';
import { ReportBody, ReportPage } from './ReportLayout';
import { ReportToolbar } from './ReportToolbar';

export function GeneralLedgerReport() {
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const { currency, fiscalYearStartMonth, loading } = useReportSettings();
  const [to, setTo] = useState(() => search.get('to') ?? todayIso());
  // null until the user picks a start: the fiscal year containing `to`.
  const [fromInput, setFrom] = useState<string | null>(() => search.get('from'));
  const from = fromInput ?? fiscalYearStart(isIsoDate(to) ? to : todayIso(), fiscalYearStartMonth);
  const [branch, setBranch] = useState(() => search.get('branch') ?? '');
  const branchLabel = useBranchLabel(branch);

  const fromError = dateError(from);
  const toError = dateError(to, from);
  // Wait for the fiscal year before asking for the default period.
  const waiting = fromInput === null && loading;
  const args: LedgerArgs | null =
    code && !fromError && !toError && !waiting
      ? { account: code, from, to, branch: branchScope(branch) }
      : null;
  const key = args ? JSON.stringify(args) : '';
  // "Show more" pages belong to one account and period; a new one starts from the first page.
  const [more, setMore] = useState({ key: '', pages: 1 });
  const pages = more.key === key ? more.pages : 1;

  const {
    currentData: first,
    error,
    isFetching,
  } = useGeneralLedgerQuery(args ? { ...args, offset: 0, limit: LEDGER_PAGE_SIZE } : skipToken);
  const [fetchAll] = accountsApi.endpoints['accounts.generalLedger'].useLazyQuery();

  const csv =
    first && args
      ? async () => {
          const all = await fetchAll({
            ...args,
            offset: 0,
            limit: Math.max(first.total, 1),
          }).unwrap();
          return {
            suggestedName: `ledger-${all.account.code}-${all.from}-to-${all.to}${branch ? `-${branch}` : ''}.csv`,
            data: generalLedgerCsv(all, currency),
          };
        }
      : null;

  const title = first
    ? `General ledger — ${first.account.code} ${first.account.name}`
    : 'General ledger';
  return (
    <ReportPage
      title={title}
      period={`${formatDate(from)} to ${formatDate(to)} · ${branchLabel} · amounts in ${currency}`}
    >
      <ReportToolbar
        dates={[
          { label: 'From', value: from, onChange: setFrom, error: fromError },
          { label: 'To', value: to, onChange: setTo, error: toError },
        ]}
        branch={branch}
        onBranchChange={setBranch}
        pdf={args ? { report: 'generalLedger', ...args } : null}
        csv={csv}
      >
        <AccountPicker code={code} />
      </ReportToolbar>
      {!code && <Text c="dimmed">Choose an account to see its postings.</Text>}
      {(args || waiting) && code && (
        <ReportBody loading={(isFetching || waiting) && !first} error={error}>
          {first && args && (
            <LedgerTable
              first={first}
              args={args}
              pages={pages}
              currency={currency}
              onShowMore={() => setMore({ key, pages: pages + 1 })}
            />
          )}
        </ReportBody>
      )}
    </ReportPage>
  );
}

function AccountPicker({ code }: { code: string }) {
  const navigate = useNavigate();
  const { data: accounts } = useAccountsQuery();
  const options = (accounts ?? [])
    .filter((a) => !a.isGroup && (!a.archived || a.code === code))
    .map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` }));
  if (code && !options.some((o) => o.value === code)) options.unshift({ value: code, label: code });
  return (
    <RecordPicker
      label="Account"
      placeholder="Choose an account"
      data={options}
      value={code || null}
      onChange={(v) => {
        if (v && v !== code)
          void navigate(code ? `../${encodeURIComponent(v)}` : encodeURIComponent(v), {
            relative: 'path',
          });
      }}
      nothingFoundMessage="No such account"
      w={300}
    />
  );
}
