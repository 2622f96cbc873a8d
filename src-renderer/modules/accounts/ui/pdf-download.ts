import { run } from '../../../client/api';
import { OutpostError, type SerializedError } from '../../../core/errors';
import type { MethodsOf } from '../../../core/rpc/define';
import type { PdfFile, PdfOptions, pdfContract } from '../pdf-contract';

type PdfMethods = MethodsOf<typeof pdfContract>;

/** The reader's locale and so paper size: the worker writes money and dates the way the user reads them. */
export function pdfOptions(): PdfOptions {
  return typeof navigator !== 'undefined' && navigator.language
    ? { locale: navigator.language }
    : {};
}

/**
 * Asks the worker for a PDF. Called directly rather than through an RTK Query mutation: the
 * bytes are a file for the user, not state, and Redux must not hold (or check) megabytes.
 */
export async function requestPdf<M extends keyof PdfMethods>(
  method: M,
  params: PdfMethods[M]['params'],
): Promise<PdfMethods[M]['result']> {
  const result = await run(method, params);
  if ('error' in result) throw OutpostError.from(result.error as SerializedError);
  return result.data as PdfMethods[M]['result'];
}

/**
 * Offers the file as a download (a Blob and a link with `download`): the browser saves it, and
 * Electron shows its save dialog for the same link.
 */
export function offerDownload(file: PdfFile): void {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
