/**
 * The local sync server that `npm start` runs beside the browser build, as a child process.
 * Kept apart from start.ts so its two promises can be tested: the URL is known only once the
 * server really listens, and Ctrl+C stops it exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const LISTENING = /^Outpost sync server listening on (\S+)/;

/**
 * Copies the server's output line by line to `echo` and resolves with the URL from its
 * "listening on" line — or, given `doneLine`, only once a later line matches it (the end of
 * the server's setup output). Rejects if the output ends first (the server failed to start).
 */
export function listeningUrl(
  output: Readable,
  echo: (line: string) => void,
  doneLine?: RegExp,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let url: string | undefined;
    let done = false;
    const lines = createInterface({ input: output });
    lines.on('line', (line) => {
      echo(line);
      if (done) return;
      if (url === undefined) url = LISTENING.exec(line)?.[1];
      else if (doneLine?.test(line)) done = true;
      if (url !== undefined && (!doneLine || done)) {
        done = true;
        resolve(url);
      }
    });
    lines.on('close', () => {
      if (!done) reject(new Error('The sync server stopped before it was ready.'));
    });
  });
}

export interface SyncChild {
  child: ChildProcess;
  /** The server's real URL, once it accepts connections. */
  url: Promise<string>;
}

/**
 * Starts `server/cli.ts serve` with `args`. On POSIX the child gets its own process group:
 * otherwise Ctrl+C in the terminal would reach it directly AND through our SIGTERM, and it
 * would shut down (and say so) twice. We forward the stop ourselves, once.
 */
export function spawnSyncServer(
  args: string[],
  echo: (line: string) => void = (line) => console.log(line),
  doneLine?: RegExp,
): SyncChild {
  const child = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), 'server/cli.ts', 'serve', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: process.platform !== 'win32',
    },
  );
  if (!child.stdout) throw new Error('The sync server has no output stream.');
  return { child, url: listeningUrl(child.stdout, echo, doneLine) };
}
