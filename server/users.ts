import { randomBytes } from 'node:crypto';
import { BRANCH_CODE } from '../src-renderer/core/org/schemas';
import { branchRole } from '../src-renderer/core/roles';
import { CouchClient, docPath } from './couch-client';
import type { AdminCredentials } from './couch-client';

/**
 * People who may sync. They are CouchDB users (`_users/org.couchdb.user:<name>`); their
 * Outpost roles and branches become CouchDB roles, which `_security` and the validation
 * functions check: ['clerk', 'branch:NYC'].
 */

export interface AddUserOptions {
  url: string;
  admin: AdminCredentials;
  name: string;
  password: string;
  roles: string[];
  branches?: string[];
}

interface UserDoc {
  _id: string;
  _rev?: string;
  type: 'user';
  name: string;
  roles: string[];
  password?: string;
  disabled?: boolean;
  disabledRoles?: string[];
}

const USER_NAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/i;

function userPath(name: string): string {
  return docPath('_users', `org.couchdb.user:${name}`);
}

function checkName(name: string): void {
  if (!USER_NAME.test(name)) {
    throw new Error(
      `"${name}" is not a valid user name: use letters, digits, dots, dashes, @ or _ (up to 64).`,
    );
  }
}

function checkPassword(password: string): void {
  if (password.length < 8) throw new Error('The password must be at least 8 characters long.');
}

/** CouchDB roles for an Outpost user: ['clerk', 'branch:NYC']. */
export function couchRoles(roles: string[], branches: string[] = []): string[] {
  for (const b of branches) {
    if (!BRANCH_CODE.test(b.toUpperCase())) throw new Error(`"${b}" is not a valid branch code.`);
  }
  const all = [...roles.map((r) => r.trim()).filter(Boolean), ...branches.map(branchRole)];
  return [...new Set(all)];
}

async function readUser(couch: CouchClient, name: string): Promise<UserDoc | null> {
  const r = await couch.expect<UserDoc>(
    `Look up user ${name}`,
    'GET',
    userPath(name),
    undefined,
    [200, 404],
  );
  return r.status === 200 ? r.body : null;
}

/** Creates the user, or updates roles and password of an existing one (idempotent). */
export async function addUser(opts: AddUserOptions): Promise<{ created: boolean }> {
  checkName(opts.name);
  checkPassword(opts.password);
  const couch = new CouchClient(opts.url, opts.admin);
  const current = await readUser(couch, opts.name);
  const doc: UserDoc = {
    ...(current ?? {}),
    _id: `org.couchdb.user:${opts.name}`,
    type: 'user',
    name: opts.name,
    roles: couchRoles(opts.roles, opts.branches),
    password: opts.password,
  };
  delete doc.disabled;
  delete doc.disabledRoles;
  await couch.expect(`Save user ${opts.name}`, 'PUT', userPath(opts.name), doc, [200, 201, 202]);
  return { created: current === null };
}

export async function resetPassword(opts: {
  url: string;
  admin: AdminCredentials;
  name: string;
  password: string;
}): Promise<void> {
  checkPassword(opts.password);
  const couch = new CouchClient(opts.url, opts.admin);
  const current = await readUser(couch, opts.name);
  if (!current) throw new Error(`There is no user called "${opts.name}".`);
  await couch.expect(
    `Change the password of ${opts.name}`,
    'PUT',
    userPath(opts.name),
    { ...current, password: opts.password },
    [200, 201, 202],
  );
}

/**
 * Stops a user from syncing without deleting them (their name stays on the records they
 * made): roles are removed and the password replaced by a random one nobody knows. The old
 * roles are kept in `disabledRoles`, so re-enabling is `users add` with the same roles.
 */
export async function disableUser(opts: {
  url: string;
  admin: AdminCredentials;
  name: string;
}): Promise<void> {
  const couch = new CouchClient(opts.url, opts.admin);
  const current = await readUser(couch, opts.name);
  if (!current) throw new Error(`There is no user called "${opts.name}".`);
  const doc: UserDoc = {
    ...current,
    roles: [],
    disabled: true,
    disabledRoles: current.disabled ? (current.disabledRoles ?? []) : current.roles,
    password: randomBytes(24).toString('base64url'),
  };
  await couch.expect(`Disable user ${opts.name}`, 'PUT', userPath(opts.name), doc, [200, 201, 202]);
}
