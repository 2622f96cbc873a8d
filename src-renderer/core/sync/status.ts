import { remoteDbName } from '../db/names';
import type {
  DbSyncStatus,
  ServerCredentials,
  SyncOverview,
  SyncProblem,
  SyncState,
} from '../rpc/contract';
import type { Runtime } from './runtime';

/**
 * The status shown (DESIGN §5): a state per database and their sum for the status bar. Read
 * from the engine's state, never stored, so it cannot drift from what the replications do.
 */
export interface EngineState {
  orgCode: string;
  creds: ServerCredentials | null;
  syncingWith: string | null;
  /** Why no address can be used (shown on every database), or null. */
  linkProblem: SyncProblem | null;
  online: boolean;
  paused: boolean;
  heldBack: ReadonlySet<string>;
  heldBackFor: string | null;
}

/** The worst state wins the sum: an error anywhere is what the status bar must show. */
const ORDER: SyncState[] = [
  'error',
  'offline',
  'connecting',
  'syncing',
  'paused',
  'up-to-date',
  'not-configured',
  'not-synced',
];

export function overviewOf(s: EngineState, runtimes: Iterable<Runtime>): SyncOverview {
  const databases = [...runtimes].map((rt) => dbStatus(s, rt));
  const state = databases.length
    ? (ORDER.find((st) => databases.some((d) => d.state === st)) ?? 'not-configured')
    : s.creds
      ? 'connecting'
      : 'not-configured';
  // Held-back databases are listed (with what waits in them) but do not make the company look stale.
  const syncing = databases.filter((d) => d.heldBackFor === null);
  const synced = syncing.map((d) => d.lastSyncedAt).filter((x): x is string => !!x);
  return {
    configured: s.creds !== null,
    server: s.creds
      ? {
          url: s.creds.serverUrl,
          username: s.creds.username,
          urls: s.creds.serverUrls ?? [s.creds.serverUrl],
          using: s.syncingWith,
        }
      : null,
    online: s.online,
    paused: s.paused,
    state,
    pending: databases.reduce((n, d) => n + d.pending, 0),
    // The company is only as up to date as its least recent database.
    lastSyncedAt: synced.length === syncing.length && synced.length > 0 ? synced.sort()[0]! : null,
    refused: databases.reduce((n, d) => n + d.refused, 0),
    databases,
  };
}

function dbStatus(s: EngineState, rt: Runtime): DbSyncStatus {
  const held = s.heldBack.has(rt.name);
  return {
    db: rt.name,
    remote: remoteDbName(s.orgCode, rt.name),
    state: stateOf(s, rt),
    pending: rt.saved.pendingCount,
    lastSyncedAt: rt.saved.lastSyncedAt,
    error: (held ? null : s.linkProblem) ?? rt.problem,
    progress: rt.progress,
    refused: rt.saved.refused.length,
    heldBackFor: held ? (s.heldBackFor ?? '') : null,
  };
}

function stateOf(s: EngineState, rt: Runtime): SyncState {
  if (!s.creds) return 'not-configured';
  if (s.heldBack.has(rt.name)) return 'not-synced';
  if (s.paused) return 'paused';
  if (!s.online) return 'offline';
  // The link's problem (server unreachable, CORS, locked user) says more than what a replication saw.
  const problem = s.linkProblem ?? rt.problem;
  if (problem) return problem.kind === 'network' ? 'offline' : 'error';
  if (!s.syncingWith) return 'connecting';
  if (!rt.live && !rt.push && !rt.pull) return rt.saved.lastSyncedAt ? 'up-to-date' : 'connecting';
  if (rt.push_ === 'active' || rt.pull_ === 'active') return 'syncing';
  if (rt.push_ === 'idle' && rt.pull_ === 'idle') return 'up-to-date';
  return 'connecting';
}

/** Coalesces bursts (a 20k-document pull) into at most ten status updates a second. */
export class StatusEmitter {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: () => void) {}

  emit(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send();
    }, 100);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
