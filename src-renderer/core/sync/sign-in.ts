import { z } from 'zod';
import { serverUrlSchema, serverUrlsSchema } from './server-addresses';
import { parseOrThrow } from '../db/validation';
import { OutpostError, type ErrorCode } from '../errors';
import {
  displayNamesOf,
  serverConfigOf,
  serverUrlOf,
  serverUrlsOf,
  type DeviceConfig,
  type DeviceConfigStore,
} from '../org/device-config';
import type { SignInInput } from '../rpc/contract';
import type { Session } from '../session';
import { fetchSessionUser, testConnection, type ConnectionDeps } from './connection';

/**
 * Switch user on a shared desktop (issue 4). The worker holds the password in memory only; the
 * UI keeps it in the platform vault and replaces or removes it after these calls succeed.
 *
 * - Signing in (switching) checks the new credentials against the server *before* anything
 *   changes: a wrong password, a user who may not open the company, or no server leaves the
 *   current user signed in and syncing, untouched.
 * - Then the old replications stop, the new user's rights decide which databases sync (head
 *   office: every branch; a clerk: master and their branch) and sync restarts. Databases the new
 *   user may not use keep their records and say so on the Sync page; nothing local is dropped.
 * - Signing out stops sync and forgets the credentials and the user, so the next person must
 *   enter their own.
 */

export const signInSchema = z.object({
  serverUrl: serverUrlSchema,
  serverUrls: serverUrlsSchema,
  username: z.string().trim().min(1, 'Enter the username.'),
  password: z.string().min(1, 'Enter the password.'),
  displayName: z.string().trim().max(80, 'Use at most 80 characters.').optional(),
});

export interface SignInDeps {
  session: Session;
  store: DeviceConfigStore;
  connection: ConnectionDeps;
}

/** Which check of "Test connection" failed decides the error code the UI receives. */
const CODE_OF_CHECK: Record<string, ErrorCode> = {
  'Server address': 'validation',
  'Server answers': 'network',
  'Username and password': 'auth',
  'Company data': 'denied',
};

export async function signIn(deps: SignInDeps, input: SignInInput): Promise<void> {
  const data = parseOrThrow(signInSchema, input, 'Nobody new was signed in.');
  const s = deps.session;
  const serverUrl = data.serverUrl.replace(/\/+$/, '');
  const creds = {
    serverUrl,
    serverUrls: data.serverUrls,
    username: data.username,
    password: data.password,
  };
  const current = s.config.user?.name ?? null;
  const unchanged = current
    ? ` Nothing changed: ${current} is still signed in.`
    : ' Nothing changed.';

  const check = await testConnection({ ...creds, orgCode: s.config.orgCode }, deps.connection);
  if (!check.ok) {
    const failed = check.checks.find((c) => !c.ok);
    throw new OutpostError(
      CODE_OF_CHECK[failed?.label ?? ''] ?? 'network',
      `${check.message}${unchanged}`,
    );
  }
  const user = await fetchSessionUser(serverUrl, creds, deps.connection.fetch).catch(() => null);
  if (!user) {
    throw new OutpostError(
      'auth',
      `The sync server did not confirm who ${data.username} is.${unchanged} Try again.`,
    );
  }

  // Accepted: from here the new user replaces the old one. Stop the old replications first so
  // nothing more is sent with the previous user's credentials.
  s.sync.disconnect();
  const displayNames = displayNamesOf(s.config);
  const userName = data.displayName || displayNames[user.name] || user.name;
  displayNames[user.name] = userName;
  const server = serverConfigOf(creds);
  s.config = await deps.store.update({
    server,
    lastServerUrl: serverUrl,
    lastServerUrls: server.urls ?? null,
    user,
    userName,
    signedOut: false,
    displayNames,
  } satisfies Partial<DeviceConfig>);
  // The new user's databases (opened if new) and the ones they may not use (held back), then sync.
  await s.reconcileDatabases();
  s.sync.connect(creds);
}

export async function signOut(deps: Pick<SignInDeps, 'session' | 'store'>): Promise<void> {
  const s = deps.session;
  s.sync.disconnect();
  const displayNames = displayNamesOf(s.config);
  s.config = await deps.store.update({
    server: null,
    lastServerUrl: serverUrlOf(s.config),
    lastServerUrls: serverUrlsOf(s.config),
    user: null,
    signedOut: true,
    // Records typed before the next sign-in say so, rather than carry the previous person's name.
    userName: `Not signed in (device ${s.config.branchCode}-${s.config.letter})`,
    displayNames,
  } satisfies Partial<DeviceConfig>);
  s.applySyncScope();
}
