import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSyncServer, type SyncServer } from '../../../server/sync-server';

/**
 * A sync server on a real data folder (LevelDB) that a test can take down and bring back on the
 * same port and data, as often as it likes. Two ways to take it down:
 *
 * - 'close': the server in this process closes, dropping every open connection mid-request
 *   (what clients see when the machine's network or the server goes away), and its databases
 *   are closed cleanly;
 * - 'sigkill': the server is a child process (`server/cli.ts serve`) killed with SIGKILL, so
 *   nothing is flushed or closed — the nearest thing to a power cut this machine can do.
 */
export type KillKind = 'close' | 'sigkill';

export interface KillableServer {
  readonly url: string;
  readonly kills: number;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Takes it down for good (test teardown); safe to call when already down. */
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function startKillableServer(
  kind: KillKind,
  dataDir: string,
  admin: { username: string; password: string },
): Promise<KillableServer> {
  return kind === 'close' ? inProcess(dataDir, admin) : childProcess(dataDir, admin);
}

async function inProcess(
  dataDir: string,
  admin: { username: string; password: string },
): Promise<KillableServer> {
  let server: SyncServer | null = await startSyncServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    admin,
  });
  const url = server.url;
  const port = Number(new URL(url).port);
  let kills = 0;
  return {
    url,
    get kills() {
      return kills;
    },
    async kill() {
      if (!server) throw new Error('The server is already down.');
      const s = server;
      server = null;
      await s.close();
      kills++;
    },
    async restart() {
      if (server) throw new Error('The server is still up.');
      server = await startSyncServer({ port, host: '127.0.0.1', dataDir, admin });
    },
    async stop() {
      const s = server;
      server = null;
      await s?.close();
    },
  };
}

async function childProcess(
  dataDir: string,
  admin: { username: string; password: string },
): Promise<KillableServer> {
  let child: ChildProcess | null = null;
  const launch = async (port: number): Promise<string> => {
    const c = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/cli.ts',
        'serve',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--data',
        dataDir,
        '--admin-user',
        admin.username,
      ],
      {
        cwd: REPO_ROOT,
        // The password through the environment, as an operator would, so it is not on a command line.
        env: { ...process.env, OUTPOST_ADMIN_PASSWORD: admin.password },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = c;
    return new Promise<string>((ok, fail) => {
      let out = '';
      let err = '';
      c.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) ok(m[1]!);
      });
      c.stderr!.on('data', (b: Buffer) => (err += b.toString()));
      c.once('exit', (code, signal) =>
        fail(
          new Error(`The sync server exited before listening (${code ?? signal}): ${err || out}`),
        ),
      );
    });
  };
  const url = await launch(0);
  const port = Number(new URL(url).port);
  let kills = 0;
  const killChild = async (): Promise<void> => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((ok) => c.once('exit', () => ok()));
    c.kill('SIGKILL');
    await exited;
  };
  return {
    url,
    get kills() {
      return kills;
    },
    async kill() {
      if (!child) throw new Error('The server is already down.');
      await killChild();
      kills++;
    },
    async restart() {
      if (child) throw new Error('The server is still up.');
      const again = await launch(port);
      if (again !== url) throw new Error(`The server came back on ${again}, not ${url}.`);
    },
    stop: killChild,
  };
}
