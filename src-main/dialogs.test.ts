import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { openFile, printToPdf, sanitizeFileName, saveFile, type DialogDeps } from './dialogs';

describe('sanitizeFileName', () => {
  it.each([
    ['report.csv', 'report.csv'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows_win.ini'],
    ['/abs/path.txt', 'abs_path.txt'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['bad\u0000name\u0007.txt', 'badname.txt'],
    ['  trailing dots... ', 'trailing dots'],
    ['.hidden', 'hidden'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['', 'untitled'],
    ['...', 'untitled'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('caps the length and keeps the extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(400)}.json`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.json')).toBe(true);
  });
});

describe('saveFile / openFile', () => {
  let dir: string;
  const window = {} as BrowserWindow;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outpost-dialogs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function deps(
    savePath: string | undefined,
    openPaths: string[] = [],
  ): DialogDeps & { dialog: { showSaveDialog: ReturnType<typeof vi.fn> } } {
    return {
      defaultDirectory: () => dir,
      dialog: {
        showSaveDialog: vi.fn(async () => ({
          canceled: savePath === undefined,
          ...(savePath ? { filePath: savePath } : {}),
        })),
        showOpenDialog: vi.fn(async () => ({
          canceled: openPaths.length === 0,
          filePaths: openPaths,
        })),
      },
    };
  }

  it('proposes a sanitized name in the default directory and writes text as UTF-8', async () => {
    const target = join(dir, 'out.csv');
    const d = deps(target);
    const result = await saveFile(d, window, {
      suggestedName: '../evil/é.csv',
      data: 'a,é\n',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(d.dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: join(dir, 'evil_é.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(await readFile(target, 'utf8')).toBe('a,é\n');
  });

  it('writes bytes as they are', async () => {
    const target = join(dir, 'out.bin');
    await saveFile(deps(target), window, {
      suggestedName: 'x.bin',
      data: new Uint8Array([0, 255, 7]),
    });
    expect([...(await readFile(target))]).toEqual([0, 255, 7]);
  });

  it('reports a cancel as not saved', async () => {
    expect(await saveFile(deps(undefined), window, { suggestedName: 'x', data: 'x' })).toEqual({
      saved: false,
    });
  });

  it('opens the chosen file, or null on cancel', async () => {
    const source = join(dir, 'in.json');
    await writeFile(source, '{"a":1}');
    const opened = await openFile(deps(undefined, [source]), window, {
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(opened?.name).toBe('in.json');
    expect(new TextDecoder().decode(opened?.data)).toBe('{"a":1}');
    expect(await openFile(deps(undefined, []), window, {})).toBeNull();
  });

  it('renders the page to PDF and saves it under a .pdf name', async () => {
    const target = join(dir, 'tb.pdf');
    const d = deps(target);
    const pdfWindow = {
      webContents: { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) },
    } as unknown as BrowserWindow;
    const result = await printToPdf(d, pdfWindow, { suggestedName: 'Trial balance 2026-03-31' });
    expect(result).toEqual({ saved: true, path: target });
    expect(d.dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: join(dir, 'Trial balance 2026-03-31.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
  });
});
