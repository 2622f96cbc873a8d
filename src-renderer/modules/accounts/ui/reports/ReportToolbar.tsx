import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { usePlatform } from '../../../../client/platform-context';
import { errorMessage } from '../../../../ui/form-errors';
import { useBranchOptions } from './hooks';
import './reports.css';

export interface DateField {
  label: 'As of' | 'From' | 'To';
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
}

export interface CsvFile {
  suggestedName: string;
  data: string;
}

interface ReportToolbarProps {
  dates: DateField[];
  branch: string;
  onBranchChange(branch: string): void;
  /** Builds the file to export; null while there is nothing to export. */
  csv: (() => CsvFile | Promise<CsvFile>) | null;
  /** Extra controls (comparison toggles, account picker). */
  children?: ReactNode;
}

/** Dates, branch, export and print for every report. Hidden when printing (reports.css). */
export function ReportToolbar({
  dates,
  branch,
  onBranchChange,
  csv,
  children,
}: ReportToolbarProps) {
  const branchOptions = useBranchOptions();
  const platform = usePlatform();
  const [exporting, setExporting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function exportCsv() {
    if (!csv) return;
    setExporting(true);
    setFailure(null);
    try {
      const file = await csv();
      await platform.files.saveFile({ ...file, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="report-no-print" role="group" aria-label="Report options">
      <Group align="flex-end" gap="sm" wrap="wrap">
        {dates.map((d) => (
          <TextInput
            key={d.label}
            type="date"
            label={d.label}
            value={d.value}
            onChange={(e) => d.onChange(e.currentTarget.value)}
            error={d.error}
            w={170}
          />
        ))}
        <Select
          label="Branch"
          data={branchOptions}
          value={branch}
          onChange={(v) => onBranchChange(v ?? '')}
          allowDeselect={false}
          w={260}
        />
        {children}
        <Group gap="xs" ml="auto">
          <Button variant="default" onClick={exportCsv} disabled={!csv} loading={exporting}>
            Export CSV
          </Button>
          <Button
            variant="default"
            onClick={async () => {
              const title = document.querySelector('.report-page h2')?.textContent ?? 'report';
              const period =
                document
                  .querySelector('[data-testid="report-period"]')
                  ?.textContent?.split(' · ')[0] ?? '';
              try {
                await platform.files.printToPdf(
                  `${title} ${period}`.trim().replace(/[^\w .-]+/g, '-'),
                );
              } catch (e) {
                setFailure(errorMessage(e));
              }
            }}
          >
            Export PDF
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      {failure && (
        <Alert color="red" mt="sm" title="Export failed">
          {failure}
        </Alert>
      )}
    </div>
  );
}
