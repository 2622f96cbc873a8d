import { remoteDbName } from '../db/names';
import { openRemoteDb } from '../db/pouch';
import { nextBackOff } from './back-off';
import { describeSyncError } from './describe-error';
import type { CopyHandOver, FirstCopy } from './first-copy';
import type { PendingList } from './pending';
import type { DeniedError, RefusalLog } from './refusals';
import {
  BATCH_SIZE,
  MAX_LIVE,
  type FirstCopyRun,
  type Replication,
  type Runtime,
  type SyncContext,
} from './runtime';

/** How often a head office's databases beyond MAX_LIVE each get their turn of a one-shot sync. */
export const ROTATION_MS = 60_000;

/**
 * Which replications run (DESIGN §5): one live, retrying push and pull for each of the first
 * MAX_LIVE databases, and one-shot syncs in turn for the rest (a head office with many
 * branches), restarted after failures with a back-off capped at about a minute. Owns the
 * replications, the rotation timer and the restart timers.
 */
export class Scheduler implements CopyHandOver {
  private rotation: {
    names: string[];
    next: number;
    lastTurn: Map<string, number>;
    timer: ReturnType<typeof setTimeout> | null;
  } | null = null;

  constructor(
    private readonly ctx: SyncContext,
    private readonly firstCopy: FirstCopy,
    private readonly pending: PendingList,
    private readonly refusals: RefusalLog,
    /** How often the rotation moves on; shorter only in tests. */
    private readonly rotationMs = ROTATION_MS,
  ) {}

  startAll(): void {
    const names = [...this.ctx.dbs.keys()].filter((n) => !this.ctx.heldBack(n));
    names.forEach((name, i) => {
      const rt = this.ctx.dbs.get(name)!;
      rt.live = i < MAX_LIVE;
      if (rt.live) this.start(rt);
    });
    const rest = names.slice(MAX_LIVE);
    if (rest.length === 0) return;
    // A database added while the rotation runs (a new branch at head office) joins it.
    if (this.rotation) this.rotation.names = rest;
    else this.rotation = { names: rest, next: 0, lastTurn: new Map(), timer: null };
    this.turn();
  }

  /**
   * The next one-shot sync of the rotation: one at a time (the live ones hold the connections
   * a browser allows per host), back to back, and each database at most once per rotationMs,
   * so a head office's branches are all copied right after sign-in and then checked in turn
   * without asking the server about idle databases over and over.
   */
  private turn(): void {
    const r = this.rotation;
    if (!r || !this.ctx.shouldRun()) return;
    if (r.timer) clearTimeout(r.timer);
    r.timer = null;
    const running = (rt: Runtime | undefined) =>
      !!rt && !rt.live && !!(rt.push || rt.pull || rt.firstCopy);
    if (r.names.some((n) => running(this.ctx.dbs.get(n)))) return;
    const now = Date.now();
    let wait = Infinity;
    for (let k = 0; k < r.names.length; k++) {
      const i = (r.next + k) % r.names.length;
      const name = r.names[i]!;
      const rt = this.ctx.dbs.get(name);
      if (!rt || rt.live || rt.fatal) continue;
      const due = (r.lastTurn.get(name) ?? -Infinity) + this.rotationMs;
      if (due > now) {
        wait = Math.min(wait, due - now);
        continue;
      }
      r.next = i + 1;
      r.lastTurn.set(name, now);
      this.start(rt, false);
      if (running(rt)) return;
    }
    if (wait < Infinity) r.timer = setTimeout(() => this.turn(), wait);
  }

  /**
   * A local write to a database waiting for its turn: its turn comes now, not up to a minute
   * later (the rotation spaces out asking the server, not sending what was written here).
   */
  wrote(name: string): void {
    const r = this.rotation;
    if (!r?.names.includes(name) || this.ctx.dbs.get(name)?.live) return;
    r.lastTurn.delete(name);
    this.turn();
  }

