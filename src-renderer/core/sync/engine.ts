import { remoteDbName } from '../db/names';
import { openRemoteDb, readLocal, updateLocal, type Db, type PouchEnv } from '../db/pouch';
import { typeOfId } from '../ids';
import type { DbSyncStatus, RefusedDoc, ServerCredentials, SyncOverview, SyncProblem, SyncState, WithdrawnDoc } from '../rpc/contract';
import { OutpostError } from '../errors';
import { nextBackOff } from './back-off';
import type { ConnectionDeps } from './connection';
import { describeSyncError } from './describe-error';
import { addressesOf } from './server-addresses';
import { ServerLink, type LinkTiming, type SessionUser } from './server-link';
import { initialPull, InitialPullCancelled, type Seq } from './initial-pull';
import { PendingStore } from './pending-store';

/**
 * The sync engine (DESIGN §5): one live, retrying push and pull per database, at most
 * MAX_LIVE databases live at once (a head office with more branches rotates one-shot syncs
 * through the rest), status per database, pending local changes, refusals kept and shown.
 *
 * Pending = documents written on this device that the server has not yet accepted. It is
 * tracked from the write path (the repository tells us) and cleared by what the push
 * replication reports, so documents that merely arrived from the server never count.
 */
export const MAX_LIVE = 4;
// 1,000 per batch: 1.8× plain replication in the bench (250: 1.45×), still small enough that a
// batch lost on a bad link is cheap to send again.
const BATCH_SIZE = 1000;
const ROTATION_MS = 60_000;
const SYNC_DOC = 'outpost-sync';
/**
 * The pending list, apart from the rest (pending-store.ts): after a long offline spell it can
 * be tens of megabytes, and the first screen must not wait for it (the count in SYNC_DOC is
 * shown meanwhile).
 */
const PENDING_DOC = 'outpost-sync-pending';
/** A list this long is read a moment after the start, once the first screen has its data. */
const LARGE_PENDING = 5_000;
const LARGE_PENDING_DELAY_MS = 1_500;
/** Where the first copy of a database from the server got to (initial-pull.ts). */
const FIRST_COPY_DOC = 'outpost-first-copy';
const FIRST_COPY_PAGE = 1000;

interface FirstCopyMarker {
  /** Server address and database: a sequence means nothing on another server. */
  remote: string;
  since: Seq;
  /** Handed over to the replication, which has its own checkpoint from then on. */
  done: boolean;
}

/** A first copy under way; stop() cancels it. */
interface FirstCopyRun {
  cancelled: boolean;
  /** The one-shot replications that hand over to the regular ones. */
  tails: Replication[];
  /** Starts the push the copy was holding back (see CopyOnly). */
  onLocalWrite: (() => void) | null;
}

/**
 * "Every change in this database is a revision the server sent": true of a database that was
 * empty when this session's first copy began, until anything else writes to it. While it
 * holds, the push has nothing to send, so it waits for the copy and then starts after the
 * copy's last local sequence, instead of reading every copied document back and asking the
 * server whether it has them (a third of the time of a first sync). Writes are watched on the
 * database object from the moment the engine is given it, before any write can start, and
 * the first one that is not the copy's (nor a `_local/` document) ends it and starts the push.
 */
interface CopyOnly {
  ended: boolean;
  /** Set when this session's first copy began on an empty database. */
  copying: boolean;
  /** The database's own bulkDocs, which the copy writes with (the watch does not count it). */
  write: Db['bulkDocs'];
  end(): void;
}

const WRITE_METHODS = ['bulkDocs', 'put', 'post', 'remove'] as const;

interface PersistedSync {
  refused: RefusedDoc[];
  /** Refused documents the user withdrew: kept as a record, so nothing disappears silently. */
  withdrawn: WithdrawnDoc[];
  lastSyncedAt: string | null;
}

/** What SYNC_DOC holds: the small state, and how long the pending list was when last saved. */
interface SavedSyncState extends PersistedSync {
  pendingCount?: number;
  /** Until November 2026 the whole pending list was kept here; it moves to PENDING_DOC on the next save. */
  pending?: Record<string, string>;
}

type DirectionState = 'starting' | 'active' | 'idle' | 'failed';
type Replication = PouchDB.Replication.Replication<object>;

