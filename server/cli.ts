import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addUser, describeCors, disableUser, provision, resetPassword } from './provision';
import type { ProvisionReport } from './provision';
import { DEFAULT_DATA_DIR, startSyncServer } from './sync-server';
import { ROLES } from '../src-renderer/core/roles';

/**
 * Command line for the Outpost sync server (see docs/ADMIN.md):
 *
 *   tsx server/cli.ts serve [--port 5984] [--host 127.0.0.1] [--data dir]
 *                           [--admin-user admin --admin-password admin]
 *                           [--org acme --branches NYC,BOS] [--demo]
 *   tsx server/cli.ts provision --org acme --branches NYC,BOS [--url ...] [admin options]
 *   tsx server/cli.ts users add --name bob --password ... --roles clerk --branches NYC
 *   tsx server/cli.ts users reset-password --name bob --password ...
 *   tsx server/cli.ts users disable --name bob
 */

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const DEFAULT_ADMIN = { username: 'admin', password: 'admin' };
const DEMO_USERS = [
  {
    name: 'demo-admin',
    password: 'demo-admin-pass',
    roles: [ROLES.admin, ROLES.headOffice],
    branches: ['HQ'],
  },
  { name: 'demo-clerk', password: 'demo-clerk-pass', roles: [ROLES.clerk], branches: ['HQ'] },
];

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  url: { type: 'string' },
  'admin-user': { type: 'string' },
  'admin-password': { type: 'string' },
  org: { type: 'string' },
  branches: { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'max-document-size': { type: 'string' },
  'max-attachment-size': { type: 'string' },
  'max-request-size': { type: 'string' },
  'lockout-minutes': { type: 'string' },
  demo: { type: 'boolean' },
  name: { type: 'string' },
  password: { type: 'string' },
  roles: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

const USAGE = `Outpost sync server

  npm run sync-server [-- options]          start the server (same as: tsx server/cli.ts serve)

  tsx server/cli.ts serve      [--port 5984] [--host 127.0.0.1] [--data ${DEFAULT_DATA_DIR}]
                               [--admin-user admin] [--admin-password admin]
                               [--org acme --branches NYC,BOS] [--demo] [--cors-origin URL]
                               [--max-document-size 8000000] [--max-attachment-size 10485760]
                               [--max-request-size 67108864] [--lockout-minutes 5]
  tsx server/cli.ts provision  --org acme --branches NYC,BOS [--url http://127.0.0.1:5984]
                               [--admin-user admin] [--admin-password admin]
                               [--cors-origin https://books.example.com[,…]]  (repeatable)
  tsx server/cli.ts users add             --name bob --password SECRET --roles clerk [--branches NYC]
  tsx server/cli.ts users reset-password  --name bob --password SECRET
  tsx server/cli.ts users disable         --name bob
      (users commands also take --url, --admin-user, --admin-password)

The admin password can also come from the OUTPOST_ADMIN_PASSWORD environment variable.
Sizes are in bytes; each size and --lockout-minutes can also be set through the environment
(OUTPOST_MAX_DOCUMENT_SIZE, OUTPOST_MAX_ATTACHMENT_SIZE, OUTPOST_MAX_REQUEST_SIZE, OUTPOST_LOCKOUT_MINUTES).
`;

function admin(values: Values): { username: string; password: string; isDefault: boolean } {
  const username = values['admin-user'] ?? DEFAULT_ADMIN.username;
  const password =
    values['admin-password'] ?? process.env.OUTPOST_ADMIN_PASSWORD ?? DEFAULT_ADMIN.password;
  return { username, password, isDefault: password === DEFAULT_ADMIN.password };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function need(
  values: Values,
  key: 'org' | 'branches' | 'name' | 'password' | 'roles',
  hint: string,
): string {
  const v = values[key];
  if (!v) throw new UsageError(`Missing --${key} (${hint}).`);
  return v;
}

class UsageError extends Error {}

/** A whole number above zero from a flag or its environment variable; undefined when neither is set. */
function positive(
  values: Values,
  flag: 'max-document-size' | 'max-attachment-size' | 'max-request-size' | 'lockout-minutes',
  env: string,
): number | undefined {
  const raw = values[flag] ?? process.env[env];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new UsageError(`--${flag} (or ${env}) must be a whole number above 0, not "${raw}".`);
  return n;
}

function url(values: Values): string {
  return values.url ?? 'http://127.0.0.1:5984';
}

function printReport(report: ProvisionReport): void {
  for (const db of report.databases) {
    const what = [
      db.created ? 'created' : 'already there',
      db.designUpdated ? 'validation installed' : 'validation up to date',
    ];
    console.log(`  ${db.name}: ${what.join(', ')}`);
  }
  for (const line of describeCors(report.cors)) console.log(line);
}

async function serve(values: Values): Promise<void> {
  const port = Number(values.port ?? 5984);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, not "${values.port}".`);
  const host = values.host ?? '127.0.0.1';
  const dataDir = resolve(values.data ?? resolve(REPO_ROOT, DEFAULT_DATA_DIR));
  const creds = admin(values);
  const corsOrigins = values['cors-origin'] ?? [];
  const limits = {
    maxDocumentSize: positive(values, 'max-document-size', 'OUTPOST_MAX_DOCUMENT_SIZE'),
    maxAttachmentSize: positive(values, 'max-attachment-size', 'OUTPOST_MAX_ATTACHMENT_SIZE'),
    maxHttpRequestSize: positive(values, 'max-request-size', 'OUTPOST_MAX_REQUEST_SIZE'),
  };
  const lockoutMinutes = positive(values, 'lockout-minutes', 'OUTPOST_LOCKOUT_MINUTES');

  const server = await startSyncServer({
    port,
    host,
    dataDir,
    admin: creds,
    corsOrigins,
    limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
    ...(lockoutMinutes === undefined ? {} : { throttle: { lockoutMs: lockoutMinutes * 60_000 } }),
  });
  console.log(`Outpost sync server listening on ${server.url}`);
  console.log(`  data folder:   ${dataDir}`);
  console.log(`  server admin:  ${creds.username} / ${creds.password}`);
  if (creds.isDefault) {
    console.log(
      '  WARNING: this is the default admin password "admin". Fine on your own machine or a',
    );
    console.log(
      '  trusted LAN for development — set --admin-password before anyone else can reach it.',
    );
  }
  if (host !== '127.0.0.1' && host !== 'localhost') {
    console.log(
      '  WARNING: reachable from other machines over plain HTTP. Put it behind HTTPS for real use.',
    );
  }

  const org = values.demo ? 'demo' : values.org;
  const branches = values.demo ? ['HQ'] : list(values.branches);
  if (org && branches.length > 0) {
    console.log(`Provisioning "${org}" with branches ${branches.join(', ')}:`);
    printReport(await provision({ url: server.url, admin: creds, org, branches, corsOrigins }));
  } else if (org || values.branches) {
    console.log('Not provisioning: give both --org and --branches.');
  }
  if (values.demo) {
    for (const u of DEMO_USERS) {
      await addUser({ url: server.url, admin: creds, ...u });
      console.log(
        `  demo user ${u.name} / ${u.password} (roles ${u.roles.join(', ')}, branch ${u.branches.join(', ')})`,
      );
    }
  }

  const stop = () => {
    console.log('Stopping the sync server…');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function runProvision(values: Values): Promise<void> {
  const org = need(values, 'org', 'the organisation code, e.g. acme');
  const branches = list(need(values, 'branches', 'comma-separated branch codes, e.g. NYC,BOS'));
  const creds = admin(values);
  console.log(`Provisioning "${org}" on ${url(values)}:`);
  const report = await provision({
    url: url(values),
    admin: creds,
    org,
    branches,
    // Repeatable, and each may list several: --cors-origin https://a.example,https://b.example
    corsOrigins: (values['cors-origin'] ?? []).flatMap((v) => list(v)),
  });
  printReport(report);
  // The databases are done, but a node without CORS refuses browsers: not a success.
  if (report.cors.failed.length > 0) process.exitCode = 1;
}

async function runUsers(action: string | undefined, values: Values): Promise<void> {
  const base = { url: url(values), admin: admin(values) };
  const name = need(values, 'name', 'the user name');
  switch (action) {
    case 'add': {
      const roles = list(need(values, 'roles', 'comma-separated roles, e.g. clerk or admin,hq'));
      const { created } = await addUser({
        ...base,
        name,
        password: need(values, 'password', 'their password'),
        roles,
        branches: list(values.branches),
      });
      console.log(`${created ? 'Added' : 'Updated'} user ${name}.`);
      return;
    }
    case 'reset-password':
      await resetPassword({
        ...base,
        name,
        password: need(values, 'password', 'the new password'),
      });
      console.log(`Password of ${name} changed.`);
      return;
    case 'disable':
      await disableUser({ ...base, name });
      console.log(`User ${name} can no longer sign in or sync.`);
      return;
    default:
      throw new UsageError(
        `Unknown users action "${action ?? ''}": use add, reset-password or disable.`,
      );
  }
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  const [command, action] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return serve(values);
  if (command === 'provision') return runProvision(values);
  if (command === 'users') return runUsers(action, values);
  throw new UsageError(`Unknown command "${command}".`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const err = e as Error & { code?: string };
  if (err.code === 'EADDRINUSE') {
    console.error('That port is already in use: pick another with --port.');
  } else if (err instanceof UsageError || err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(err.message + '\n\n' + USAGE);
  } else {
    console.error(`Error: ${err.message}`);
  }
  process.exit(1);
});
