import type { LocalWrites } from '../db/local-writes';
import type { Db, PouchEnv } from '../db/pouch';
import type { RefusedDoc, ServerCredentials, SyncOverview, WithdrawnDoc } from '../rpc/contract';
import type { ConnectionDeps } from './connection';
import { FirstCopy } from './first-copy';
import { PendingList } from './pending';
import { RefusalLog } from './refusals';
import type { Runtime, SyncContext } from './runtime';
import { SavedState } from './saved-state';
import { Scheduler } from './scheduler';
import { addressesOf } from './server-addresses';
import { LinkState } from './link-state';
import type { LinkTiming, SessionUser } from './server-link';
import { overviewOf, StatusEmitter } from './status';

export { MAX_LIVE } from './runtime';

/**
 * The sync engine (DESIGN §5): one live, retrying push and pull per database, at most
 * MAX_LIVE databases live at once (a head office with more branches rotates one-shot syncs
 * through the rest), status per database, pending local changes, refusals kept and shown.
 *
 * This class is the engine's one public face and owns what is engine-wide: the server and
 * its link (which address answers, who the user is), online, paused and the databases held
 * back for the signed-in user. The rest is split by the state each part owns (runtime.ts).
 *
 * Local writes are heard from the one local write path (LocalWrites), never by wrapping
 * PouchDB's methods: `before` may end a first copy's copy-only state (first-copy.ts), `after`
 * counts the documents pending (pending.ts).
 */
export interface SyncEngineOptions {
  env: PouchEnv;
  orgCode: string;
  /** The local write path every write of a replicated document goes through. */
  writes: LocalWrites;
  onStatus(overview: SyncOverview): void;
  now?: () => Date;
  /** How the server is asked whether it is there (fetch, and the app's origin for CORS advice). */
  connection?: ConnectionDeps;
  /** The server answered (first time, or again after a failure): the user's current roles. */
  onSessionUser?(user: SessionUser): void;
  /** Documents from the server were written to local database `db`. */
  onPulled?(db: string): void;
  linkTiming?: LinkTiming;
}