interface Runtime {
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
  persisted: PersistedSync;
  /** The live pending list (id → local revision not yet pushed), and its saving. */
  pending: PendingStore;
  /**
   * Settles once the saved pending list is read back and merged (read in the background so
   * the first screen does not wait for it). Replication, reconciling and saving wait for it.
   */
  loaded: Promise<void>;
  /** The saved count, shown until the list itself is loaded. */
  savedPendingCount: number;
  /** How long the last save of the persisted state took, to space saves out as it grows. */
  persistCostMs: number;
  /** A reconcile of the pending list with the server is scheduled. */
  reconcileTimer: ReturnType<typeof setTimeout> | null;
  progress: { done: number; total: number | null; startedAt: string } | null;
  live: boolean;
  restartTimer: ReturnType<typeof setTimeout> | null;
  backOffMs: number;
  save: Promise<unknown>;
  firstCopy: FirstCopyRun | null;
  copyOnly: CopyOnly | null;
}

export interface SyncEngineOptions {
  env: PouchEnv;
  orgCode: string;
  onStatus(overview: SyncOverview): void;
  /** Documents arrived from the server (the index catches up on its own; this is for logging/tests). */
  now?: () => Date;
  /** How the server is asked whether it is there (fetch, and the app's origin for CORS advice). */
  connection?: ConnectionDeps;
  /** The server answered (first time, or again after a failure): the user's current roles. */
  onSessionUser?(user: SessionUser): void;
  linkTiming?: LinkTiming;
}

export class SyncEngine {
  private readonly dbs = new Map<string, Runtime>();
  private creds: ServerCredentials | null = null;
  /** Which address sync uses and whether it may (server-link.ts); replications start only once it is up. */
  private link: ServerLink | null = null;
  /** The address the replications run against, or null while none answers. */
  private syncingWith: string | null = null;
  /** Why no address can be used (shown on every database), or null. */
  private linkProblem: SyncProblem | null = null;
  private online = true;
  private paused = false;
  /** Databases the signed-in user may not sync (see holdBack); their records wait on this device. */
  private heldBack = new Set<string>();
  private heldBackFor: string | null = null;
  private rotationTimer: ReturnType<typeof setInterval> | null = null;
  private emitTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => Date;

