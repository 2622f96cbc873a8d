import type { Branch, Company, Device } from '../org/schemas';

/**
 * The data core's own RPC types: what its methods take and return (contract.ts declares the
 * methods). Plain, structured-clone-able data.
 */

// ── App state ────────────────────────────────────────────────────────────────

export type AppState =
  | { phase: 'setup' }
  | {
      phase: 'ready';
      company: Company;
      /** The branch this device books into. */
      branch: Branch;
      device: Device;
      /** Who is using this device (createdBy on new documents). */
      userName: string;
      /** The signed-in sync user and their roles (null until the device connects to a server). */
      user: { name: string; roles: string[] } | null;
      /** Someone signed out and nobody has signed in since (shared desktop). */
      signedOut: boolean;
      /** The sync server this device uses (kept after sign-out, so the next person types only name and password). */
      serverUrl: string | null;
      /** Every address of that server, preferred first (several: the nodes of a cluster, for failover). */
      serverUrls?: string[];
    };

export interface BranchActivity {
  code: string;
  name: string;
  /** Whether this device holds the branch's database (head office holds them all). */
  held: boolean;
  /** ISO time of the newest record created or changed in that branch, as far as this device has synced. */
  lastHeardFrom: string | null;
  records: number;
  /** Records of that branch in conflict on this device (the Conflicts page filtered by branch lists them). */
  conflicts: number;
}

// ── Sync ─────────────────────────────────────────────────────────────────────

export interface ServerCredentials {
  /** Base URL of the CouchDB-compatible server, e.g. http://127.0.0.1:5984 */
  serverUrl: string;
  /**
   * Every address of the sync service in order of preference (the nodes of a cluster); the
   * first is `serverUrl`. Absent in credentials saved before several addresses were possible.
   */
  serverUrls?: string[];
  username: string;
  password: string;
}

export type SyncState =
  | 'not-configured'
  | 'offline'
  | 'connecting'
  | 'syncing'
  | 'up-to-date'
  | 'paused'
  | 'error'
  /** Held on this device, but the signed-in user's rights do not cover it: its records wait here. */
  | 'not-synced';

/** 'locked': too many wrong passwords, the server refuses this user for a few minutes. */
export type SyncErrorKind =
  'auth' | 'locked' | 'server' | 'denied' | 'cors' | 'not-found' | 'network';

export interface SyncProblem {
  kind: SyncErrorKind;
  /** Clerk-readable: what happened and what to do. */
  message: string;
}

export interface DbSyncStatus {
  /** Local logical name: 'master' or 'branch-<code lowercase>'. */
  db: string;
  /** Remote database name, e.g. 'acme-master'. */
  remote: string;
  state: SyncState;
  /** Local changes not yet accepted by the server. */
  pending: number;
  /** ISO time of the last moment this database was fully in step with the server. */
  lastSyncedAt: string | null;
  error: SyncProblem | null;
  /** Set during an initial (or large catch-up) pull; `startedAt` lets the UI estimate the time left. */
  progress: { done: number; total: number | null; startedAt: string } | null;
  /** Documents the server refused, still listed on the Sync page. */
  refused: number;
  /** Set when this database is not synced because the signed-in user (named here) may not use it. */
  heldBackFor: string | null;
}

export interface SyncOverview {
  configured: boolean;
  /** `urls`: every address given, preferred first; `using`: the one sync runs through now (null while none answers). */
  server: { url: string; username: string; urls?: string[]; using?: string | null } | null;
  /** What the platform reports (navigator.onLine) combined with the last request outcome. */
  online: boolean;
  paused: boolean;
  /** The sum of the databases' states (worst wins: error > offline > connecting > syncing > paused > up-to-date). */
  state: SyncState;
  pending: number;
  lastSyncedAt: string | null;
  refused: number;
  databases: DbSyncStatus[];
}

/** Switch user / sign in on a shared desktop: checked against the server before anything changes. */
export interface SignInInput extends ServerCredentials {
  /** The person's name on the records they type; empty = the name this user last used here, or the username. */
  displayName?: string;
}

export interface ConnectionCheck {
  label: string;
  ok: boolean;
  detail: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** One clerk-readable sentence summing up the result. */
  message: string;
  checks: ConnectionCheck[];
}

