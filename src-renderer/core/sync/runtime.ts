import type { Db, PouchEnv } from '../db/pouch';
import type { ServerCredentials, SyncProblem } from '../rpc/contract';
import type { SavedState } from './saved-state';

/**
 * What the parts of the sync engine share. The engine (engine.ts) is split by the state each
 * part owns: scheduling and rotation (scheduler.ts), the first copy (first-copy.ts), the
 * pending list (pending.ts), the refusal log (refusals.ts), what is kept on this device
 * (saved-state.ts) and the status shown (status.ts). Each database's replication state is one
 * `Runtime`; the engine-wide state (server, link, online, paused, held back) stays in the
 * engine, which the parts reach only through `SyncContext`.
 */

/** At most this many live replications (browsers allow six connections per host, DESIGN §5). */
export const MAX_LIVE = 4;
// 1,000 per batch: 1.8× plain replication in the bench (250: 1.45×), still small enough that a
// batch lost on a bad link is cheap to send again.
export const BATCH_SIZE = 1000;

export type DirectionState = 'starting' | 'active' | 'idle' | 'failed';
export type Replication = PouchDB.Replication.Replication<object>;

/** A first copy under way; stopping the database cancels it. */
export interface FirstCopyRun {
  cancelled: boolean;
  /** The one-shot replications that hand over to the regular ones. */
  tails: Replication[];
  /** Starts the push the copy was holding back (see `Runtime.copyOnly`). */
  onLocalWrite: (() => void) | null;
}

export interface Runtime {
  name: string;
  local: Db;
  remote: Db | null;
  push: Replication | null;
  pull: Replication | null;
  push_: DirectionState;
  pull_: DirectionState;
  problem: SyncProblem | null;
  /** Auth or access refusals stop retrying until the user changes something. */
  fatal: boolean;
  /** The pending list, refusals and last sync, as kept on this device. */
  saved: SavedState;
  /** A reconcile of the pending list with the server is scheduled. */
  reconcileTimer: ReturnType<typeof setTimeout> | null;
  progress: { done: number; total: number | null; startedAt: string } | null;
  /** One of the MAX_LIVE live databases (the rest get one-shot syncs in turn). */
  live: boolean;
  restartTimer: ReturnType<typeof setTimeout> | null;
  backOffMs: number;
  firstCopy: FirstCopyRun | null;
  /**
   * "Every change in this database is a revision the server sent" (first-copy.ts): set while
   * nothing but this session's first copy has written here; `copying` once that copy began on
   * an empty database. Null once anything else writes, or the push starts.
   */
  copyOnly: { copying: boolean } | null;
}

/** The engine-wide state and services the parts use; implemented by SyncEngine. */
export interface SyncContext {
  readonly env: PouchEnv;
  readonly orgCode: string;
  readonly dbs: ReadonlyMap<string, Runtime>;
  now(): Date;
  creds(): ServerCredentials | null;
  /** The address the replications run against, or null while none answers. */
  syncingWith(): string | null;
  /** Connected, online, not paused and a server address answers. */
  shouldRun(): boolean;
  heldBack(name: string): boolean;
  /** Status changed: coalesced into at most ten updates a second (status.ts). */
  emit(): void;
  /** A replication's failure that is about the server or the user goes to the link. */
  replicationProblem(problem: SyncProblem): void;
  /** Documents from the server were written to this local database (the index catches up). */
  pulled(name: string): void;
}
