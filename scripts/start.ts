/**
 * `npm start`: build, then launch Electron. Where no Electron binary is installed (it is
 * downloaded by `npm install`, which cannot happen without internet), say so in one line and
 * serve the same app in the browser together with the local sync server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { electronBinary } from './electron-binary';
import { demoOffer, demoOfferPlugin, type DemoOffer } from './demo-offer';
import { spawnSyncServer } from './sync-child';

const root = fileURLToPath(new URL('..', import.meta.url));
const WEB_PORT = Number(process.env.OUTPOST_WEB_PORT ?? 4173);
const SYNC_PORT = Number(process.env.OUTPOST_SYNC_PORT ?? 5984);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

const children: ChildProcess[] = [];
let stopping = false;
/** Stops every child once (a second Ctrl+C changes nothing) and exits when they have. */
function stopAndExit(code: number): void {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  // The sync server says "Stopping…" on its way out: wait so that line is not cut off.
  let left = running.length;
  if (left === 0) process.exit(code);
  for (const child of running) {
    child.once('exit', () => {
      left -= 1;
      if (left === 0) process.exit(code);
    });
    child.kill('SIGTERM');
  }
}
// Should start.ts die some other way, the sync server (in its own process group) goes too.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});
process.on('SIGINT', () => stopAndExit(0));
process.on('SIGTERM', () => stopAndExit(0));

async function startElectron(binary: string): Promise<void> {
  await run('npm', ['run', '--silent', 'build']);
  const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  children.push(app);
  app.on('exit', (code) => process.exit(code ?? 0));
}

async function startWeb(): Promise<void> {
  console.log(
    'Electron is not installed on this machine (its download needs internet), so Outpost runs in your browser instead.',
  );
  await run('npm', ['run', '--silent', 'build:renderer']);
  // `serve --demo` ends its setup by listing the demo users, demo-clerk last (server/cli.ts).
  const sync = spawnSyncServer(
    ['--port', String(SYNC_PORT), '--demo'],
    undefined,
    /^\s*demo user demo-clerk\b/,
  );
  children.push(sync.child);
  sync.child.on('exit', (code) => {
    if (code && !stopping) {
      console.error(`The sync server stopped (exit code ${code}); the app keeps working offline.`);
    }
  });
  let offer: DemoOffer | undefined;
  const server = await preview({
    plugins: [demoOfferPlugin(() => offer, `${root}/dist/index.html`)],
    root: `${root}/src-renderer`,
    configFile: `${root}/vite.config.ts`,
    preview: { host: '127.0.0.1', port: WEB_PORT, strictPort: true, open: false },
    logLevel: 'warn',
  });
  // Only once the sync server listens and has its demo users: earlier, signing in would fail.
  const syncUrl = await sync.url.catch(() => undefined);
  if (syncUrl) offer = demoOffer(syncUrl);
  console.log(`\nOutpost:      http://127.0.0.1:${WEB_PORT}/`);
  console.log(
    syncUrl
      ? `Sync server:  ${syncUrl} (its demo users and admin account are listed above)`
      : 'Sync server:  did not start (see above); the app works offline.',
  );
  console.log('Press Ctrl+C to stop both.\n');
  process.on('exit', () => void server.close());
}

const binary = electronBinary();
(binary ? startElectron(binary) : startWeb()).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  stopAndExit(1);
});