  start(rt: Runtime, live = true): void {
    const creds = this.ctx.creds();
    if (!creds || rt.fatal || this.ctx.heldBack(rt.name)) return;
    this.stop(rt);
    const serverUrl = this.ctx.syncingWith();
    if (!serverUrl) return;
    const { username, password } = creds;
    rt.remote = openRemoteDb(this.ctx.env, serverUrl, remoteDbName(this.ctx.orgCode, rt.name), {
      username,
      password,
    });
    rt.push_ = 'starting';
    rt.pull_ = 'starting';
    const options = {
      live,
      retry: live,
      batch_size: BATCH_SIZE,
      batches_limit: 4,
      back_off_function: (ms: number) => nextBackOff(ms),
    };
    void this.firstCopy.measure(rt);
    const run: FirstCopyRun = { cancelled: false, tails: [], onLocalWrite: null };
    rt.firstCopy = run;
    void this.firstCopy.run(rt, run, options, live, serverUrl, this);
  }

  startPush(
    rt: Runtime,
    options: PouchDB.Replication.ReplicateOptions,
    live: boolean,
    serverUrl: string,
  ): void {
    // From here the push's own checkpoint covers every local change.
    rt.copyOnly = null;
    const push = rt.local.replicate.to(rt.remote!, options);
    rt.push = push;
    this.trackPush(rt, push);
    this.watch(rt, 'push', push, live, serverUrl);
  }

  trackPush(rt: Runtime, push: Replication): void {
    this.pending.trackPush(rt, push, (err) => this.refusals.refused(rt, err as DeniedError));
  }

  failed(rt: Runtime, dir: 'push' | 'pull', err: unknown, serverUrl: string): void {
    rt[`${dir}_`] = 'failed';
    rt.problem = describeSyncError(err, {
      serverUrl,
      remoteName: remoteDbName(this.ctx.orgCode, rt.name),
    });
    // A wrong password or a refused database will not fix itself: wait for the user. A locked
    // user waits for the link, which tries again once the lockout has passed.
    rt.fatal = rt.problem.kind === 'auth' || rt.problem.kind === 'denied';
    this.stop(rt);
    if (!rt.fatal && rt.problem.kind !== 'locked') this.scheduleRestart(rt);
    this.ctx.replicationProblem(rt.problem);
    // A one-shot sync that failed gives the next database its turn (it retries on its own next turn).
    if (!rt.live) this.turn();
    this.ctx.emit();
  }

  watch(
    rt: Runtime,
    dir: 'push' | 'pull',
    rep: Replication,
    live: boolean,
    serverUrl: string,
  ): void {
    // A stopped replication can still report: only the current one speaks for the database.
    const current = () => rt.push === rep || rt.pull === rep;
    rep.on('active', () => {
      if (!current()) return;
      rt[`${dir}_`] = 'active';
      rt.problem = null;
      this.ctx.emit();
    });
    rep.on('paused', (err?: unknown) => {
      if (!current()) return;
      if (err) {
        rt[`${dir}_`] = 'failed';
        rt.problem = describeSyncError(err, {
          serverUrl,
          remoteName: remoteDbName(this.ctx.orgCode, rt.name),
        });
        this.ctx.replicationProblem(rt.problem);
      } else {
        rt[`${dir}_`] = 'idle';
        rt.problem = null;
        rt.backOffMs = 0;
        this.afterIdle(rt);
      }
      this.ctx.emit();
    });
    rep.on('error', (err: unknown) => {
      if (!current()) return;
      this.failed(rt, dir, err, serverUrl);
    });
    rep.on('complete', () => {
      if (!current() || live) return;
      rt[`${dir}_`] = 'idle';
      if (rt.push_ === 'idle' && rt.pull_ === 'idle') {
        this.afterIdle(rt);
        rt.push = null;
        rt.pull = null;
        this.turn();
      }
      this.ctx.emit();
    });
  }

  private scheduleRestart(rt: Runtime): void {
    if (rt.restartTimer) clearTimeout(rt.restartTimer);
    rt.backOffMs = nextBackOff(rt.backOffMs);
    rt.restartTimer = setTimeout(() => {
      rt.restartTimer = null;
      if (this.ctx.shouldRun() && rt.live) this.start(rt);
    }, rt.backOffMs);
  }

  private afterIdle(rt: Runtime): void {
    if (rt.push_ !== 'idle' || rt.pull_ !== 'idle') return;
    rt.progress = null;
    rt.saved.lastSyncedAt = this.ctx.now().toISOString();
    rt.saved.persist();
    void this.pending.reconcile(rt);
  }

  stop(rt: Runtime): void {
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

  stopAll(): void {
    if (this.rotation?.timer) clearTimeout(this.rotation.timer);
    this.rotation = null;
    for (const rt of this.ctx.dbs.values()) this.stop(rt);
  }
}