export class SyncEngine {
  private readonly dbs = new Map<string, Runtime>();
  private creds: ServerCredentials | null = null;
  /** Which address sync uses and whether it may; replications start only once it is up. */
  private readonly link: LinkState;
  private online = true;
  private paused = false;
  /** Databases the signed-in user may not sync (see holdBack); their records wait on this device. */
  private heldBack = new Set<string>();
  private heldBackFor: string | null = null;
  private readonly now: () => Date;
  private readonly status: StatusEmitter;
  private readonly firstCopy: FirstCopy;
  private readonly pending: PendingList;
  private readonly refusals: RefusalLog;
  private readonly scheduler: Scheduler;
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: SyncEngineOptions) {
    this.now = opts.now ?? (() => new Date());
    this.status = new StatusEmitter(() => opts.onStatus(this.overview()));
    const ctx: SyncContext = {
      env: opts.env,
      orgCode: opts.orgCode,
      dbs: this.dbs,
      now: () => this.now(),
      creds: () => this.creds,
      syncingWith: () => this.link.syncingWith,
      shouldRun: () => this.shouldRun(),
      heldBack: (name) => this.heldBack.has(name),
      emit: () => this.status.emit(),
      replicationProblem: (problem) => this.link.replicationProblem(problem),
      pulled: (name) => opts.onPulled?.(name),
    };
    this.firstCopy = new FirstCopy(ctx);
    this.pending = new PendingList(ctx);
    this.refusals = new RefusalLog(ctx, opts.writes);
    this.scheduler = new Scheduler(ctx, this.firstCopy, this.pending, this.refusals);
    const { connection, linkTiming, onSessionUser } = opts;
    this.link = new LinkState({
      dbs: this.dbs,
      scheduler: this.scheduler,
      shouldRun: () => this.shouldRun(),
      emit: () => this.status.emit(),
      connection,
      linkTiming,
      onSessionUser,
    });
    // From construction, before any database is given to the engine (see first-copy.ts).
    this.unsubscribe = opts.writes.subscribe((event) => {
      if (event.phase === 'before') return this.firstCopy.heard(event);
      this.markPending(event.db, event.docs);
      this.scheduler.wrote(event.db);
    });
  }

  /** Registers a local database; its pending list and refusals are read back from `_local`. */
  async addDatabase(name: string, local: Db): Promise<void> {
    if (this.dbs.has(name)) return;
    const saved = await SavedState.read(local, () => this.status.emit());
    if (this.dbs.has(name)) return;
    this.dbs.set(name, {
      name,
      local,
      remote: null,
      push: null,
      pull: null,
      push_: 'starting',
      pull_: 'starting',
      problem: null,
      fatal: false,
      saved,
      reconcileTimer: null,
      progress: null,
      live: false,
      restartTimer: null,
      backOffMs: 0,
      firstCopy: null,
      copyOnly: this.firstCopy.initialWatch(name),
    });
    if (this.shouldRun()) this.scheduler.startAll();
    this.status.emit();
  }

  connect(creds: ServerCredentials): void {
    this.scheduler.stopAll();
    const urls = addressesOf(creds);
    this.creds = {
      ...creds,
      serverUrl: urls[0] ?? creds.serverUrl.replace(/\/+$/, ''),
      serverUrls: urls,
    };
    for (const rt of this.dbs.values()) {
      rt.problem = null;
      rt.fatal = false;
    }
    this.paused = false;
    this.relink();
    this.status.emit();
  }

  disconnect(): void {
    this.scheduler.stopAll();
    this.link.unlink();
    this.creds = null;
    this.status.emit();
  }

  /**
   * Who the server says the connected user is, from the link's first round (no request of its
   * own: each wrong password counts towards a lockout); null when it could not say.
   */
  signedInUser(): Promise<SessionUser | null> {
    return this.link.signedInUser();
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    if (online) {
      for (const rt of this.dbs.values()) {
        rt.backOffMs = 0;
        if (!rt.fatal) rt.problem = null;
      }
      this.relink();
    } else {
      // The network is gone: stop the replications rather than let them spin on errors.
      this.scheduler.stopAll();
      this.link.unlink();
    }
    this.status.emit();
  }

  /**
   * Switch user on a shared desktop: the databases the new user's rights do not cover stop
   * syncing (their records and pending list stay on this device) and the rest sync as before.
   * Only a change of the set restarts replications, so calling it again is cheap.
   */
  holdBack(names: readonly string[], forUser: string | null): void {
    const next = new Set(names);
    this.heldBackFor = forUser;
    const same = next.size === this.heldBack.size && [...next].every((n) => this.heldBack.has(n));
    if (!same) {
      this.heldBack = next;
      for (const rt of this.dbs.values()) {
        rt.problem = null;
        rt.fatal = false;
      }
      if (this.shouldRun()) {
        this.scheduler.stopAll();
        this.scheduler.startAll();
      }
    }
    this.status.emit();
  }

  pause(): void {
    this.paused = true;
    this.scheduler.stopAll();
    this.link.unlink();
    this.status.emit();
  }

  resume(): void {
    this.paused = false;
    for (const rt of this.dbs.values()) rt.fatal = false;
    this.relink();
    this.status.emit();
  }

  /** Counts documents pending; the write path does this itself, this is for writes made before the session opened. */
  markPending(db: string, docs: { id: string; rev: string }[]): void {
    this.pending.mark(db, docs);
  }

  listRefused(): RefusedDoc[] {
    return this.refusals.list();
  }

  listWithdrawn(): WithdrawnDoc[] {
    return this.refusals.listWithdrawn();
  }

  /** Sends a refused document again (refusals.ts). */
  resend(db: string, docId: string): Promise<void> {
    return this.refusals.resend(db, docId);
  }

  /** Withdraws a refused document from this device, on record (refusals.ts). */
  withdraw(db: string, docId: string, by: string): Promise<void> {
    return this.refusals.withdraw(db, docId, by);
  }

  overview(): SyncOverview {
    return overviewOf(
      {
        orgCode: this.opts.orgCode,
        creds: this.creds,
        syncingWith: this.link.syncingWith,
        linkProblem: this.link.problem,
        online: this.online,
        paused: this.paused,
        heldBack: this.heldBack,
        heldBackFor: this.heldBackFor,
      },
      this.dbs.values(),
    );
  }

  /** Writes the pending list and refusal log now (a backup must hold what is only in memory). */
  async flushSaved(): Promise<void> {
    await Promise.all([...this.dbs.values()].map((rt) => rt.saved.flush()));
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.scheduler.stopAll();
    this.link.unlink();
    this.status.close();
    for (const rt of this.dbs.values()) {
      this.pending.close(rt);
      rt.copyOnly = null;
    }
    await Promise.all([...this.dbs.values()].map((rt) => rt.saved.flush()));
  }

  private shouldRun(): boolean {
    return this.creds !== null && this.online && !this.paused && this.link.syncingWith !== null;
  }

  /** A fresh round of asking the server, when there is one to ask. */
  private relink(): void {
    if (this.creds && this.online && !this.paused) this.link.relink(this.creds);
    else this.link.unlink();
  }
}
