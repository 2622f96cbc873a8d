import type { WriteEvent } from '../db/local-writes';
import { remoteDbName } from '../db/names';
import { readLocal, updateLocal } from '../db/pouch';
import { initialPull, InitialPullCancelled, type Seq } from './initial-pull';
import {
  BATCH_SIZE,
  type FirstCopyRun,
  type Replication,
  type Runtime,
  type SyncContext,
} from './runtime';

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

/** What the first copy needs of the scheduler (scheduler.ts) to hand over to the replications. */
export interface CopyHandOver {
  startPush(
    rt: Runtime,
    options: PouchDB.Replication.ReplicateOptions,
    live: boolean,
    serverUrl: string,
  ): void;
  trackPush(rt: Runtime, push: Replication): void;
  watch(
    rt: Runtime,
    dir: 'push' | 'pull',
    rep: Replication,
    live: boolean,
    serverUrl: string,
  ): void;
  failed(rt: Runtime, dir: 'push' | 'pull', err: unknown, serverUrl: string): void;
}

/**
 * The first copy of a database from the server, and the progress shown meanwhile.
 *
 * Copy-only (`Runtime.copyOnly`): "every change in this database is a revision the server
 * sent", true of a database that was empty when this session's first copy began, until
 * anything else writes to it. While it holds, the push has nothing to send, so it waits for the
 * copy and then starts after the copy's last local sequence, instead of reading every copied
 * document back and asking the server whether it has them (a third of the time of a first
 * sync). Every other write of a replicated document goes through LocalWrites, whose `before`
 * event arrives before PouchDB sees the write: the first one ends copy-only and starts the
 * push, so that write gets a sequence the push reads. The copy writes with the database's own
 * bulkDocs and `_local/` documents are written directly: neither is a local write.
 */
export class FirstCopy {
  /** Databases written to in this session, from before the engine was given them. */
  private readonly writtenHere = new Set<string>();

  constructor(private readonly ctx: SyncContext) {}

  /** The engine's subscription to the local write path, for `before` events. */
  heard(event: WriteEvent): void {
    if (event.phase !== 'before') return;
    this.writtenHere.add(event.db);
    const rt = this.ctx.dbs.get(event.db);
    if (!rt?.copyOnly) return;
    rt.copyOnly = null;
    rt.firstCopy?.onLocalWrite?.();
  }

  /** Copy-only for a database just given to the engine, unless something wrote to it already. */
  initialWatch(name: string): Runtime['copyOnly'] {
    return this.writtenHere.has(name) ? null : { copying: false };
  }

