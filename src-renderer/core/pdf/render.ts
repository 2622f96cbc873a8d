import type { PdfMake } from 'pdfmake/build/pdfmake.js';
import type { PdfDocument } from './document';
import { docDefinition, type Definition } from './layout';
import { sheetDefinition, type PdfLabelSheet } from './sheet';

let library: Promise<PdfMake> | null = null;

/**
 * pdfmake and its fonts (Roboto, about 2 MB with the library) are loaded on the first PDF, not
 * at start-up. The browser build is used everywhere: it needs no file system or DOM, so the
 * data-core worker and Node (tests, CLI) run the same code. The fonts come with the package:
 * nothing is fetched at run time, and the library may not fetch images or fonts by URL either.
 */
function load(): Promise<PdfMake> {
  library ??= (async () => {
    const [lib, fonts] = await Promise.all([
      import('pdfmake/build/pdfmake.js'),
      import('pdfmake/build/vfs_fonts.js'),
    ]);
    const pdfMake = lib.default;
    pdfMake.addVirtualFileSystem(fonts.default);
    pdfMake.setUrlAccessPolicy(() => false);
    return pdfMake;
  })().catch((e: unknown) => {
    library = null;
    throw e;
  });
  return library;
}

/** One document's PDF bytes. */
export function renderPdf(doc: PdfDocument): Promise<Uint8Array> {
  return bytesOf(docDefinition(doc));
}

/** A sheet of labels' PDF bytes (`sheet.ts`). */
export function renderLabelSheet(sheet: PdfLabelSheet): Promise<Uint8Array> {
  return bytesOf(sheetDefinition(sheet));
}

async function bytesOf(definition: Definition): Promise<Uint8Array> {
  const pdfMake = await load();
  const bytes = await pdfMake.createPdf(definition).getBuffer();
  // A plain Uint8Array (not the library's Buffer) crosses postMessage and Blob as it is.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Many documents in one call (a batch of invoices, a pay run's payslips), one after another so
 * a batch of hundreds holds one document's layout in memory at a time.
 */
export async function renderPdfs(docs: readonly PdfDocument[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const doc of docs) out.push(await renderPdf(doc));
  return out;
}
