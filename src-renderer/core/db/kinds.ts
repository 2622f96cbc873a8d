import { ALL_ROLES, branchesOfRoles, branchRole, isAdministrator, ROLES } from '../roles';

/**
 * Database kinds are declared, not hard-coded (issue 10): the session opens and syncs, the
 * server provisions, secures and validates, from these declarations. Core declares the two
 * every company has (master, branch); a module declares its own (payroll, files-<branch>…).
 */
export interface DatabaseKind {
  /** The local name's prefix: 'payroll', 'files' (→ 'files-nyc'). Lowercase letters. */
  kind: string;
  /** One database per organisation, or one per branch (`<kind>-<branch code>`). */
  scope: 'company' | 'branch';
  /**
   * Roles that may read it (the server's `_security` members). For a branch-scoped kind the
   * branch's own members (`branch:<CODE>`) are readers too when `branchMembers` is set.
   */
  readers: readonly string[];
  /** Roles whose writes validate_doc_update accepts (administrators always). */
  writers: readonly string[];
  /** Branch-scoped: the branch's own members read and write it. */
  branchMembers?: boolean;
  /** Roles that administer the database (`_security.admins`): design documents, compaction. */
  admins?: readonly string[];
  /**
   * What each document's `branch` must be: '*' (company-wide), the database's branch, any, or
   * 'member': a branch the writer belongs to (`branch:<CODE>`), so one company-wide database
   * holds records of several branches and each branch writes only its own part (inter-branch
   * transfers: the source writes the dispatch, the destination the receipt). The declared
   * `writers` may still write for any branch; leave it empty to keep every part to its branch.
   */
  docBranch: 'company' | 'own' | 'any' | 'member';
  /** Document types any member may create (not change): a device registering itself. */
  memberMayCreate?: readonly string[];
  /** Content is fetched on demand on devices other than the branch's own (files). */
  onDemand?: boolean;
  /** For refusals, in a clerk's words: 'Only payroll staff or an administrator may change payroll records'. */
  whoMayWrite: string;
}

export const MASTER_KIND: DatabaseKind = {
  kind: 'master',
  scope: 'company',
  readers: ALL_ROLES,
  writers: [ROLES.headOffice],
  admins: [ROLES.admin],
  docBranch: 'company',
  memberMayCreate: ['device'],
  whoMayWrite: 'Only an administrator or head office may change company master data',
};

export const BRANCH_KIND: DatabaseKind = {
  kind: 'branch',
  scope: 'branch',
  readers: [ROLES.headOffice],
  writers: [ROLES.headOffice],
  branchMembers: true,
  docBranch: 'own',
  whoMayWrite: 'Only members of the branch, head office or an administrator may change its records',
};

export const CORE_KINDS: readonly DatabaseKind[] = [MASTER_KIND, BRANCH_KIND];

/** Local logical name of a kind's database: 'master', 'payroll', 'branch-nyc', 'files-nyc'. */
export function databaseName(kind: DatabaseKind, branchCode?: string): string {
  if (kind.scope === 'company') return kind.kind;
  if (!branchCode) throw new Error(`The ${kind.kind} databases are per branch: name a branch.`);
  return `${kind.kind}-${branchCode.toLowerCase()}`;
}

/** The kind and branch of a local name, or null for a name no declared kind makes. */
export function parseDatabaseName(
  kinds: readonly DatabaseKind[],
  name: string,
): { kind: DatabaseKind; branch: string | null } | null {
  for (const kind of kinds) {
    if (kind.scope === 'company' && name === kind.kind) return { kind, branch: null };
    if (kind.scope === 'branch' && name.startsWith(`${kind.kind}-`)) {
      const code = name.slice(kind.kind.length + 1);
      if (/^[a-z0-9]+$/.test(code)) return { kind, branch: code.toUpperCase() };
    }
  }
  return null;
}

/** Reader roles of one database, the branch's own role included. */
export function readerRoles(kind: DatabaseKind, branch: string | null): string[] {
  return rolesOf(kind, kind.readers, branch);
}

/** Writer roles of one database, the branch's own role included. */
export function writerRoles(kind: DatabaseKind, branch: string | null): string[] {
  return rolesOf(kind, kind.writers, branch);
}

/** Declared roles with the branch's own role first (branch members) and administrators last. */
function rolesOf(kind: DatabaseKind, declared: readonly string[], branch: string | null): string[] {
  return [
    ...(kind.branchMembers && branch ? [branchRole(branch)] : []),
    ...declared,
    ...(declared.includes(ROLES.admin) ? [] : [ROLES.admin]),
  ];
}

/**
 * Whether the server lets this user read (sync) or write a database, as `_security` and
 * validate_doc_update decide it. An unknown user (never signed in) is refused nothing here:
 * the server decides once the device connects.
 */
export function mayUse(
  kinds: readonly DatabaseKind[],
  user: { roles: string[] } | null | undefined,
  db: string,
  access: 'read' | 'write',
): boolean {
  if (!user) return true;
  if (isAdministrator(user.roles)) return true;
  const parsed = parseDatabaseName(kinds, db);
  // A database this app does not know: reading is the server's call, writing is not ours.
  if (!parsed) return access === 'read';
  // Each document is its branch's to write: any branch's member may write here, the server
  // checks that the document is for one of the writer's branches.
  if (
    access === 'write' &&
    parsed.kind.docBranch === 'member' &&
    branchesOfRoles(user.roles).length
  )
    return true;
  const allowed =
    access === 'read'
      ? readerRoles(parsed.kind, parsed.branch)
      : writerRoles(parsed.kind, parsed.branch);
  return user.roles.some((r) => allowed.includes(r));
}

/** Every Outpost role reads it (master, transfers): no one signed in could be kept out of it. */
export function everyMemberReads(kind: DatabaseKind): boolean {
  return ALL_ROLES.every((r) => kind.readers.includes(r));
}

/**
 * Whether this device holds a database: master always; its own branch's databases always; any
 * other the signed-in user may read (head office: every branch; payroll staff: payroll).
 * Nobody signed in: a device that has never used a server (one office keeping its books alone)
 * holds its company-wide databases too, since nobody else could be kept out; a device that has
 * (a shared desktop after a sign-out) holds only the company-wide databases every member reads
 * (master, transfers) and its own branch — payroll stays off it until payroll staff sign in.
 */
export function deviceHolds(
  kind: DatabaseKind,
  branch: string | null,
  user: { roles: string[] } | null | undefined,
  deviceBranch: string,
  neverUsedAServer = false,
): boolean {
  if (kind.scope === 'branch') {
    if (branch === deviceBranch.toUpperCase()) return true;
    if (!user) return false;
  } else if (!user) {
    return neverUsedAServer || kind.docBranch === 'company' || everyMemberReads(kind);
  }
  if (isAdministrator(user.roles)) return true;
  return user.roles.some((r) => readerRoles(kind, branch).includes(r));
}
