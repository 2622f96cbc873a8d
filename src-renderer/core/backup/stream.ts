/**
 * Gzip and line streaming for backup files, over the web streams both Chromium and Node 20
 * have (CompressionStream, DecompressionStream). Lines are compressed as they are produced and
 * only the compressed chunks are kept, so a large company is never one string in memory.
 */
import { BackupFileError } from './format';

/** Lines are handed to the compressor in batches of about this many characters. */
const BATCH_CHARS = 256 * 1024;

/** Collects lines into a gzip-compressed Blob. */
export class GzipLineWriter {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly chunks: Promise<Uint8Array[]>;
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly encoder = new TextEncoder();
  bytesIn = 0;

  constructor() {
    const gzip = new CompressionStream('gzip');
    this.writer = gzip.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
    this.chunks = (async () => {
      const out: Uint8Array[] = [];
      const reader = gzip.readable.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return out;
        out.push(value as Uint8Array);
      }
    })();
  }

  async line(text: string): Promise<void> {
    this.pending.push(text, '\n');
    this.pendingChars += text.length + 1;
    if (this.pendingChars >= BATCH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const bytes = this.encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    this.bytesIn += bytes.byteLength;
    await this.writer.write(bytes);
  }

  async finish(): Promise<Blob> {
    await this.flush();
    await this.writer.close();
    return new Blob((await this.chunks) as BlobPart[], { type: 'application/gzip' });
  }
}

/**
 * The lines of a gzip-compressed file, one at a time. A file cut short or not gzip at all ends
 * in a BackupFileError that says so, never in a half-read success.
 */
export async function* readGzipLines(file: Blob): AsyncGenerator<string> {
  const text = file
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
  const reader = text.getReader();
  let rest = '';
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch {
        throw new BackupFileError(
          'This backup file is incomplete or damaged (it could not be unpacked to the end). Nothing was restored. Use another copy of the backup.',
        );
      }
      if (chunk.done) break;
      const parts = (rest + chunk.value).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) yield line;
    }
    if (rest.length) yield rest;
  } finally {
    reader.releaseLock();
  }
}
