import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ReportSection } from '../../rpc-contract';
import { signedAmount } from '../format';
import { AmountTd, LedgerLink } from './ReportLayout';

interface SectionRowsProps {
  section: ReportSection;
  currency: string;
  /** Whether a comparison column is shown. */
  compare: boolean;
  /** Query for the ledger drill-down (from/to/branch). */
  ledgerSearch: Record<string, string>;
  /** Rows shown after the accounts, before the total (e.g. current year earnings). */
  extra?: ReactNode;
  total?: number;
  compareTotal?: number;
  totalTestId?: string;
}

/** One titled block of a statement: heading, an account per row, the section total. */
export function SectionRows({
  section,
  currency,
  compare,
  ledgerSearch,
  extra,
  total,
  compareTotal,
  totalTestId,
}: SectionRowsProps) {
  const cols = compare ? 4 : 3;
  const slug = section.title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <>
      <Table.Tr>
        <Table.Th scope="colgroup" colSpan={cols} pt="md">
          {section.title}
        </Table.Th>
      </Table.Tr>
      {section.rows.map((r) => (
        <Table.Tr key={r.code} data-testid={`row-${slug}-${r.code}`}>
          <Table.Td>
            <LedgerLink code={r.code} search={ledgerSearch} />
          </Table.Td>
          <Table.Td>{r.name}</Table.Td>
          <AmountTd>{signedAmount(r.amount, currency)}</AmountTd>
          {compare && <AmountTd>{signedAmount(r.compare ?? 0, currency)}</AmountTd>}
        </Table.Tr>
      ))}
      {extra}
      <Table.Tr>
        <Table.Th scope="row" colSpan={2}>
          Total {section.title.toLowerCase()}
        </Table.Th>
        <AmountTd testId={totalTestId ?? `total-${slug}`} strong>
          {signedAmount(total ?? section.total, currency)}
        </AmountTd>
        {compare && (
          <AmountTd strong>
            {signedAmount(compareTotal ?? section.compareTotal ?? 0, currency)}
          </AmountTd>
        )}
      </Table.Tr>
    </>
  );
}

export function StatementHead({ current, previous }: { current: string; previous: string | null }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col" w={90}>
          Code
        </Table.Th>
        <Table.Th scope="col">Account</Table.Th>
        <Table.Th scope="col" className="report-amount">
          {current}
        </Table.Th>
        {previous !== null && (
          <Table.Th scope="col" className="report-amount">
            {previous}
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
