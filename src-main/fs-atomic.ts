import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a temporary file in the same directory and renames it over the target, so a
 * crash or a full disk leaves either the old file or the new one, never half of each.
 */
export async function writeFileAtomic(
  path: string,
  data: string | NodeJS.ArrayBufferView,
  mode?: number,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, mode === undefined ? {} : { mode });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {
      // The tmp file may never have been created; the original error is what matters.
    });
    throw e;
  }
}