export interface RefusedDoc {
  db: string;
  docId: string;
  docType: string;
  /** The server's reason, as it gave it. */
  reason: string;
  /** 'forbidden' | 'unauthorized' | other status the server gave */
  status: string;
  refusedAt: string;
}

export interface WithdrawnDoc extends RefusedDoc {
  withdrawnAt: string;
  withdrawnBy: string;
}

// ── Index ────────────────────────────────────────────────────────────────────

export interface IndexSourceStatus {
  db: string;
  /** PouchDB update_seq the index has read up to. */
  seq: string | number;
  rows: number;
}

export interface IndexStatus {
  rebuilding: boolean;
  progress: { done: number; total: number } | null;
  lastRebuiltAt: string | null;
  sources: IndexSourceStatus[];
}

/** One row of the document catalogue projection (what search and counts read). */
export interface CatalogEntry {
  id: string;
  db: string;
  type: string;
  branch: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardSummary {
  branches: number;
  devices: number;
  recent: CatalogEntry[];
}

// ── Conflicts ────────────────────────────────────────────────────────────────

/** One version (leaf revision) of a conflicted document. */
export interface ConflictVersion {
  rev: string;
  /** The version every office shows now (the others wait for a decision); a posted version when there is one. */
  winner: boolean;
  /** Its content as this build reads it (upcast to the current schema); raw when unreadable. */
  doc: Record<string, unknown>;
  /** 'newer': written by a newer Outpost; 'invalid': unreadable. Neither can be kept or merged here. */
  readable: 'current' | 'newer' | 'invalid';
  /** A posted fact: it can be kept, never merged into or deleted. */
  posted: boolean;
  /** A live version beside a posted one: a forged change of a fact, never shown (DESIGN §10). */
  forged?: boolean;
  /** Who last edited this version and when (falls back to who created it). */
  editedBy: string;
  editedAt: string;
  /** The device this version was made on; '' when an older Outpost edited it without saying. */
  editedOn: string;
  /** The device that created the document. */
  device: string;
}

/** One field across the versions: each version's value (undefined where it has none). */
export interface ConflictField {
  field: string;
  values: unknown[];
  differs: boolean;
  /** type, v, branch and the audit stamps: shown in the headers, not merged. */
  audit: boolean;
}

export interface ConflictRecord {
  db: string;
  id: string;
  type: string;
  title: string;
  /** Every leaf revision seen when listing (winner first); resolving checks it is unchanged. */
  revs: string[];
  versions: ConflictVersion[];
  fields: ConflictField[];
  /** Names of the records the versions point to (`party:…` → "Acme Ltd"), from the index. */
  labels?: Record<string, string>;
}

export interface ResolveConflictInput {
  db: string;
  id: string;
  /** The `revs` of the listing the decision was made on. */
  revs: string[];
  /** Keep this version as it is… */
  keepRev?: string;
  /** …or save this field-by-field result (non-audit fields; undefined = leave the field out). */
  merged?: Record<string, unknown>;
}

export interface ResolveConflictResult {
  id: string;
  /** The revision that now stands. */
  rev: string;
}

/**
 * A forged change of a posted record (DESIGN §10): a version beside a posted one, which every
 * device ignores. Who made it is only what the forged version claims.
 */
export interface ForgeryEntry {
  db: string;
  /** The posted record and its title (as posted). */
  id: string;
  type: string;
  title: string;
  postedRev: string;
  forgedRev: string;
  /** Who and which device the forged version says wrote it, and when (its own fields: not proof). */
  claimed: { by: string; device: string; at: string };
  /** Each field the forged version changes: the posted value and the forged one. */
  changes: { field: string; posted: unknown; forged: unknown }[];
  /** 'corrected': the posted version was restored and this record kept; 'waiting': someone allowed to must open Outpost. */
  state: 'corrected' | 'waiting';
  /** When and by whom (on which device) it was found and corrected; null while waiting. */
  detectedAt: string | null;
  correctedBy: string | null;
  correctedOn: string | null;
}

// ── Join ─────────────────────────────────────────────────────────────────────

export interface InspectServerInput extends ServerCredentials {
  orgCode: string;
}

export interface ServerCompanyPreview {
  company: Company;
  branches: Branch[];
  devices: Device[];
}

export interface JoinCompanyInput extends InspectServerInput {
  branchCode: string;
  device: { letter: string; label: string };
  userName: string;
}
