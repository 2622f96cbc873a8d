import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import {
  backupFileName,
  exportBackup,
  keepBackup,
  KEEP_BACKUPS,
  listBackups,
  openBackup,
} from './backups';

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-backups-'));
  out = await mkdtemp(join(tmpdir(), 'outpost-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const request = (minute: number) => ({
  createdAt: new Date(Date.UTC(2026, 3, 4, 9, minute)).toISOString(),
  orgCode: 'acme',
  branchCode: 'NYC',
  letter: 'A',
  data: new Uint8Array([31, 139, minute]),
});
const window = {} as BrowserWindow;

describe('the automatic-backup folder', () => {
  it('names each file itself from the date and keeps only the newest', async () => {
    expect(backupFileName(request(30))).toBe(
      'outpost-acme-NYC-A-2026-04-04-093000-before-upgrade.outpost-backup',
    );
    // Something else in the folder is neither listed nor pruned.
    await writeFile(join(dir, 'notes.txt'), 'mine');
    for (let m = 0; m < KEEP_BACKUPS + 2; m++) await keepBackup(dir, request(m));
    const kept = await listBackups(dir);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0]!.name).toBe(backupFileName(request(KEEP_BACKUPS + 1)));
    expect(kept.at(-1)!.name).toBe(backupFileName(request(2)));
    expect((await readdir(dir)).filter((n) => !n.endsWith('.outpost-backup'))).toEqual([
      'notes.txt',
    ]);
    expect([...(await readFile(join(dir, kept[0]!.name)))]).toEqual([31, 139, KEEP_BACKUPS + 1]);
  });

  it('lists nothing when there is no folder yet', async () => {
    expect(await listBackups(join(dir, 'missing'))).toEqual([]);
  });

  it('copies a kept backup to where the user chooses, and only one it kept', async () => {
    await keepBackup(dir, request(5));
    const name = backupFileName(request(5));
    const target = join(out, 'copy.outpost-backup');
    const deps = {
      defaultDirectory: () => out,
      dialog: {
        showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })),
        showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [join(dir, name)] })),
      },
    };
    expect(await exportBackup(deps, window, dir, name)).toBe(true);
    expect([...(await readFile(target))]).toEqual([31, 139, 5]);
    await expect(exportBackup(deps, window, dir, 'notes.txt')).rejects.toThrow(
      /no longer in the backups folder/,
    );
    const opened = await openBackup(deps, window, dir);
    expect(opened).toMatchObject({ name });
    expect((deps.dialog.showOpenDialog.mock.calls as unknown[][])[0]?.[1]).toMatchObject({
      defaultPath: dir,
    });
  });
});
