/**
 * Accounts benchmark (issue 3): a generated company of `years` × `branches` with about
 * `ledgerLines` posted ledger lines, run through the real core (repositories, projector,
 * reports) with the indexeddb adapter in Chromium.
 */
import { profiled } from './profile';
import { createCore, type Core } from '../../src-renderer/core/create-core';
import { browserPouchEnv } from '../../src-renderer/core/db/pouch-browser';
import type { Repository } from '../../src-renderer/core/db/repository';
import { MODULES } from '../../src-renderer/modules/registry';
import type { JournalEntry, LedgerLine } from '../../src-renderer/modules/accounts/domain/schemas';
import type { CoreEvent } from '../../src-renderer/core/rpc/contract';
import type { RpcMethod, RpcMethods } from '../../src-renderer/modules/contracts';
import { generateLedger, ledgerCsv } from '../ledger-generator';
import { median, type BenchResults } from './protocol';

export interface AccountsBenchConfig {
  ledgerLines: number;
  branches: number;
  years: number;
  importLines: number;
  repeat: number;
  /** Also time a full index rebuild (long at a million lines). */
  rebuild: boolean;
}

const BRANCH_CODES = [
  'NYC',
  'BOS',
  'CHI',
  'LAX',
  'SFO',
  'SEA',
  'MIA',
  'ATL',
  'DAL',
  'DEN',
  'PHX',
  'DET',
];

function call<M extends RpcMethod>(
  core: Core,
  method: M,
  params: RpcMethods[M]['params'],
): Promise<RpcMethods[M]['result']> {
  return (core.handlers[method] as (p: unknown) => Promise<RpcMethods[M]['result']>)(params);
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function timesMedian(
  n: number,
  fn: () => Promise<unknown>,
): Promise<{ value: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < n; i++) runs.push(await time(fn));
  return { value: median(runs), runs };
}

