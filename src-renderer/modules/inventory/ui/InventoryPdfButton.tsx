import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { run } from '../../../client/api';
import { usePlatform } from '../../../client/platform-context';
import { todayLocal } from '../../../core/dates';
import { OutpostError, type SerializedError } from '../../../core/errors';
import { errorMessage } from '../../../ui/form-errors';
import { useInputLocale } from '../../../ui/inputs/input-locale';
import type {
  InventoryMethods,
  InventoryReportPdfRequest,
  LabelsPdfRequest,
  PdfFile,
} from '../rpc-contract';

type PdfMethod = 'inventory.reportPdf' | 'inventory.labelsPdf';
/** What a page asks for; the reader's locale and today's date are added here. */
export type ReportPdfQuery = InventoryReportPdfRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'locale' | 'pageSize' | 'today'>
    : never
  : never;
export type LabelsPdfQuery = Omit<LabelsPdfRequest, 'locale' | 'today'>;

/**
 * Asks the worker for a PDF. Called directly rather than through an RTK Query mutation: the
 * bytes are a file for the clerk, not state, and Redux must not hold megabytes.
 */
export async function requestInventoryPdf<M extends PdfMethod>(
  method: M,
  params: InventoryMethods[M]['params'],
): Promise<PdfFile> {
  const result = await run(method, params);
  if ('error' in result) throw OutpostError.from(result.error as SerializedError);
  return result.data as PdfFile;
}

/** Saves a PDF the way the CSV exports save: Electron's save dialog, a browser's download. */
export function useSavePdf() {
  const platform = usePlatform();
  const locale =
    useInputLocale(undefined) ??
    (typeof navigator !== 'undefined' ? navigator.language : undefined);
  return {
    locale,
    async report(q: ReportPdfQuery) {
      const file = await requestInventoryPdf('inventory.reportPdf', {
        ...q,
        today: todayLocal(),
        ...(locale ? { locale } : {}),
      } as InventoryReportPdfRequest);
      await save(file);
    },
    async labels(q: LabelsPdfQuery) {
      const file = await requestInventoryPdf('inventory.labelsPdf', {
        ...q,
        today: todayLocal(),
        ...(locale ? { locale } : {}),
      });
      await save(file);
    },
  };
  async function save(file: PdfFile) {
    await platform.files.saveFile({
      suggestedName: file.fileName,
      data: file.bytes,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  }
}

/**
 * "Export PDF" beside a report's CSV export: the worker makes the PDF from the same query as the
 * page (every line, not the page on screen). Busy while made; a failure is said next to it.
 */
export function InventoryPdfButton({ query }: { query: ReportPdfQuery | null }) {
  const pdf = useSavePdf();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function click() {
    if (!query) return;
    setBusy(true);
    setFailure(null);
    try {
      await pdf.report(query);
    } catch (e) {
      setFailure(`The PDF could not be made: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button variant="default" onClick={click} disabled={!query} loading={busy}>
        Export PDF
      </Button>
      {failure && (
        <Text c="red" size="sm" role="alert">
          {failure}
        </Text>
      )}
    </>
  );
}
