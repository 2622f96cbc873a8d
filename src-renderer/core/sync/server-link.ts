import type { SyncProblem } from '../rpc/contract';
import { nextBackOff } from './back-off';
import { probeAddress, type ConnectionDeps } from './connection';
import { LOCKOUT_WAIT_MS } from './lockout';
import { chooseAddress, type AddressOutcome } from './server-addresses';

/**
 * Which server the engine syncs with, and whether it may (issue 9 §13, §14, §18). Before any
 * replication starts, and again whenever one fails to reach the server, one `_session` request
 * per address asks "are you there, and who am I?":
 * - a wrong password stops sync after that one request (five wrong ones lock the user out on
 *   CouchDB 3.4+, and a replication per database would make five at once);
 * - a locked-out user is left alone until the lockout has passed, since every try prolongs it;
 * - a network failure that a no-cors request gets through is a CORS refusal, said as such;
 * - an unreachable or busy node hands over to the next address; the first is asked again now
 *   and then and taken back once it answers;
 * - every time the server answers after a failure the engine gets the user's current roles,
 *   so rights fixed while the app was open take effect without a restart.
 */

export type SessionUser = { name: string; roles: string[] };

export interface LinkEvents {
  /** Sync with this address as this user (called again after every recovery or change of address). */
  up(url: string, user: SessionUser): void;
  /** No address can be used; `fatal`: do not retry until the user changes something. */
  down(problem: SyncProblem, fatal: boolean): void;
}

export interface LinkTiming {
  retryMs(previousMs: number): number;
  lockoutMs: number;
  failbackMs(previousMs: number): number;
}

const DEFAULT_TIMING: LinkTiming = {
  retryMs: (ms) => nextBackOff(ms),
  lockoutMs: LOCKOUT_WAIT_MS,
  // The preferred node is asked again after 5 s, then less and less often, at most once a minute.
  failbackMs: (ms) => nextBackOff(Math.max(ms, 2_500)),
};

export class ServerLink {
  private current: string | null = null;
  private checking: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = 0;
  private failbackMs = 0;
  private stopped = false;

  constructor(
    private readonly urls: readonly string[],
    private readonly creds: { username: string; password: string },
    private readonly deps: ConnectionDeps,
    private readonly events: LinkEvents,
    private readonly timing: LinkTiming = DEFAULT_TIMING,
    private readonly probe = probeAddress,
  ) {}

  /** Who the server said the user is, at the last answer (null before, or after a refusal). */
  user: SessionUser | null = null;

  /** The address in use, or null while none can be used. */
  get url(): string | null {
    return this.current;
  }

  /**
   * Asks the addresses in order (`avoid`, the one a replication just failed on, last) and
   * reports the outcome. Concurrent calls share one round.
   */
  check(avoid: string | null = null): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.checking ??= this.round(avoid).finally(() => (this.checking = null));
    return this.checking;
  }

  /**
   * A replication failed on the current address. Unless a round or a retry is already on its
   * way, asks again; `busy` (5xx, or 412 while a cluster node goes away) prefers the other nodes.
   */
  suspect(busy: boolean): void {
    if (this.stopped || this.checking || (this.timer && this.current === null)) return;
    void this.check(busy ? this.current : null);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async round(avoid: string | null): Promise<void> {
    this.clearTimer();
    const order =
      avoid && this.urls.length > 1
        ? [...this.urls.filter((u) => u !== avoid), avoid]
        : [...this.urls];
    const outcomes: AddressOutcome[] = [];
    for (const url of order) {
      const o = await this.probe(url, this.creds, this.deps);
      if (this.stopped) return;
      outcomes.push(o);
      // A refused password would be refused by every node, and each try counts towards a lockout.
      if (o.kind !== 'down') break;
    }
    const choice = chooseAddress(order.slice(0, outcomes.length), outcomes);
    if (choice.url === null) {
      this.current = null;
      if (choice.refused) this.user = null;
      const fatal = choice.problem.kind === 'auth';
      // Nothing more is sent with a refused password: a new link comes with new credentials.
      if (fatal) this.stopped = true;
      this.events.down(choice.problem, fatal);
      if (fatal) return;
      this.retryMs =
        choice.problem.kind === 'locked'
          ? (choice.retryAfterMs ?? this.timing.lockoutMs)
          : this.timing.retryMs(this.retryMs);
      this.timer = setTimeout(() => void this.check(), this.retryMs);
      return;
    }
    this.retryMs = 0;
    this.current = choice.url;
    this.user = choice.user;
    this.events.up(choice.url, choice.user);
    if (choice.url !== this.urls[0]) this.scheduleFailback(true);
  }

  /** While on a stand-in node, the preferred one is asked now and then and taken back when it answers. */
  private scheduleFailback(first: boolean): void {
    if (first) this.failbackMs = 0;
    this.failbackMs = this.timing.failbackMs(this.failbackMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped || this.checking || this.current === this.urls[0] || this.current === null)
        return;
      const preferred = this.urls[0]!;
      this.checking = this.probe(preferred, this.creds, this.deps)
        .then((o) => {
          if (this.stopped) return;
          if (o.kind === 'up') {
            this.current = preferred;
            this.events.up(preferred, o.user);
          } else {
            this.scheduleFailback(false);
          }
        })
        .finally(() => (this.checking = null));
    }, this.failbackMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