  constructor(private readonly opts: SyncEngineOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Registers a local database; its pending list and refusals are read back from `_local`. */
  async addDatabase(name: string, local: Db): Promise<void> {
    if (this.dbs.has(name)) return;
    // Before anything else can write to it (see CopyOnly).
    const copyOnly = this.watchLocalWrites(local, () => {
      const rt = this.dbs.get(name);
      if (!rt) return;
      rt.copyOnly = null;
      rt.firstCopy?.onLocalWrite?.();
    });
    const saved = (await readLocal<SavedSyncState>(local, SYNC_DOC)) ?? null;
    const rt: Runtime = {
      name,
      local,
      remote: null,
      push: null,
      pull: null,
      push_: 'starting',
      pull_: 'starting',
      problem: null,
      fatal: false,
      persisted: {
        refused: saved?.refused ?? [],
        withdrawn: saved?.withdrawn ?? [],
        lastSyncedAt: saved?.lastSyncedAt ?? null,
      },
      pending: new PendingStore(local, PENDING_DOC),
      loaded: Promise.resolve(),
      savedPendingCount: saved?.pendingCount ?? Object.keys(saved?.pending ?? {}).length,
      persistCostMs: 0,
      reconcileTimer: null,
      progress: null,
      live: false,
      restartTimer: null,
      backOffMs: 0,
      save: Promise.resolve(),
      firstCopy: null,
      copyOnly,
    };
    rt.loaded = this.loadPending(rt, saved);
    // Saves queue behind the load, so a save never replaces the saved list with part of it.
    rt.save = rt.loaded;
    this.dbs.set(name, rt);
    if (this.shouldRun()) this.startAll();
    this.emit();
  }

  /** Reads the saved pending list back; entries recorded since the start are newer and win. */
  private async loadPending(rt: Runtime, saved: SavedSyncState | null): Promise<void> {
    // A long list is read a moment later: its first screen matters more than its count.
    if (rt.savedPendingCount > LARGE_PENDING) await new Promise((r) => setTimeout(r, LARGE_PENDING_DELAY_MS));
    // Unreadable, it counts as empty: the documents themselves are pushed by the replication's checkpoint.
    await rt.pending.load(saved?.pending).catch(() => undefined);
    this.emit();
  }

  connect(creds: ServerCredentials): void {
    this.stopAll();
    const urls = addressesOf(creds);
    this.creds = { ...creds, serverUrl: urls[0] ?? creds.serverUrl.replace(/\/+$/, ''), serverUrls: urls };
    for (const rt of this.dbs.values()) {
      rt.problem = null;
      rt.fatal = false;
    }
    this.paused = false;
    this.relink();
    this.emit();
  }

  disconnect(): void {
    this.stopAll();
    this.unlink();
    this.creds = null;
    this.emit();
  }

  /** A fresh round of asking the server (connect, back online, resume); replications start when it answers. */
  private relink(): void {
    this.unlink();
    if (!this.creds || !this.online || this.paused) return;
    const { connection, linkTiming } = this.opts;
    const deps = connection ?? { fetch: (i, init) => globalThis.fetch(i, init), origin: 'this app', corsApplies: false };
    this.link = new ServerLink(this.creds.serverUrls ?? [this.creds.serverUrl], this.creds, deps, {
      up: (url, user) => this.linkUp(url, user),
      down: (problem) => this.linkDown(problem),
    }, linkTiming);
    this.firstAnswer = this.link.check();
  }

  private firstAnswer: Promise<void> = Promise.resolve();

  /**
   * Who the server says the connected user is, from the link's first round (no request of its
   * own: each wrong password counts towards a lockout); null when it could not say.
   */
  async signedInUser(): Promise<SessionUser | null> {
    await this.firstAnswer;
    return this.link?.user ?? null;
  }

  private unlink(): void {
    this.link?.stop();
    this.link = null;
    this.syncingWith = null;
    this.linkProblem = null;
  }

  /** The server answers at `url`: (re)start everything there after a failure or a change of address. */
  private linkUp(url: string, user: SessionUser): void {
    if (url !== this.syncingWith || this.linkProblem) {
      this.stopAll();
      this.syncingWith = url;
      this.linkProblem = null;
      for (const rt of this.dbs.values()) {
        rt.problem = null;
        rt.fatal = false;
        rt.backOffMs = 0;
      }
      if (this.shouldRun()) this.startAll();
    } else if (this.shouldRun()) {
      // Same address, still up: databases a lockout stopped start again.
      for (const rt of this.dbs.values()) {
        if (rt.live && !rt.fatal && !rt.push && !rt.pull && !rt.firstCopy && !rt.restartTimer) this.start(rt);
      }
    }
    // After the replications restart: new rights may add databases (head office), which start as they are added.
    this.opts.onSessionUser?.(user);
    this.emit();
  }

  private linkDown(problem: SyncProblem): void {
    this.stopAll();
    this.syncingWith = null;
    this.linkProblem = problem;
    this.emit();
  }

  /** A replication's failure that is about the server or the user, not the database, goes to the link. */
  private replicationProblem(problem: SyncProblem): void {
    if (!this.link) return;
    if (problem.kind === 'auth') {
      // The password changed on the server: no further tries with it (each counts towards a lockout).
      this.link.stop();
      this.linkDown(problem);
    } else if (problem.kind === 'locked') {
      this.link.suspect(false);
    } else if (problem.kind === 'network' || problem.kind === 'server' || problem.kind === 'cors') {
      this.link.suspect(problem.kind === 'server');
    }
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
      this.stopAll();
      this.unlink();
    }
    this.emit();
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
        this.stopAll();
        this.startAll();
      }
    }
    this.emit();
  }

  pause(): void {
    this.paused = true;
    this.stopAll();
    this.unlink();
    this.emit();
  }

  resume(): void {
    this.paused = false;
    for (const rt of this.dbs.values()) rt.fatal = false;
    this.relink();
    this.emit();
  }

  /** Called by the repositories for every local write. */
  markPending(db: string, docs: { id: string; rev: string }[]): void {
    const rt = this.dbs.get(db);
    if (!rt || docs.length === 0) return;
    for (const d of docs) rt.pending.set(d.id, d.rev);
    this.persist(rt);
    this.emit();
    // The push may already have carried the write before we recorded it; check once it settles
    // (one check for a burst of writes, not one per write).
    if (!rt.reconcileTimer) {
      rt.reconcileTimer = setTimeout(() => {
        rt.reconcileTimer = null;
        void this.reconcilePending(rt);
      }, 1500);
    }
  }

  listRefused(): RefusedDoc[] {
    return [...this.dbs.values()].flatMap((rt) => rt.persisted.refused);
  }

  listWithdrawn(): WithdrawnDoc[] {
    return [...this.dbs.values()].flatMap((rt) => rt.persisted.withdrawn);
  }

  /**
   * Sends a refused document again (after it was fixed, or after an administrator changed the
   * user's rights). The push checkpoint is already past it, so it gets a new revision with the
   * same content; if the server still refuses, it comes back to the list with the new reason.
   */
  async resend(db: string, docId: string): Promise<void> {
    const rt = this.refusedRuntime(db, docId);
    const doc = await rt.local.get(docId).catch(() => null);
    if (!doc) throw new OutpostError('not-found', 'That record is no longer on this device.');
    const res = await rt.local.put({ ...doc, _id: docId, _rev: doc._rev });
    rt.persisted.refused = rt.persisted.refused.filter((r) => r.docId !== docId);
    rt.pending.set(docId, res.rev);
    this.persist(rt, true);
    this.emit();
  }

  /**
   * Withdraws a refused document: it is removed from this device (the server never had it) and
   * the withdrawal is recorded with who and when. The removal is not sent as a change.
   */
  async withdraw(db: string, docId: string, by: string): Promise<void> {
    const rt = this.refusedRuntime(db, docId);
    const refused = rt.persisted.refused.find((r) => r.docId === docId)!;
    const doc = await rt.local.get(docId).catch(() => null);
    if (doc) await rt.local.remove(docId, doc._rev);
    rt.persisted.refused = rt.persisted.refused.filter((r) => r.docId !== docId);
    rt.pending.delete(docId);
    rt.persisted.withdrawn = [...rt.persisted.withdrawn, { ...refused, withdrawnAt: this.now().toISOString(), withdrawnBy: by }];
    this.persist(rt, true);
    this.emit();
  }

  private refusedRuntime(db: string, docId: string): Runtime {
    const rt = this.dbs.get(db);
    if (!rt || !rt.persisted.refused.some((r) => r.docId === docId)) {
      throw new OutpostError('not-found', 'That record is not in the list of refused records any more.');
    }
    return rt;
  }

  overview(): SyncOverview {
    const databases = [...this.dbs.values()].map((rt) => this.dbStatus(rt));
    const order: SyncState[] = ['error', 'offline', 'connecting', 'syncing', 'paused', 'up-to-date', 'not-configured', 'not-synced'];
    const state = databases.length
      ? order.find((s) => databases.some((d) => d.state === s)) ?? 'not-configured'
      : this.creds
        ? 'connecting'
        : 'not-configured';
    // Held-back databases are listed (with what waits in them) but do not make the company look stale.
    const syncing = databases.filter((d) => d.heldBackFor === null);
    const synced = syncing.map((d) => d.lastSyncedAt).filter((x): x is string => !!x);
    return {
      configured: this.creds !== null,
      server: this.creds
        ? { url: this.creds.serverUrl, username: this.creds.username, urls: this.creds.serverUrls ?? [this.creds.serverUrl], using: this.syncingWith }
        : null,
      online: this.online,
      paused: this.paused,
      state,
      pending: databases.reduce((n, d) => n + d.pending, 0),
      // The company is only as up to date as its least recent database.
      lastSyncedAt: synced.length === syncing.length && synced.length > 0 ? synced.sort()[0]! : null,
      refused: databases.reduce((n, d) => n + d.refused, 0),
      databases,
    };
  }

  async close(): Promise<void> {
    this.stopAll();
    this.unlink();
    if (this.emitTimer) clearTimeout(this.emitTimer);
    for (const rt of this.dbs.values()) {
      if (rt.reconcileTimer) clearTimeout(rt.reconcileTimer);
      rt.reconcileTimer = null;
      this.endCopyOnly(rt);
    }
    for (const [rt, timer] of this.persistTimers) {
      clearTimeout(timer);
      this.persistNow(rt);
    }
    this.persistTimers.clear();
    await Promise.all([...this.dbs.values()].map((rt) => rt.save));
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private shouldRun(): boolean {
    return this.creds !== null && this.online && !this.paused && this.syncingWith !== null;
  }

  private dbStatus(rt: Runtime): DbSyncStatus {
    return {
      db: rt.name,
      remote: remoteDbName(this.opts.orgCode, rt.name),
      state: this.stateOf(rt),
      pending: rt.pending.loaded ? rt.pending.size : Math.max(rt.savedPendingCount, rt.pending.size),
      lastSyncedAt: rt.persisted.lastSyncedAt,
      error: (this.heldBack.has(rt.name) ? null : this.linkProblem) ?? rt.problem,
      progress: rt.progress,
      refused: rt.persisted.refused.length,
      heldBackFor: this.heldBack.has(rt.name) ? (this.heldBackFor ?? '') : null,
    };
  }

  private stateOf(rt: Runtime): SyncState {
    if (!this.creds) return 'not-configured';
    if (this.heldBack.has(rt.name)) return 'not-synced';
    if (this.paused) return 'paused';
    if (!this.online) return 'offline';
    // The link's problem (server unreachable, CORS, locked user) says more than what a replication saw.
    const problem = this.linkProblem ?? rt.problem;
    if (problem) return problem.kind === 'network' ? 'offline' : 'error';
    if (!this.syncingWith) return 'connecting';
    if (!rt.live && !rt.push && !rt.pull) return rt.persisted.lastSyncedAt ? 'up-to-date' : 'connecting';
    if (rt.push_ === 'active' || rt.pull_ === 'active') return 'syncing';
    if (rt.push_ === 'idle' && rt.pull_ === 'idle') return 'up-to-date';
    return 'connecting';
  }

  private startAll(): void {
    const names = [...this.dbs.keys()].filter((n) => !this.heldBack.has(n));
    names.forEach((name, i) => {
      const rt = this.dbs.get(name)!;
      rt.live = i < MAX_LIVE;
      if (rt.live) this.start(rt);
    });
    if (names.length > MAX_LIVE && !this.rotationTimer) {
      const rest = names.slice(MAX_LIVE);
      let next = 0;
      const tick = () => {
        const rt = this.dbs.get(rest[next % rest.length]!);
        next++;
        if (rt && this.shouldRun() && !rt.push) this.start(rt, false);
      };
      tick();
      this.rotationTimer = setInterval(tick, ROTATION_MS);
    }
  }

  private start(rt: Runtime, live = true): void {
    if (!this.creds || rt.fatal || this.heldBack.has(rt.name)) return;
    this.stop(rt);
    const serverUrl = this.syncingWith;
    if (!serverUrl) return;
    const { username, password } = this.creds;
    rt.remote = openRemoteDb(this.opts.env, serverUrl, remoteDbName(this.opts.orgCode, rt.name), { username, password });
    rt.push_ = 'starting';
    rt.pull_ = 'starting';
    const options = {
      live,
      retry: live,
      batch_size: BATCH_SIZE,
      batches_limit: 4,
      back_off_function: (ms: number) => nextBackOff(ms),
    };
    void this.measureInitialPull(rt);
    const run: FirstCopyRun = { cancelled: false, tails: [], onLocalWrite: null };
    rt.firstCopy = run;
    void this.startReplications(rt, run, options, live, serverUrl);
  }

  private startPush(rt: Runtime, options: PouchDB.Replication.ReplicateOptions, live: boolean, serverUrl: string): void {
    // From here the push's own checkpoint covers every local change.
    this.endCopyOnly(rt);
    const push = rt.local.replicate.to(rt.remote!, options);
    rt.push = push;
    this.trackPush(rt, push);
    this.watch(rt, 'push', push, live, serverUrl);
  }

  /** What the server accepted leaves the pending list; what it refused is listed with its reason. */
  private trackPush(rt: Runtime, push: Replication): void {
    push.on('change', (info) => {
      const docs = (info as { docs?: { _id: string; _rev: string }[] }).docs ?? [];
      let changed = false;
      for (const d of docs) {
        if (rt.pending.get(d._id) === d._rev) {
          rt.pending.delete(d._id);
          changed = true;
        }
      }
      if (changed) this.persist(rt);
      this.emit();
    });
    push.on('denied', (err) => this.refused(rt, err as DeniedError));
  }

  /**
   * The push and the pull. A database never copied from this server starts with the fast first
   * copy (initial-pull.ts), resumable page by page, then hands over to the replication at the
   * sequence it reached: a one-shot pull from there catches whatever changed meanwhile and
   * writes the replication checkpoint, and the regular (live) pull carries on from it. The push
   * waits for the copy while nothing else writes here (CopyOnly), then starts after it the same way.
   */
  private async startReplications(rt: Runtime, run: FirstCopyRun, options: PouchDB.Replication.ReplicateOptions, live: boolean, serverUrl: string): Promise<void> {
    const remote = rt.remote!;
    // The preferred address names the service: a cluster's nodes share its sequences, so a copy
    // begun through one node resumes through another.
    const key = `${this.creds?.serverUrl ?? serverUrl}/${remoteDbName(this.opts.orgCode, rt.name)}`;
    const startPush = () => {
      if (!run.cancelled && !rt.push) this.startPush(rt, options, live, serverUrl);
    };
    try {
      // What the push reports is checked against the pending list: have it first.
      await rt.loaded;
      if (run.cancelled) return;
      const from = await this.firstCopyFrom(rt, key);
      if (run.cancelled) return;
      const watch = this.copyOnly(rt);
      if (from?.fresh && watch) watch.copying = true;
      // A copy resumed from an earlier session may sit beside that session's own writes.
      if (!from || !this.copyOnly(rt)?.copying) this.endCopyOnly(rt);
      if (this.copyOnly(rt)) run.onLocalWrite = startPush;
      else startPush();
      if (from) {
        rt.pull_ = 'active';
        this.emit();
        let saving: Promise<unknown> | null = null;
        const write = this.copyOnly(rt)?.write ?? rt.local.bulkDocs.bind(rt.local);
        const copied = await initialPull({ bulkDocs: write }, remote, {
          since: from.since,
          pageSize: FIRST_COPY_PAGE,
          cancelled: () => run.cancelled,
          onPage: ({ docs, seq }) => {
            // A page arrived, so the server is back: the next interruption waits from the start
            // again (10 interruptions of a first copy used to add up to 5 minutes of waiting),
            // and the problem of the last try no longer describes what is happening.
            rt.backOffMs = 0;
            rt.problem = null;
            if (rt.progress) rt.progress = { ...rt.progress, done: Math.min(rt.progress.total ?? Infinity, rt.progress.done + docs) };
            // Resume point, saved after the page is written; skipped while the previous save runs.
            saving ??= updateLocal<FirstCopyMarker>(rt.local, FIRST_COPY_DOC, () => ({ remote: key, since: seq, done: false }))
              .catch(() => undefined)
              .finally(() => (saving = null));
            this.emit();
          },
        });
        if (run.cancelled) return;
        const tails: Replication[] = [];
        if (this.copyOnly(rt)) {
          // Everything up to here came from the server: the push starts after it.
          const { update_seq: localSeq } = await rt.local.info();
          if (run.cancelled) return;
          if (this.copyOnly(rt)) {
            this.endCopyOnly(rt);
            const pushTail = rt.local.replicate.to(remote, { batch_size: BATCH_SIZE, batches_limit: 4, since: localSeq } as PouchDB.Replication.ReplicateOptions);
            this.trackPush(rt, pushTail);
            tails.push(pushTail);
          }
        }
        const pullTail = rt.local.replicate.from(remote, { batch_size: BATCH_SIZE, batches_limit: 4, since: copied.seq } as PouchDB.Replication.ReplicateOptions);
        this.trackPullProgress(rt, pullTail);
        tails.push(pullTail);
        run.tails = tails;
        await Promise.all(tails);
        if (run.cancelled) return;
        await updateLocal<FirstCopyMarker>(rt.local, FIRST_COPY_DOC, () => ({ remote: key, since: copied.seq, done: true }));
      }
    } catch (err) {
      if (run.cancelled || err instanceof InitialPullCancelled) return;
      this.failed(rt, 'pull', err, serverUrl);
      return;
    }
    if (run.cancelled) return;
    rt.firstCopy = null;
    startPush();
    const pull = rt.local.replicate.from(remote, options);
    rt.pull = pull;
    this.trackPullProgress(rt, pull);
    this.watch(rt, 'pull', pull, live, serverUrl);
  }

  /**
   * Where the first copy starts, or null when the replication alone should pull: a database
   * that already holds documents has a replication checkpoint (or local work only the
   * replication merges with care for what is already there).
   */
  private async firstCopyFrom(rt: Runtime, key: string): Promise<{ since: Seq; fresh: boolean } | null> {
    const marker = await readLocal<FirstCopyMarker>(rt.local, FIRST_COPY_DOC);
    if (marker && marker.remote === key) return marker.done ? null : { since: marker.since, fresh: false };
    const info = await rt.local.info();
    return Number(info.update_seq) === 0 ? { since: 0, fresh: true } : null;
  }

  /** Wraps the database's write methods until the first write that is not a `_local/` document. */
  private watchLocalWrites(local: Db, onWrite: () => void): CopyOnly {
    const db = local as unknown as Record<(typeof WRITE_METHODS)[number], (...args: unknown[]) => unknown>;
    const originals = WRITE_METHODS.map((m) => db[m]);
    const state: CopyOnly = {
      ended: false,
      copying: false,
      write: local.bulkDocs.bind(local),
      end: () => {
        if (state.ended) return;
        state.ended = true;
        WRITE_METHODS.forEach((m, i) => (db[m] = originals[i]!));
      },
    };
    WRITE_METHODS.forEach((m, i) => {
      const original = originals[i]!;
      db[m] = (...args: unknown[]) => {
        if (!state.ended && !onlyLocalDocs(m, args[0])) {
          state.end();
          onWrite();
        }
        return original.apply(local, args);
      };
    });
    return state;
  }

  /** The watch, while nothing but the copy has written to this database. */
  private copyOnly(rt: Runtime): CopyOnly | null {
    return rt.copyOnly && !rt.copyOnly.ended ? rt.copyOnly : null;
  }

  private endCopyOnly(rt: Runtime): void {
    rt.copyOnly?.end();
    rt.copyOnly = null;
  }

  private trackPullProgress(rt: Runtime, rep: Replication): void {
    let base: number | null = null;
    rep.on('change', (info) => {
      rt.backOffMs = 0;
      if (rt.progress) {
        base ??= rt.progress.done;
        rt.progress = { ...rt.progress, done: Math.min(rt.progress.total ?? Infinity, base + (info as { docs_written: number }).docs_written) };
      }
      this.emit();
    });
  }

  private failed(rt: Runtime, dir: 'push' | 'pull', err: unknown, serverUrl: string): void {
    rt[`${dir}_`] = 'failed';
    rt.problem = describeSyncError(err, { serverUrl, remoteName: remoteDbName(this.opts.orgCode, rt.name) });
    // A wrong password or a refused database will not fix itself: wait for the user. A locked
    // user waits for the link, which tries again once the lockout has passed.
    rt.fatal = rt.problem.kind === 'auth' || rt.problem.kind === 'denied';
    this.stop(rt);
    if (!rt.fatal && rt.problem.kind !== 'locked') this.scheduleRestart(rt);
    this.replicationProblem(rt.problem);
    this.emit();
  }

  private watch(rt: Runtime, dir: 'push' | 'pull', rep: Replication, live: boolean, serverUrl: string): void {
    rep.on('active', () => {
      if (!this.isCurrent(rt, rep)) return;
      rt[`${dir}_`] = 'active';
      rt.problem = null;
      this.emit();
    });
    rep.on('paused', (err?: unknown) => {
      if (!this.isCurrent(rt, rep)) return;
      if (err) {
        rt[`${dir}_`] = 'failed';
        rt.problem = describeSyncError(err, { serverUrl, remoteName: remoteDbName(this.opts.orgCode, rt.name) });
        this.replicationProblem(rt.problem);
      } else {
        rt[`${dir}_`] = 'idle';
        rt.problem = null;
        rt.backOffMs = 0;
        this.afterIdle(rt);
      }
      this.emit();
    });
    rep.on('error', (err: unknown) => {
      if (!this.isCurrent(rt, rep)) return;
      this.failed(rt, dir, err, serverUrl);
    });
    rep.on('complete', () => {
      if (!this.isCurrent(rt, rep) || live) return;
      rt[`${dir}_`] = 'idle';
      if (rt.push_ === 'idle' && rt.pull_ === 'idle') {
        this.afterIdle(rt);
        rt.push = null;
        rt.pull = null;
      }
      this.emit();
    });
  }

  private isCurrent(rt: Runtime, rep: Replication): boolean {
    return rt.push === rep || rt.pull === rep;
  }

  private scheduleRestart(rt: Runtime): void {
    if (rt.restartTimer) clearTimeout(rt.restartTimer);
    rt.backOffMs = nextBackOff(rt.backOffMs);
    rt.restartTimer = setTimeout(() => {
      rt.restartTimer = null;
      if (this.shouldRun() && rt.live) this.start(rt);
    }, rt.backOffMs);
  }

  private afterIdle(rt: Runtime): void {
    if (rt.push_ !== 'idle' || rt.pull_ !== 'idle') return;
    rt.progress = null;
    rt.persisted.lastSyncedAt = this.now().toISOString();
    this.persist(rt);
    void this.reconcilePending(rt);
  }

  /** Drops pending entries the server already has (written before we tracked them, or pushed by another path). */
  private async reconcilePending(rt: Runtime): Promise<void> {
    await rt.loaded;
    const ids = [...rt.pending.keys()];
    if (!rt.remote || ids.length === 0 || !this.shouldRun() || rt.push_ !== 'idle') return;
    try {
      const query: Record<string, string[]> = {};
      for (const id of ids) query[id] = [rt.pending.get(id)!];
      const missing = await rt.remote.revsDiff(query);
      let changed = false;
      for (const id of ids) {
        if (!(id in missing) && rt.pending.get(id) === query[id]![0]) {
          rt.pending.delete(id);
          changed = true;
        }
      }
      if (changed) {
        this.persist(rt);
        this.emit();
      }
    } catch {
      // The next idle period tries again; a failed check changes nothing.
    }
  }

  private refused(rt: Runtime, err: DeniedError): void {
    const docId = err.id ?? err.docId ?? '';
    if (!docId) return;
    // The local removal of a withdrawn document is refused too (the server never had it): already recorded.
    if (rt.persisted.withdrawn.some((w) => w.docId === docId)) return;
    rt.pending.delete(docId);
    const entry: RefusedDoc = {
      db: rt.name,
      docId,
      docType: typeOfId(docId) ?? 'document',
      reason: err.reason ?? err.message ?? 'The server refused this document.',
      status: String(err.name ?? err.error ?? err.status ?? 'forbidden'),
      refusedAt: this.now().toISOString(),
    };
    rt.persisted.refused = [...rt.persisted.refused.filter((r) => r.docId !== docId), entry];
    this.persist(rt, true);
    this.emit();
  }

  private async measureInitialPull(rt: Runtime): Promise<void> {
    if (rt.persisted.lastSyncedAt || !rt.remote) return;
    try {
      const info = await rt.remote.info();
      // A resumed initial sync counts from where its checkpoint left off.
      const local = await rt.local.info();
      if (rt.pull_ !== 'idle') rt.progress = { done: local.doc_count, total: Math.max(info.doc_count, local.doc_count), startedAt: this.now().toISOString() };
      this.emit();
    } catch {
      // The replication reports the same failure in its own words.
    }
  }

  private stop(rt: Runtime): void {
    const { push, pull, firstCopy } = rt;
    rt.push = null;
    rt.pull = null;
    rt.firstCopy = null;
    push?.cancel();
    pull?.cancel();
    if (firstCopy) {
      firstCopy.cancelled = true;
      for (const tail of firstCopy.tails) tail.cancel();
    }
    if (rt.restartTimer) {
      clearTimeout(rt.restartTimer);
      rt.restartTimer = null;
    }
    rt.push_ = 'starting';
    rt.pull_ = 'starting';
    if (rt.remote) {
      void rt.remote.close().catch(() => undefined);
      rt.remote = null;
    }
  }

  private stopAll(): void {
    if (this.rotationTimer) {
      clearInterval(this.rotationTimer);
      this.rotationTimer = null;
    }
    for (const rt of this.dbs.values()) this.stop(rt);
  }

  private readonly persistTimers = new Map<Runtime, ReturnType<typeof setTimeout>>();

  /**
   * Saves the pending list and refusals, coalesced: a week offline can make the pending list
   * long, and rewriting it on every keystroke-save would cost more than the save itself. The
   * documents themselves are safe either way; this is only the count shown.
   */
  private persist(rt: Runtime, urgent = false): void {
    const timer = this.persistTimers.get(rt);
    if (urgent) {
      // Refusals and withdrawals are known only from the push that reported them: a reload or
      // a closed window right after must not lose them.
      if (timer) clearTimeout(timer);
      this.persistTimers.delete(rt);
      this.persistNow(rt);
      return;
    }
    if (timer) return;
    // A save writes what changed in the pending list, and now and then the whole list
    // (pending-store.ts), which after a long offline spell is a large write: saves are spaced to
    // spend at most about a tenth of the time on it. A save lost in a crash only under-counts
    // "pending": replication sends by its own checkpoint, not by this list.
    const delay = Math.min(10_000, Math.max(250, rt.persistCostMs * 10));
    this.persistTimers.set(
      rt,
      setTimeout(() => {
        this.persistTimers.delete(rt);
        this.persistNow(rt);
      }, delay),
    );
  }

  private persistNow(rt: Runtime): void {
    rt.save = rt.save
      .then(async () => {
        // Taken when the save runs, not when it was asked for: by then the list is loaded and
        // may have changed again.
        const state: SavedSyncState = {
          refused: [...rt.persisted.refused],
          withdrawn: [...rt.persisted.withdrawn],
          lastSyncedAt: rt.persisted.lastSyncedAt,
          pendingCount: rt.pending.size,
        };
        if (rt.pending.dirty) {
          const started = Date.now();
          try {
            await rt.pending.save();
          } catch {
            // Retried later as a whole list; the rest of the state is saved now regardless.
            this.persist(rt);
          }
          rt.persistCostMs = Date.now() - started;
        }
        await updateLocal<SavedSyncState>(rt.local, SYNC_DOC, () => state);
      })
      .catch(() => undefined);
  }

  private emit(): void {
    if (this.emitTimer) return;
    // Coalesce bursts (a 20k-document pull) into at most ten updates a second.
    this.emitTimer = setTimeout(() => {
      this.emitTimer = null;
      this.opts.onStatus(this.overview());
    }, 100);
  }
}

/** True when a write method's first argument only touches `_local/` documents (never replicated). */
function onlyLocalDocs(method: (typeof WRITE_METHODS)[number], arg: unknown): boolean {
  const isLocal = (d: unknown) => {
    const id = typeof d === 'string' ? d : (d as { _id?: unknown } | null)?._id;
    return typeof id === 'string' && id.startsWith('_local/');
  };
  if (method === 'post') return false;
  if (method === 'bulkDocs') {
    const docs = Array.isArray(arg) ? arg : (arg as { docs?: unknown[] } | null)?.docs;
    return Array.isArray(docs) && docs.length > 0 && docs.every(isLocal);
  }
  return isLocal(arg);
}

interface DeniedError {
  id?: string;
  docId?: string;
  name?: string;
  error?: string;
  status?: number;
  reason?: string;
  message?: string;
}
