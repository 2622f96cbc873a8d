import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useBranchesQuery } from '../../../../client/api';
import { usePlatform } from '../../../../client/platform-context';
import { isIsoDate, todayLocal } from '../../../../core/dates';
import { formatDate } from '../../../../core/format';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { errorMessage } from '../../../../ui/form-errors';
import type { AgedRow } from '../../domain/aging';
import { amountCell, moneyText } from '../format';
import { useTradeAgedReportQuery, useTradePartiesQuery, useTradeSetupQuery } from './api';
import { AGED_COLUMNS, agedCsv, agedTotals } from './aged-csv';
import type { TradeSideUi } from './trade-labels';
import { PdfButton } from '../PdfButton';
import { pdfOptions, requestPdf } from '../pdf-download';
import './trade.css';

/**
 * Who owes the company (sales) or whom it owes (purchases), by days past due, in the base
 * currency. Routes: /accounts/reports/aged-receivables, /accounts/reports/aged-payables.
 */
export function AgedReport({ side }: { side: TradeSideUi }) {
  // Keyed by side: the sales and purchases routes share this component, never their state.
  return <AgedReportInner key={side} side={side} />;
}

function AgedReportInner({ side }: { side: TradeSideUi }) {
  const platform = usePlatform();
  const title = side === 'sales' ? 'Aged receivables' : 'Aged payables';
  const [asOf, setAsOf] = useState(todayLocal());
  const [branch, setBranch] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { data: setup } = useTradeSetupQuery();
  const { data: parties = [] } = useTradePartiesQuery();
  const { data: branches = [] } = useBranchesQuery();
  const validDate = isIsoDate(asOf);
  const report = useTradeAgedReportQuery(
    { side, asOf, branch: branch || null },
    { skip: !validDate },
  );
  const currency = setup?.baseCurrency ?? 'USD';
  const names = useMemo(() => new Map(parties.map((p) => [p._id, p.name])), [parties]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const rows = useMemo(
    () =>
      [...(report.data ?? [])].sort((a, b) =>
        (names.get(a.partyId) ?? a.partyId).localeCompare(names.get(b.partyId) ?? b.partyId),
      ),
    [report.data, names],
  );
  const total = agedTotals(rows);
  const branchOptions = [
    { value: '', label: 'Whole company' },
    ...branches
      .filter((b) => !b.archived)
      .map((b) => ({ value: b.code, label: `${b.code} — ${b.name}` })),
  ];

  async function exportCsv() {
    setFailure(null);
    try {
      const scope = branch ? `-${branch}` : '';
      await platform.files.saveFile({
        suggestedName: `${side === 'sales' ? 'aged-receivables' : 'aged-payables'}${scope}-${asOf}.csv`,
        data: agedCsv(rows, nameOf, currency),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  return (
    <Stack gap="sm">
      <Title order={3}>{title}</Title>
      <Group align="flex-end" className="trade-no-print">
        <DateInput
          label="As of"
          value={asOf || null}
          onChange={(iso) => setAsOf(iso ?? '')}
          error={validDate ? undefined : 'Enter a date.'}
          w={170}
        />
        <Select
          label="Branch"
          data={branchOptions}
          value={branch}
          allowDeselect={false}
          onChange={(v) => setBranch(v ?? '')}
          w={240}
        />
        <Button variant="default" onClick={exportCsv} disabled={!report.data}>
          Export CSV
        </Button>
        <PdfButton
          label="Export PDF"
          make={
            validDate
              ? () =>
                  requestPdf('accounts.reportPdf', {
                    report: 'aged',
                    side,
                    asOf,
                    branch: branch || null,
                    ...pdfOptions(),
                  })
              : null
          }
        />
        <Button variant="default" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      {(failure || report.error) && (
        <Alert color="red">{failure ?? errorMessage(report.error)}</Alert>
      )}
      <Text size="xs" c="dimmed">
        Open amounts as of {formatDate(asOf)} in {currency}, by days past the due date. Unapplied
        credits reduce the balance.
      </Text>
      <Table withTableBorder striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Party</Table.Th>
            {AGED_COLUMNS.map((c) => (
              <Table.Th key={c.key} ta="right">
                {c.label}
              </Table.Th>
            ))}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <AgedLine key={r.partyId} name={nameOf(r.partyId)} row={r} currency={currency} />
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text size="sm" c="dimmed">
                  {report.isFetching ? 'Loading…' : 'Nothing open on this date.'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        <Table.Tfoot>
          <AgedLine name="Total" row={total} currency={currency} testId="aged-total" strong />
        </Table.Tfoot>
      </Table>
    </Stack>
  );
}

function AgedLine({
  name,
  row,
  currency,
  testId,
  strong,
}: {
  name: string;
  row: AgedRow;
  currency: string;
  testId?: string;
  strong?: boolean;
}) {
  const fw = strong ? 700 : undefined;
  return (
    <Table.Tr data-testid={testId ?? `aged-row-${row.partyId}`}>
      <Table.Td fw={fw}>{name}</Table.Td>
      {AGED_COLUMNS.map((c) => (
        <Table.Td key={c.key} ta="right" fw={fw} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {amountCell(row.buckets[c.key], currency)}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={fw} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {strong ? moneyText(row.total, currency) : amountCell(row.total, currency)}
      </Table.Td>
    </Table.Tr>
  );
}
