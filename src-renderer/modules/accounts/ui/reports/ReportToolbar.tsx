import { Alert, Button, Group, Select } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { usePlatform } from '../../../../client/platform-context';
import { errorMessage } from '../../../../ui/form-errors';
import { DateInput } from '../../../../ui/inputs/DateInput';
import type { ReportPdfRequest } from '../../pdf-contract';
import { PdfButton } from '../PdfButton';
import { pdfOptions, requestPdf } from '../pdf-download';
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

/** A PDF request without the reader's options (the toolbar adds the locale). */
type WithoutOptions<R> = R extends unknown ? Omit<R, 'locale' | 'pageSize'> : never;
export type ReportQuery = WithoutOptions<ReportPdfRequest>;

interface ReportToolbarProps {
  dates: DateField[];
  branch: string;
  onBranchChange(branch: string): void;
  /** Builds the file to export; null while there is nothing to export. */
  csv: (() => CsvFile | Promise<CsvFile>) | null;
  /** The report and its parameters for "Export PDF" (made in the worker); null while invalid. */
  pdf?: ReportQuery | null;
  /** Extra controls (comparison toggles, account picker). */
  children?: ReactNode;
}

/** Dates, branch, export and print for every report. Hidden when printing (reports.css). */
export function ReportToolbar({
  dates,
  branch,
  onBranchChange,
  csv,
  pdf,
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
          <DateInput
            key={d.label}
            label={d.label}
            value={d.value || null}
            onChange={(iso) => d.onChange(iso ?? '')}
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
          <PdfButton
            label="Export PDF"
            make={
              pdf
                ? () =>
                    requestPdf('accounts.reportPdf', {
                      ...pdf,
                      ...pdfOptions(),
                    } as ReportPdfRequest)
                : null
            }
          />
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
