import { Alert, Button, Group, Select } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useBranchesQuery } from '../../../../client/api';
import { usePlatform } from '../../../../client/platform-context';
import { errorMessage } from '../../../../ui/form-errors';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { InventoryPdfButton, type ReportPdfQuery } from '../InventoryPdfButton';

export const ALL_BRANCHES = 'All branches (consolidated)';

/** The branch choices of a stock report: '' is every branch this device holds. */
export function useBranchChoices(): { value: string; label: string }[] {
  const { data } = useBranchesQuery();
  return [
    { value: '', label: ALL_BRANCHES },
    ...(data ?? []).map((b) => ({ value: b.code, label: `${b.code} ${b.name}` })),
  ];
}

interface CsvFile {
  suggestedName: string;
  data: string;
}

interface Props {
  asOf?: { value: string | null; onChange(v: string | null): void };
  branch?: { value: string; onChange(v: string): void };
  /** The file to save; a report that shows a page of its rows reads them all here. */
  csv: (() => CsvFile | Promise<CsvFile>) | null;
  /** The report's query for its PDF; absent: no PDF button, null: not ready yet. */
  pdf?: ReportPdfQuery | null;
  children?: ReactNode;
}

/** As of, branch, CSV and PDF export: the same bar over every stock report. */
export function ReportBar({ asOf, branch, csv, pdf, children }: Props) {
  const branches = useBranchChoices();
  const platform = usePlatform();
  const [failure, setFailure] = useState<string | null>(null);
  async function exportCsv() {
    if (!csv) return;
    setFailure(null);
    try {
      await platform.files.saveFile({
        ...(await csv()),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }
  return (
    <div role="group" aria-label="Report options">
      <Group align="flex-end" gap="sm">
        {asOf && <DateInput label="As of" value={asOf.value} onChange={asOf.onChange} w={170} />}
        {branch && (
          <Select
            label="Branch"
            data={branches}
            value={branch.value}
            onChange={(v) => branch.onChange(v ?? '')}
            allowDeselect={false}
            w={260}
          />
        )}
        {children}
        <Group gap="xs" ml="auto">
          <Button variant="default" onClick={exportCsv} disabled={!csv}>
            Export CSV
          </Button>
          {pdf !== undefined && <InventoryPdfButton query={pdf} />}
        </Group>
      </Group>
      {failure && (
        <Alert color="red" mt="xs">
          {failure}
        </Alert>
      )}
    </div>
  );
}
