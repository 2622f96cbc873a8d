/**
 * Issue 4 (b): how long an edit in one online office takes to show in another online office.
 *
 * Two devices in this page, each a whole core (createCore: own PouchDB databases, own Dexie
 * index, own sync engine) under its own name prefix, both head-office users live-syncing the
 * same branch database on the bench server. Device A edits a draft journal entry through the
 * Accounts module (the repository's write path); the clock runs from just before A's save
 * until B shows the edit: first when the new revision is in B's local database, then when B's
 * index lists it with the new memo (`accounts.listDocs`, what the clerk's list reads).
 *
 * Both devices share this page's six connections to the server (two offices would each have
 * their own): their four live pulls hold four of them. Giving office B its own pool (reaching
 * the server as localhost) measured the same, so the bench keeps the simpler setup.
 */
import { createCore, type Core } from '../../src-renderer/core/create-core';
import { branchDbName } from '../../src-renderer/core/db/names';
import { browserPouchEnv } from '../../src-renderer/core/db/pouch-browser';
import type { CoreEvent, SyncOverview } from '../../src-renderer/core/rpc/contract';
import type { RpcMethod, RpcMethods } from '../../src-renderer/modules/contracts';
import { MODULES } from '../../src-renderer/modules/registry';
import { median, type BenchConfig, type BenchResults } from './protocol';

export interface LatencyBenchConfig extends BenchConfig {
  /** A branch provisioned on the server for this bench, kept apart from the seeded one. */
  branchCode: string;
  edits: number;
}

const BRANCH_TIMEOUT_MS = 60_000;
const EDIT_TIMEOUT_MS = 30_000;

interface Device {
  core: Core;
  events: CoreEvent[];
  listeners: Set<(e: CoreEvent) => void>;
}

function call<M extends RpcMethod>(
  core: Core,
  method: M,
  params: RpcMethods[M]['params'],
): Promise<RpcMethods[M]['result']> {
  return (core.handlers[method] as (p: unknown) => Promise<RpcMethods[M]['result']>)(params);
}

async function device(prefix: string): Promise<Device> {
  const listeners = new Set<(e: CoreEvent) => void>();
  const events: CoreEvent[] = [];
  const core = await createCore({
    env: { ...browserPouchEnv(), prefix },
    emit: (e) => {
      if (e.kind === 'changed' || e.kind === 'sync') events.push(e);
      for (const l of listeners) l(e);
    },
    modules: MODULES,
  });
  return { core, events, listeners };
}

/** Resolves when `check` holds, re-checked on every event of the device and every `everyMs`. */
function when<T>(
  d: Device,
  check: () => Promise<T | null>,
  label: string,
  timeoutMs: number,
  everyMs = 50,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let busy = false;
    let again = false;
    const finish = (fn: () => void) => {
      clearInterval(poll);
      clearTimeout(timer);
      d.listeners.delete(run);
      fn();
    };
    const run = () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      check()
        .then((v) => {
          busy = false;
          if (v !== null) finish(() => resolve(v));
          else if (again) {
            again = false;
            run();
          }
        })
        .catch((e: unknown) => {
          busy = false;
          finish(() => reject(e instanceof Error ? e : new Error(String(e))));
        });
    };
    const poll = setInterval(run, everyMs);
    const timer = setTimeout(
      () => finish(() => reject(new Error(`Timed out waiting for ${label}`))),
      timeoutMs,
    );
    d.listeners.add(run);
    run();
  });
}

const upToDate = (d: Device) =>
  when(
    d,
    async () => {
      const s: SyncOverview = await call(d.core, 'sync.getStatus', undefined);
      return s.state === 'up-to-date' && s.pending === 0 ? s : null;
    },
    'up to date',
    BRANCH_TIMEOUT_MS,
  );

