/**
 * The one list of Outpost's roles (issue 10): the UI's permissions, the core's database rules
 * and the server's provisioning and validate_doc_update all read these names, so a role is
 * spelled in one place.
 */
export const ROLES = {
  /** Company administrator: every database, master data, users. */
  admin: 'admin',
  /** Head office: every branch, company master data. */
  headOffice: 'hq',
  manager: 'manager',
  bookkeeper: 'bookkeeper',
  clerk: 'clerk',
  /** Payroll staff: the payroll database. */
  payroll: 'payroll',
} as const;

export type Role = (typeof ROLES)[keyof typeof ROLES];

/** Every Outpost role: each of them reads the company's master data. */
export const ALL_ROLES: readonly Role[] = Object.values(ROLES);

/** CouchDB's own server-administrator role. */
export const SERVER_ADMIN_ROLE = '_admin';

const BRANCH_PREFIX = 'branch:';

/** The role of a branch's members: 'branch:NYC'. */
export function branchRole(code: string): string {
  return `${BRANCH_PREFIX}${code.toUpperCase()}`;
}

/** Branch codes in a set of roles ('branch:NYC' → 'NYC'). */
export function branchesOfRoles(roles: readonly string[]): string[] {
  return roles.filter((r) => r.startsWith(BRANCH_PREFIX)).map((r) => r.slice(BRANCH_PREFIX.length));
}

/** Administrators of the company or of the server: every rule lets them through. */
export function isAdministrator(roles: readonly string[]): boolean {
  return roles.includes(ROLES.admin) || roles.includes(SERVER_ADMIN_ROLE);
}

/** Head office and administrators see (and sync) every branch. */
export function seesEveryBranch(roles: readonly string[]): boolean {
  return roles.includes(ROLES.headOffice) || roles.includes(ROLES.admin);
}
