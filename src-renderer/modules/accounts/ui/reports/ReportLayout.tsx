import { Alert, Anchor, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../../ui/form-errors';

export const EMPTY_TEXT = 'No postings in this period.';

/** Title and period line: both print, unlike the toolbar. */
export function ReportPage({
  title,
  period,
  children,
}: {
  title: string;
  period: string;
  children: ReactNode;
}) {
  return (
    <Stack className="report-page" gap="md">
      <div>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" size="sm" data-testid="report-period">
          {period}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/** Loader, red error, or the report itself. */
export function ReportBody({
  loading,
  error,
  children,
}: {
  loading: boolean;
  error: unknown;
  children: ReactNode;
}) {
  if (error) {
    return (
      <Alert color="red" title="The report could not be produced">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (loading) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading report" />
      </Center>
    );
  }
  return <>{children}</>;
}

export function EmptyReport() {
  return (
    <Text c="dimmed" py="md" data-testid="report-empty">
      {EMPTY_TEXT}
    </Text>
  );
}

export function AmountTd({
  children,
  testId,
  strong,
}: {
  children: ReactNode;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <Table.Td className="report-amount" data-testid={testId} fw={strong ? 700 : undefined}>
      {children}
    </Table.Td>
  );
}

export function AmountTh({ children }: { children: ReactNode }) {
  return (
    <Table.Th className="report-amount" scope="col">
      {children}
    </Table.Th>
  );
}

/** Drill-down from a report row to the account's general ledger (sibling route `ledger/<code>`). */
export function LedgerLink({ code, search }: { code: string; search: Record<string, string> }) {
  const qs = new URLSearchParams(Object.entries(search).filter(([, v]) => v !== '')).toString();
  return (
    <Anchor
      component={Link}
      to={`../ledger/${encodeURIComponent(code)}${qs ? `?${qs}` : ''}`}
      relative="path"
      title={`General ledger for account ${code}`}
    >
      {code}
    </Anchor>
  );
}
