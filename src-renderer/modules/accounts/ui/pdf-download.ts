import { run } from '../../../client/api';
import { OutpostError, type SerializedError } from '../../../core/errors';
import type { MethodsOf } from '../../../core/rpc/define';
import type { PdfOptions, pdfContract } from '../pdf-contract';

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
