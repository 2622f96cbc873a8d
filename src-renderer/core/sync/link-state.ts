import type { ServerCredentials, SyncProblem } from '../rpc/contract';
import type { ConnectionDeps } from './connection';
import type { Runtime } from './runtime';
import type { Scheduler } from './scheduler';
import { ServerLink, type LinkTiming, type SessionUser } from './server-link';

export interface LinkStateDeps {
  dbs: ReadonlyMap<string, Runtime>;
  scheduler: Scheduler;
  shouldRun(): boolean;
  emit(): void;
  connection?: ConnectionDeps;
  linkTiming?: LinkTiming;
  onSessionUser?(user: SessionUser): void;
}

/**
 * The engine's side of the server link (server-link.ts): which address the replications run
 * against, why none can be used, and who the server says the user is. Replications start only
 * once an address answers, so a wrong password or a lockout is found by one request, not by a
 * replication per database (each wrong password counts towards a lockout).
 */
export class LinkState {
  /** The address the replications run against, or null while none answers. */
  syncingWith: string | null = null;
  /** Why no address can be used (shown on every database), or null. */
  problem: SyncProblem | null = null;
  private link: ServerLink | null = null;
  private firstAnswer: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LinkStateDeps) {}

  /** A fresh round of asking the server (connect, back online, resume); replications start when it answers. */
  relink(creds: ServerCredentials): void {
    this.unlink();
    const deps = this.deps.connection ?? {
      fetch: (i, init) => globalThis.fetch(i, init),
      origin: 'this app',
      corsApplies: false,
    };
    this.link = new ServerLink(
      creds.serverUrls ?? [creds.serverUrl],
      creds,
      deps,
      { up: (url, user) => this.up(url, user), down: (problem) => this.down(problem) },
      this.deps.linkTiming,
    );
    this.firstAnswer = this.link.check();
  }

  unlink(): void {
    this.link?.stop();
    this.link = null;
    this.syncingWith = null;
    this.problem = null;
  }

  /**
   * Who the server says the connected user is, from the link's first round (no request of its
   * own: each wrong password counts towards a lockout); null when it could not say.
   */
  async signedInUser(): Promise<SessionUser | null> {
    await this.firstAnswer;
    return this.link?.user ?? null;
  }

  /** A replication's failure that is about the server or the user, not the database, goes to the link. */
  replicationProblem(problem: SyncProblem): void {
    if (!this.link) return;
    if (problem.kind === 'auth') {
      // The password changed on the server: no further tries with it (each counts towards a lockout).
      this.link.stop();
      this.down(problem);
    } else if (problem.kind === 'locked') {
      this.link.suspect(false);
    } else if (problem.kind === 'network' || problem.kind === 'server' || problem.kind === 'cors') {
      this.link.suspect(problem.kind === 'server');
    }
  }

  /** The server answers at `url`: (re)start everything there after a failure or a change of address. */
  private up(url: string, user: SessionUser): void {
    const { scheduler, dbs } = this.deps;
    if (url !== this.syncingWith || this.problem) {
      scheduler.stopAll();
      this.syncingWith = url;
      this.problem = null;
      for (const rt of dbs.values()) {
        rt.problem = null;
        rt.fatal = false;
        rt.backOffMs = 0;
      }
      if (this.deps.shouldRun()) scheduler.startAll();
    } else if (this.deps.shouldRun()) {
      // Same address, still up: databases a lockout stopped start again.
      for (const rt of dbs.values()) {
        if (rt.live && !rt.fatal && !rt.push && !rt.pull && !rt.firstCopy && !rt.restartTimer)
          scheduler.start(rt);
      }
    }
    // After the replications restart: new rights may add databases (head office), which start as they are added.
    this.deps.onSessionUser?.(user);
    this.deps.emit();
  }

  private down(problem: SyncProblem): void {
    this.deps.scheduler.stopAll();
    this.syncingWith = null;
    this.problem = problem;
    this.deps.emit();
  }
}
