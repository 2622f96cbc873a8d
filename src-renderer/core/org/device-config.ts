import { DEVICE_DB } from '../db/names';
import { CORE_KINDS, mayUse, type DatabaseKind } from '../db/kinds';
import { branchesOfRoles, seesEveryBranch } from '../roles';
import { openDeviceDb, readLocal, updateLocal, type PouchEnv } from '../db/pouch';
import { addressesOf } from '../sync/server-addresses';

/**
 * What this device is: which company, which branch it books into, its letter, and who uses
 * it. Kept in a `_local/` document of a device-level database so it never syncs.
 */
export interface DeviceConfig {
  orgCode: string;
  companyId: string;
  branchCode: string;
  deviceId: string;
  letter: string;
  label: string;
  userName: string;
  /** Logical names of the local databases this device holds ('master', 'branch-nyc'). */
  databases: string[];
  /**
   * Where it syncs; the password is in the platform vault, never here. `urls`: every address of
   * the service, preferred first (absent in configs saved before several were possible: `url` alone).
   */
  server: { url: string; username: string; urls?: string[] } | null;
  /** The signed-in sync user as the server knows them (roles decide databases and what the UI offers). */
  user?: SignedInUser | null;
  /** Someone signed out on this (shared) desktop and nobody has signed in since. */
  signedOut?: boolean;
  /** The server last used, kept after a sign-out so the next person types only name and password. */
  lastServerUrl?: string | null;
  /** Every address of that server, preferred first (see `server.urls`). */
  lastServerUrls?: string[] | null;
  /** The name each sync user last put on their records here, so switching back restores it. */
  displayNames?: Record<string, string>;
}

export interface SignedInUser {
  name: string;
  roles: string[];
}

/** Head office and administrators see (and sync) every branch. */
export function isHeadOffice(user: SignedInUser | null | undefined): boolean {
  return !!user && seesEveryBranch(user.roles);
}

/** Branch codes a user is a member of (`branch:<CODE>` roles). */
export function userBranches(user: SignedInUser | null | undefined): string[] {
  return branchesOfRoles(user?.roles ?? []);
}

/**
 * Whether the server's `_security` lets this user sync a database, from the declared kinds
 * (core/db/kinds.ts: every member reads master; a branch's databases are for `branch:<CODE>`,
 * head office and administrators; a module's kind says its own). An unknown user (never signed
 * in, or the server could not say) syncs everything held: the server refuses what it must.
 */
export function maySync(
  user: SignedInUser | null | undefined,
  db: string,
  kinds: readonly DatabaseKind[] = CORE_KINDS,
): boolean {
  return mayUse(kinds, user, db, 'read');
}

/**
 * Whether the server will take this user's writes to a database (mirrors validate_doc_update,
 * which is built from the same declarations). A device that has never signed in to a server
 * has nobody to refuse it.
 */
export function mayWriteDb(
  user: SignedInUser | null | undefined,
  db: string,
  kinds: readonly DatabaseKind[] = CORE_KINDS,
): boolean {
  return mayUse(kinds, user, db, 'write');
}

/** The sync server this device uses, or used before a sign-out. */
export function serverUrlOf(config: Pick<DeviceConfig, 'server' | 'lastServerUrl'>): string | null {
  return config.server?.url ?? config.lastServerUrl ?? null;
}

/** Every address of that server, preferred first; a config saved with one address reads as a list of one. */
export function serverUrlsOf(
  config: Pick<DeviceConfig, 'server' | 'lastServerUrl' | 'lastServerUrls'>,
): string[] {
  if (config.server) return config.server.urls?.length ? config.server.urls : [config.server.url];
  if (config.lastServerUrls?.length) return config.lastServerUrls;
  return config.lastServerUrl ? [config.lastServerUrl] : [];
}

/** What the device config keeps of a set of credentials (never the password). */
export function serverConfigOf(creds: {
  serverUrl: string;
  serverUrls?: string[];
  username: string;
}): NonNullable<DeviceConfig['server']> {
  const urls = addressesOf(creds);
  return {
    url: urls[0] ?? creds.serverUrl.replace(/\/+$/, ''),
    username: creds.username,
    ...(urls.length > 1 ? { urls } : {}),
  };
}

/**
 * The names each sync user put on their records here, with the signed-in user's current one
 * recorded (after a sign-out the name in use is the "Not signed in" placeholder, not theirs).
 */
export function displayNamesOf(
  config: Pick<DeviceConfig, 'displayNames' | 'user' | 'signedOut' | 'userName'>,
): Record<string, string> {
  const names = { ...(config.displayNames ?? {}) };
  if (config.user && !config.signedOut) names[config.user.name] = config.userName;
  return names;
}

const DOC = 'outpost-device';

export class DeviceConfigStore {
  private readonly db;

  constructor(env: PouchEnv) {
    this.db = openDeviceDb(env, DEVICE_DB);
  }

  async load(): Promise<DeviceConfig | null> {
    const doc = await readLocal<DeviceConfig>(this.db, DOC);
    if (!doc) return null;
    const { _rev: _r, ...config } = doc as DeviceConfig & { _rev?: string; _id?: string };
    delete (config as { _id?: string })._id;
    return config;
  }

  async save(config: DeviceConfig): Promise<void> {
    await updateLocal<DeviceConfig>(this.db, DOC, () => config);
  }

  async update(patch: Partial<DeviceConfig>): Promise<DeviceConfig> {
    return updateLocal<DeviceConfig>(this.db, DOC, (cur) => {
      if (!cur) throw new Error('This device is not set up yet.');
      return { ...cur, ...patch };
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
