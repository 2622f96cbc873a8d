import type {
  Branch,
  Company,
  CompanyFields,
  CreateCompanyInput,
  Device,
  BranchFields,
} from '../org/schemas';
import type { SerializedError } from '../errors';
import { mutation, query, type Contract, type MethodsOf } from './define';
import { backupContract } from '../backup/backup-contract';
import type {
  AppState,
  BranchActivity,
  CatalogEntry,
  ConflictRecord,
  ConnectionTestResult,
  DashboardSummary,
  ForgeryEntry,
  IndexStatus,
  InspectServerInput,
  JoinCompanyInput,
  RefusedDoc,
  ResolveConflictInput,
  ResolveConflictResult,
  ServerCompanyPreview,
  ServerCredentials,
  SignInInput,
  SyncOverview,
  WithdrawnDoc,
} from './core-types';

export type * from './core-types';

/**
 * The typed RPC map between the UI thread and the data-core worker (DESIGN §1): core's own
 * methods (the types they carry are in core-types.ts, re-exported here), the events the core
 * pushes, and the wire format.
 */

// ── Core's methods ───────────────────────────────────────────────────────────

/**
 * Cache tags that are not document types. A document type is its own tag (see define.ts).
 * - app: the AppState (who is signed in, which company); the core also pushes it.
 * - sync, refused: the sync engine's status and refusal log (pushed as `sync` events).
 * - index: the projections as a whole. Every query that reads the index declares it, so a
 *   rebuild (or a new user, who holds other databases) refreshes them all; a `changed` event
 *   never invalidates it: it names the document types instead.
 * - catalog: the document catalogue (search, recent documents, branch activity). Every
 *   document type feeds it, so every `changed` event refreshes its few readers.
 * - conflict: the Conflicts page and count; refreshed by a `changed` event that says it can
 *   have moved them (`conflicts: true`).
 */
export const CORE_TAGS = ['app', 'sync', 'refused', 'index', 'catalog', 'conflict'] as const;

/** Core's document types (master data), each its own tag. */
const ORG = ['company', 'branch', 'device'] as const;
/** Switching user changes what this device holds and syncs, who stamps records and what the UI offers. */
const USER_SWITCH = ['app', 'sync', 'refused', 'branch', 'index', 'catalog', 'conflict'] as const;

/**
 * Core's part of the RPC map; each module declares its own in its folder (modules/contracts.ts
 * joins them), so core names no module. Method names are `<area>.<verb>`, params and results
 * plain structured-clone-able data.
 */