export async function runLatencyBench(config: LatencyBenchConfig): Promise<BenchResults> {
  const stamp = Date.now();
  const creds = {
    serverUrl: config.serverUrl,
    username: config.username,
    password: config.password,
  };
  const a = await device(`lat-a-${stamp}-`);
  const b = await device(`lat-b-${stamp}-`);
  try {
    // Office A sets the company up and pushes it; office B joins the same branch.
    await call(a.core, 'setup.createCompany', {
      company: {
        name: 'Latency Trading',
        orgCode: config.org,
        baseCurrency: 'USD',
        fiscalYearStartMonth: 1,
      },
      branch: { code: config.branchCode, name: 'Latency branch', currency: 'USD' },
      device: { letter: 'A', label: 'Office A' },
      userName: 'Office A',
    });
    await call(a.core, 'accounts.setupStarterChart', undefined);
    await call(a.core, 'sync.connect', creds);
    await upToDate(a);
    await call(b.core, 'setup.joinCompany', {
      ...creds,
      orgCode: config.org,
      branchCode: config.branchCode,
      device: { letter: 'B', label: 'Office B' },
      userName: 'Office B',
    });
    await upToDate(b);

    const branchDb = branchDbName(config.branchCode);
    // Two postable accounts of the starter chart: an expense and the bank.
    const [expense, bank] = ['6100', '1200'];
    const input = (memo: string, amount: number) => ({
      date: '2026-03-02',
      memo,
      currency: 'USD',
      lines: [
        { account: expense, debit: amount, credit: 0 },
        { account: bank, debit: 0, credit: amount },
      ],
    });
    const draft = await call(a.core, 'accounts.saveJournalDraft', input('Latency draft', 100));
    const bLocal = () => b.core.session()!.dbs.get(branchDb)!;
    await when(
      b,
      async () =>
        (await bLocal()
          .get(draft._id)
          .catch(() => null)) ?? null,
      'the draft at B',
      BRANCH_TIMEOUT_MS,
    );

    // When each revision of the draft lands in B's database: B's own changes feed says so.
    const landed = new Map<string, number>();
    const waiting = new Map<string, (t: number) => void>();
    const feed = bLocal()
      .changes({ live: true, since: 'now', style: 'all_docs', doc_ids: [draft._id] })
      .on('change', (c) => {
        const t = performance.now();
        for (const { rev } of c.changes) {
          landed.set(rev, t);
          waiting.get(rev)?.(t);
        }
      });
    const arrival = (rev: string, i: number) =>
      new Promise<number>((resolve, reject) => {
        const seen = landed.get(rev);
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(
          () => reject(new Error(`Timed out waiting for edit ${i} in B's database`)),
          EDIT_TIMEOUT_MS,
        );
        waiting.set(rev, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });

    const toLocal: number[] = [];
    const toList: number[] = [];
    // One edit more than measured: the first warms up code paths and connections.
    for (let i = 0; i <= config.edits; i++) {
      const memo = `Latency edit ${i} ${stamp.toString(36)}`;
      const t0 = performance.now();
      const saved = await call(a.core, 'accounts.saveJournalDraft', {
        id: draft._id,
        ...input(memo, 100 + i),
      });
      const arrived = arrival(saved._rev!, i);
      const listed = when(
        b,
        async () => {
          const { rows } = await call(b.core, 'accounts.listDocs', {
            type: 'journalEntry',
            status: 'draft',
            limit: 10,
          });
          return rows.some((r) => r.id === draft._id && r.memo === memo) ? performance.now() : null;
        },
        `edit ${i} in B's list`,
        EDIT_TIMEOUT_MS,
        10,
      );
      const [tLocal, tList] = await Promise.all([arrived, listed]);
      if (i > 0) {
        toLocal.push(tLocal - t0);
        toList.push(tList - t0);
      }
      // A clerk does not save twenty times a second.
      await new Promise((r) => setTimeout(r, 200 + ((i * 37) % 200)));
    }
    feed.cancel();
    console.log(
      `edit → other office: in its database ${toLocal.map((x) => Math.round(x)).join(' / ')} ms`,
    );
    console.log(
      `edit → other office: in its list ${toList.map((x) => Math.round(x)).join(' / ')} ms`,
    );
    return {
      edit_to_other_office_median: { value: median(toList), unit: 'ms', runs: toList },
      edit_to_other_office_db_median: { value: median(toLocal), unit: 'ms', runs: toLocal },
      edit_to_other_office_max: { value: Math.max(...toList), unit: 'ms' },
    };
  } finally {
    await a.core.close();
    await b.core.close();
  }
}