export async function runAccountsBench(config: AccountsBenchConfig): Promise<BenchResults> {
  const env = browserPouchEnv();
  const out: BenchResults = {};
  // Progress of long index work, so a slow step shows where the time goes.
  let lastLogged = 0;
  const emit = (e: CoreEvent) => {
    if (e.kind === 'progress' && e.total && (e.finished || e.done - lastLogged >= e.total / 10)) {
      lastLogged = e.finished ? 0 : e.done;
      console.log(`  ${e.label}: ${e.done.toLocaleString('en')} / ${e.total.toLocaleString('en')}`);
    }
  };
  let core = await createCore({ env, emit, modules: MODULES });
  await call(core, 'setup.createCompany', {
    company: {
      name: 'Bench Trading',
      orgCode: 'benchco',
      baseCurrency: 'USD',
      fiscalYearStartMonth: 1,
    },
    branch: { code: 'NYC', name: 'New York', currency: 'USD' },
    device: { letter: 'A', label: 'Bench' },
    userName: 'Bench',
  });
  await call(core, 'accounts.setupStarterChart', undefined);
  const session = core.session()!;
  const branches = BRANCH_CODES.slice(0, config.branches);

  // Seed through the repository (zod + PouchDB), in batches, as posted entries of every branch.
  console.log(`seeding about ${config.ledgerLines.toLocaleString('en')} ledger lines…`);
  const repo = session.repository<JournalEntry>(
    session.homeBranchDbName,
    'journalEntry',
  ) as Repository<JournalEntry>;
  let lines = 0;
  let batch: JournalEntry[] = [];
  let seq = 0;
  const seedStart = performance.now();
  for (const e of generateLedger({
    branches,
    years: config.years,
    firstYear: 2021,
    targetLines: config.ledgerLines,
  })) {
    seq++;
    const ledger: LedgerLine[] = e.lines.map((l) => ({
      ...l,
      baseDebit: l.debit,
      baseCredit: l.credit,
      party: null,
      memo: '',
      branch: e.branch,
    }));
    batch.push(
      repo.build(
        {
          number: `${e.branch}-A-JE-${String(seq).padStart(7, '0')}`,
          date: e.date,
          memo: e.memo,
          reference: '',
          status: 'posted',
          kind: 'manual',
          currency: 'USD',
          rate: '1',
          lines: ledger,
          reverses: null,
          postedAt: new Date().toISOString(),
          postedBy: 'Bench',
        },
        'NYC',
      ),
    );
    lines += ledger.length;
    if (batch.length === 1000) {
      await repo.createMany(batch);
      batch = [];
      if (seq % 50_000 === 0) console.log(`  ${seq.toLocaleString('en')} entries`);
    }
  }
  if (batch.length) await repo.createMany(batch);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(`seeded ${seq} entries / ${lines} lines in ${seedSeconds.toFixed(0)} s; projecting…`);
  out.ledger_lines = { value: lines, unit: 'lines' };
  out.ledger_seed_write = { value: seq / seedSeconds, unit: 'entries/s' };
  // The projector follows the writes as they happen; this is what was still queued at the end.
  const projStart = performance.now();
  await session.projector.settle();
  out.ledger_index_catch_up_after_seed = { value: performance.now() - projStart, unit: 'ms' };
  console.log(`index caught up in ${Math.round(out.ledger_index_catch_up_after_seed.value)} ms`);
  if (config.rebuild) {
    const rebuild = await time(() => call(core, 'index.rebuild', undefined));
    out.ledger_index_rebuild = { value: lines / (rebuild / 1000), unit: 'lines/s' };
  }

  const reps = config.repeat;
  // One of each report under the profiler (BENCH_PROFILE=reports), before the timed runs.
  await profiled('reports', async () => {
    await call(core, 'accounts.trialBalance', { asOf: '2025-12-31' });
    await call(core, 'accounts.trialBalance', { asOf: '2025-06-15', branch: 'BOS' });
    await call(core, 'accounts.profitAndLoss', {
      from: '2025-01-01',
      to: '2025-12-31',
      compareFrom: '2024-01-01',
      compareTo: '2024-12-31',
    });
    await call(core, 'accounts.balanceSheet', { asOf: '2025-12-31', compareAsOf: '2024-12-31' });
  });
  const tb = await timesMedian(reps, () =>
    call(core, 'accounts.trialBalance', { asOf: '2025-12-31' }),
  );
  out.trial_balance_consolidated = { value: tb.value, unit: 'ms', runs: tb.runs };
  const tbBranch = await timesMedian(reps, () =>
    call(core, 'accounts.trialBalance', { asOf: '2025-06-15', branch: 'BOS' }),
  );
  out.trial_balance_one_branch_mid_month = {
    value: tbBranch.value,
    unit: 'ms',
    runs: tbBranch.runs,
  };
  const pl = await timesMedian(reps, () =>
    call(core, 'accounts.profitAndLoss', {
      from: '2025-01-01',
      to: '2025-12-31',
      compareFrom: '2024-01-01',
      compareTo: '2024-12-31',
    }),
  );
  out.profit_and_loss_with_comparison = { value: pl.value, unit: 'ms', runs: pl.runs };
  const bs = await timesMedian(reps, () =>
    call(core, 'accounts.balanceSheet', { asOf: '2025-12-31', compareAsOf: '2024-12-31' }),
  );
  out.balance_sheet_with_comparison = { value: bs.value, unit: 'ms', runs: bs.runs };
  const gl = await timesMedian(reps, () =>
    call(core, 'accounts.generalLedger', {
      account: '1200',
      from: '2021-01-01',
      to: '2025-12-31',
      limit: 200,
    }),
  );
  out.general_ledger_first_page = { value: gl.value, unit: 'ms', runs: gl.runs };

  // Saving an invoice: the clerk's wait after pressing "Issue".
  const customer = await call(core, 'accounts.saveParty', {
    fields: { kind: 'customer', code: 'C-1', name: 'Bench Customer', currency: 'USD' },
  });
  const saves: number[] = [];
  for (let i = 0; i < 30; i++) {
    saves.push(
      await time(() =>
        call(core, 'accounts.issueTradeDoc', {
          side: 'sales',
          kind: 'invoice',
          partyId: customer._id,
          date: '2026-01-15',
          currency: 'USD',
          lines: [
            {
              description: 'Beans',
              quantity: '3',
              unitPrice: 1999,
              discountBp: 0,
              taxCode: 'STD',
              account: '4100',
              itemCode: '',
            },
          ],
        }),
      ),
    );
  }
  out.save_invoice_median = { value: median(saves), unit: 'ms', runs: saves };

  // First screen after start: open the core on the existing data and make every call the
  // dashboard page makes (app state, then its cards side by side, as RTK Query issues them).
  await core.close();
  // Each step is timed too, so a slow first screen says which part is slow.
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    steps[name] = performance.now() - t0;
    return r;
  };
  const firstScreen = await time(async () => {
    core = await step('open_core', () =>
      profiled('open_core', () => createCore({ env, emit, modules: MODULES })),
    );
    await step('app_state', () => call(core, 'app.getState', undefined));
    await Promise.all([
      step('index_dashboard', () => call(core, 'index.dashboard', undefined)),
      step('sync_status', () => call(core, 'sync.getStatus', undefined)),
      step('accounts_dashboard', () =>
        call(core, 'accounts.getSetup', undefined).then(() =>
          call(core, 'accounts.dashboard', { asOf: '2025-12-31' }),
        ),
      ),
    ]);
  });
  out.first_screen_after_start = { value: firstScreen, unit: 'ms' };
  for (const [name, ms] of Object.entries(steps))
    out[`first_screen_step_${name}`] = { value: ms, unit: 'ms' };

  // Import of journal lines from CSV (validated as a whole, then posted).
  const csv = ledgerCsv(
    generateLedger({
      branches: ['NYC'],
      years: 1,
      firstYear: 2026,
      targetLines: config.importLines * 1.1,
      seed: 3,
    }),
    'NYC',
    config.importLines,
  );
  let outcome: Awaited<ReturnType<typeof call<'accounts.importJournalCsv'>>> | null = null;
  const importMs = await time(async () => {
    outcome = await profiled('import', () => call(core, 'accounts.importJournalCsv', { csv }));
  });
  const o = outcome as unknown as { ok: boolean; written: number; problems: unknown[] };
  if (!o.ok) throw new Error(`Import refused: ${JSON.stringify(o.problems.slice(0, 3))}`);
  out.import_journal_csv = {
    value: importMs / 1000,
    unit: `s for ${config.importLines.toLocaleString('en')} lines (validated and saved: the clerk's wait)`,
  };
  // Reports wait for the projections (Session.settle, what every report calls first): the
  // time from pressing Import until they include the entries. The search catalog of a bulk
  // catch-up follows (core/index/catalog-queue.ts): until search finds them too.
  const indexedMs =
    importMs + (await time(() => profiled('import_index', () => core.session()!.settle())));
  out.import_journal_csv_until_in_reports = { value: indexedMs / 1000, unit: 's' };
  const searchableMs = indexedMs + (await time(() => core.session()!.projector.settle()));
  out.import_journal_csv_until_searchable = { value: searchableMs / 1000, unit: 's' };
  // The same file again, by mistake: refused, every entry named, after reading the index over
  // the file's dates (now holding the whole first import).
  let again: Awaited<ReturnType<typeof call<'accounts.importJournalCsv'>>> | null = null;
  const againMs = await time(async () => {
    again = await call(core, 'accounts.importJournalCsv', { csv });
  });
  const a = again as unknown as { ok: boolean; problems: unknown[] };
  if (a.ok || a.problems.length !== o.written + 1)
    throw new Error(
      `The second import was not refused entry by entry: ${JSON.stringify(a.problems.slice(0, 2))}`,
    );
  out.import_journal_csv_again_refused = {
    value: againMs / 1000,
    unit: 's (the same file again: every entry refused as imported before)',
  };
  await core.close();
  return out;
}
