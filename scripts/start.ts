/**
 * `npm start`: build, then launch Electron. Where no Electron binary is installed (it is
 * downloaded by `npm install`, which cannot happen without internet), say so in one line and
 * serve the same app in the browser together with the local sync server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { electronBinary } from './electron-binary';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
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
function stopChildren(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopChildren();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopChildren();
  process.exit(0);
});

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
  const sync = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), 'server/cli.ts', 'serve', '--port', String(SYNC_PORT), '--demo'],
    { cwd: root, stdio: 'inherit' },
  );
  children.push(sync);
  sync.on('exit', (code) => {
    if (code) {
      console.error(`The sync server stopped (exit code ${code}); the app keeps working offline.`);
    }
  });
  const server = await preview({
    root: `${root}/src-renderer`,
    configFile: `${root}/vite.config.ts`,
    preview: { host: '127.0.0.1', port: WEB_PORT, strictPort: true, open: false },
    logLevel: 'warn',
  });
  console.log(`\nOutpost:      http://127.0.0.1:${WEB_PORT}/`);
  console.log(
    `Sync server:  http://127.0.0.1:${SYNC_PORT}/ (it prints its demo users and admin account)`,
  );
  console.log('Press Ctrl+C to stop both.\n');
  process.on('exit', () => void server.close());
}

const binary = electronBinary();
(binary ? startElectron(binary) : startWeb()).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  stopChildren();
  process.exit(1);
});