export const coreContract = {
  'app.getState': query<void, AppState>()({ reads: ['app'] }),

  'setup.createCompany': mutation<CreateCompanyInput, AppState>()({
    writes: ['app', ...ORG, 'sync'],
  }),
  /** Reads the remote master (no local writes) so the join form can offer branches and free device letters. */
  'setup.inspectServer': mutation<InspectServerInput, ServerCompanyPreview>()({ writes: [] }),
  /** Pulls master then the chosen branch (progress events, task 'join'), registers this device. */
  'setup.joinCompany': mutation<JoinCompanyInput, AppState>()({ writes: ['app', ...ORG, 'sync'] }),

  'org.getCompany': query<void, Company>()({ reads: ['company'] }),
  'org.updateCompany': mutation<Pick<CompanyFields, 'name' | 'fiscalYearStartMonth'>, Company>()({
    writes: ['company', 'app'],
  }),
  'org.listBranches': query<void, Branch[]>()({ reads: ['branch'] }),
  'org.addBranch': mutation<Omit<BranchFields, 'archived'>, Branch>()({ writes: ['branch'] }),
  'org.listDevices': query<void, Device[]>()({ reads: ['device'] }),
  /** Per branch this device holds: the latest change from it, so head office sees who has been quiet. */
  'org.branchActivity': query<void, BranchActivity[]>()({ reads: ['branch', 'catalog', 'index'] }),

  'sync.getStatus': query<void, SyncOverview>()({ reads: ['sync'] }),
  /** Starts live sync of every database this device holds with these credentials. */
  'sync.connect': mutation<ServerCredentials, SyncOverview>()({ writes: ['sync'] }),
  /** Stops sync and forgets the credentials in the worker (the vault is the UI's concern). */
  'sync.disconnect': mutation<void, SyncOverview>()({ writes: ['sync'] }),
  'sync.pause': mutation<void, SyncOverview>()({ writes: ['sync'] }),
  'sync.resume': mutation<void, SyncOverview>()({ writes: ['sync'] }),
  'sync.testConnection': mutation<InspectServerInput, ConnectionTestResult>()({ writes: [] }),
  'sync.listRefused': query<void, RefusedDoc[]>()({ reads: ['refused'] }),
  'sync.listWithdrawn': query<void, WithdrawnDoc[]>()({ reads: ['refused'] }),
  /** Sends a refused record again (fixed, or the user's rights changed). */
  'sync.resendRefused': mutation<{ db: string; docId: string }, SyncOverview>()({
    writes: ['refused', 'sync'],
  }),
  /** Removes a refused record from this device; the withdrawal is recorded (its type's `changed` event follows). */
  'sync.withdrawRefused': mutation<{ db: string; docId: string }, SyncOverview>()({
    writes: ['refused', 'sync', 'catalog'],
  }),

  /**
   * Signs another user in on this device (switch user, or sign in after a sign-out). The server
   * must accept the credentials and let the user open the company first; otherwise it throws and
   * the current user stays signed in, untouched. Then sync restarts with the new user's rights.
   */
  'user.signIn': mutation<SignInInput, AppState>()({ writes: USER_SWITCH }),
  /** Stops sync, forgets the credentials and the signed-in user (the UI removes the vault entry). */
  'user.signOut': mutation<void, AppState>()({ writes: USER_SWITCH }),

  'index.getStatus': query<void, IndexStatus>()({ reads: ['index'] }),
  /** Drops and rebuilds every projection from PouchDB (progress events, task 'index-rebuild'). */
  'index.rebuild': mutation<void, IndexStatus>()({ writes: ['index', 'catalog', 'conflict'] }),
  'index.dashboard': query<void, DashboardSummary>()({ reads: ['catalog', 'index', ...ORG] }),
  'index.search': query<{ text: string; limit?: number }, CatalogEntry[]>()({
    reads: ['catalog', 'index'],
  }),

  /** Every conflicted draft or master-data document, with its versions side by side. */
  'conflicts.list': query<void, ConflictRecord[]>()({ reads: ['conflict', 'index'] }),
  /** How many documents are in conflict (the status bar). */
  'conflicts.count': query<void, number>()({ reads: ['conflict', 'index'] }),
  /**
   * Keeps one version or saves a merge: one bulkDocs writes the result and deletes the losers.
   * Refused or not, the list is read again: a refusal usually means it changed meanwhile.
   */
  'conflicts.resolve': mutation<ResolveConflictInput, ResolveConflictResult>()({
    writes: ['conflict'],
  }),
  /** Forged changes of posted records: corrected ones (kept in the database) and those still waiting. */
  'conflicts.forgeries': query<void, ForgeryEntry[]>()({ reads: ['conflict', 'index'] }),
  ...backupContract,
} satisfies Contract;

export type CoreContract = typeof coreContract;
export type CoreMethods = MethodsOf<CoreContract>;
export type CoreMethod = keyof CoreMethods;

// ── Events the core pushes ───────────────────────────────────────────────────

export type ProgressTask =
  'join' | 'index-rebuild' | 'index-catch-up' | 'initial-sync' | 'backup' | 'restore';

export type CoreEvent =
  /**
   * Documents of these types changed in this local database (local write or replication).
   * `conflicts`: some of them have (or had) more than one version, so the conflict list may
   * have moved; without it the Conflicts page is not read again.
   */
  | { kind: 'changed'; db: string; types: string[]; conflicts?: boolean }
  | { kind: 'sync'; overview: SyncOverview }
  | { kind: 'index'; status: IndexStatus }
  | {
      kind: 'progress';
      task: ProgressTask;
      label: string;
      done: number;
      total: number | null;
      finished: boolean;
    }
  | { kind: 'state'; state: AppState };

// ── Wire format (postMessage) ────────────────────────────────────────────────

export interface RpcRequest {
  id: number;
  method: string;
  params: unknown;
}

export type RpcResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

export interface RpcEventMessage {
  event: CoreEvent;
}

/** Messages the UI thread sends that are not calls. */
export type HostMessage = { host: 'online'; online: boolean };