  /**
   * The push and the pull. A database never copied from this server starts with the fast first
   * copy (initial-pull.ts), resumable page by page, then hands over to the replication at the
   * sequence it reached: a one-shot pull from there catches whatever changed meanwhile and
   * writes the replication checkpoint, and the regular (live) pull carries on from it. The push
   * waits for the copy while nothing else writes here (copy-only), then starts after it the same way.
   */
  async run(
    rt: Runtime,
    run: FirstCopyRun,
    options: PouchDB.Replication.ReplicateOptions,
    live: boolean,
    serverUrl: string,
    to: CopyHandOver,
  ): Promise<void> {
    const remote = rt.remote!;
    // The preferred address names the service: a cluster's nodes share its sequences, so a copy
    // begun through one node resumes through another.
    const key = `${this.ctx.creds()?.serverUrl ?? serverUrl}/${remoteDbName(this.ctx.orgCode, rt.name)}`;
    const startPush = () => {
      if (!run.cancelled && !rt.push) to.startPush(rt, options, live, serverUrl);
    };
    try {
      // What the push reports is checked against the pending list: have it first.
      await rt.saved.loaded;
      if (run.cancelled) return;
      const from = await this.copyFrom(rt, key);
      if (run.cancelled) return;
      if (from?.fresh && rt.copyOnly) rt.copyOnly.copying = true;
      // A copy resumed from an earlier session may sit beside that session's own writes.
      if (!from || !rt.copyOnly?.copying) rt.copyOnly = null;
      if (rt.copyOnly) run.onLocalWrite = startPush;
      else startPush();
      if (from) {
        rt.pull_ = 'active';
        this.ctx.emit();
        let saving: Promise<unknown> | null = null;
        const copied = await initialPull({ bulkDocs: rt.local.bulkDocs.bind(rt.local) }, remote, {
          since: from.since,
          pageSize: FIRST_COPY_PAGE,
          cancelled: () => run.cancelled,
          onPage: ({ docs, seq }) => {
            // A page arrived, so the server is back: the next interruption waits from the start
            // again (10 interruptions of a first copy used to add up to 5 minutes of waiting),
            // and the problem of the last try no longer describes what is happening.
            rt.backOffMs = 0;
            rt.problem = null;
            if (rt.progress)
              rt.progress = {
                ...rt.progress,
                done: Math.min(rt.progress.total ?? Infinity, rt.progress.done + docs),
              };
            // Resume point, saved after the page is written; skipped while the previous save runs.
            saving ??= updateLocal<FirstCopyMarker>(rt.local, FIRST_COPY_DOC, () => ({
              remote: key,
              since: seq,
              done: false,
            }))
              .catch(() => undefined)
              .finally(() => (saving = null));
            this.ctx.emit();
          },
        });
        if (run.cancelled) return;
        const tails: Replication[] = [];
        if (rt.copyOnly) {
          // Everything up to here came from the server: the push starts after it.
          const { update_seq: localSeq } = await rt.local.info();
          if (run.cancelled) return;
          if (rt.copyOnly) {
            rt.copyOnly = null;
            const pushTail = rt.local.replicate.to(remote, {
              batch_size: BATCH_SIZE,
              batches_limit: 4,
              since: localSeq,
            } as PouchDB.Replication.ReplicateOptions);
            to.trackPush(rt, pushTail);
            tails.push(pushTail);
          }
        }
        const pullTail = rt.local.replicate.from(remote, {
          batch_size: BATCH_SIZE,
          batches_limit: 4,
          since: copied.seq,
        } as PouchDB.Replication.ReplicateOptions);
        this.trackPullProgress(rt, pullTail);
        tails.push(pullTail);
        run.tails = tails;
        await Promise.all(tails);
        if (run.cancelled) return;
        await updateLocal<FirstCopyMarker>(rt.local, FIRST_COPY_DOC, () => ({
          remote: key,
          since: copied.seq,
          done: true,
        }));
      }
    } catch (err) {
      if (run.cancelled || err instanceof InitialPullCancelled) return;
      to.failed(rt, 'pull', err, serverUrl);
      return;
    }
    if (run.cancelled) return;
    rt.firstCopy = null;
    startPush();
    const pull = rt.local.replicate.from(remote, options);
    rt.pull = pull;
    this.trackPullProgress(rt, pull);
    to.watch(rt, 'pull', pull, live, serverUrl);
  }

  /**
   * Where the first copy starts, or null when the replication alone should pull: a database
   * that already holds documents has a replication checkpoint (or local work only the
   * replication merges with care for what is already there).
   */
  private async copyFrom(rt: Runtime, key: string): Promise<{ since: Seq; fresh: boolean } | null> {
    const marker = await readLocal<FirstCopyMarker>(rt.local, FIRST_COPY_DOC);
    if (marker && marker.remote === key)
      return marker.done ? null : { since: marker.since, fresh: false };
    const info = await rt.local.info();
    return Number(info.update_seq) === 0 ? { since: 0, fresh: true } : null;
  }

  trackPullProgress(rt: Runtime, rep: Replication): void {
    let base: number | null = null;
    rep.on('change', (info) => {
      rt.backOffMs = 0;
      this.ctx.pulled(rt.name);
      if (rt.progress) {
        base ??= rt.progress.done;
        rt.progress = {
          ...rt.progress,
          done: Math.min(
            rt.progress.total ?? Infinity,
            base + (info as { docs_written: number }).docs_written,
          ),
        };
      }
      this.ctx.emit();
    });
  }

  /** The progress bar of an initial sync: how many documents the server holds. */
  async measure(rt: Runtime): Promise<void> {
    if (rt.saved.lastSyncedAt || !rt.remote) return;
    try {
      const info = await rt.remote.info();
      // A resumed initial sync counts from where its checkpoint left off.
      const local = await rt.local.info();
      if (rt.pull_ !== 'idle')
        rt.progress = {
          done: local.doc_count,
          // A database the server lacks answers without a count: unknown, not NaN.
          total: Number.isFinite(info.doc_count) ? Math.max(info.doc_count, local.doc_count) : null,
          startedAt: this.ctx.now().toISOString(),
        };
      this.ctx.emit();
    } catch {
      // The replication reports the same failure in its own words.
    }
  }
}
