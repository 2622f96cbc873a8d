import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningUrl, spawnSyncServer, type SyncChild } from './sync-child';

describe('listeningUrl', () => {
  it('resolves only with the URL of the "listening on" line, echoing every line', async () => {
    const output = new PassThrough();
    const echoed: string[] = [];
    let url: string | undefined;
    const ready = listeningUrl(output, (line) => echoed.push(line)).then((u) => (url = u));
    output.write('Starting up…\n');
    await new Promise((r) => setImmediate(r));
    expect(url).toBeUndefined();
    output.write('Outpost sync server listening on http://127.0.0.1:5984\n  data folder: x\n');
    await ready;
    expect(url).toBe('http://127.0.0.1:5984');
    output.end();
    expect(echoed[0]).toBe('Starting up…');
  });

  it('given the last setup line, waits for it after the "listening on" line', async () => {
    const output = new PassThrough();
    let url: string | undefined;
    const ready = listeningUrl(output, () => undefined, /demo user demo-clerk/).then(
      (u) => (url = u),
    );
    output.write('Outpost sync server listening on http://127.0.0.1:5984\n');
    output.write('  demo user demo-admin / demo-admin-pass\n');
    await new Promise((r) => setImmediate(r));
    expect(url).toBeUndefined();
    output.write('  demo user demo-clerk / demo-clerk-pass\n');
    await ready;
    expect(url).toBe('http://127.0.0.1:5984');
  });

  it('rejects when the server stops before listening (e.g. the port is taken)', async () => {
    const output = new PassThrough();
    const ready = listeningUrl(output, () => undefined);
    output.end('Error: listen EADDRINUSE 127.0.0.1:5984\n');
    await expect(ready).rejects.toThrow('stopped before it was ready');
  });
});

describe('spawnSyncServer', () => {
  let sync: SyncChild | undefined;
  let dataDir: string | undefined;
  afterEach(() => {
    if (sync?.child.exitCode === null) sync.child.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the URL once the server answers, and stops once (saying so once)', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'outpost-start-'));
    const lines: string[] = [];
    sync = spawnSyncServer(['--port', '0', '--data', dataDir], (line) => lines.push(line));
    const url = await sync.url;
    const res = await fetch(url);
    expect(res.ok).toBe(true);

    const pid = sync.child.pid ?? 0;
    if (process.platform !== 'win32') {
      // Its own process group: a terminal's Ctrl+C reaches only start.ts, which stops it once.
      const pgid = execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' });
      expect(Number(pgid.trim())).toBe(pid);
    }
    const exited = new Promise((r) => sync?.child.once('exit', r));
    sync.child.kill('SIGTERM');
    await exited;
    expect(lines.filter((l) => l.startsWith('Stopping the sync server')).length).toBe(1);
  });
});
