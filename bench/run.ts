/**
 * `npm run bench`: one run in real Chromium against the local sync server.
 * Prints a table and writes bench/results/latest.json as { metric: { value, unit } }.
 * Each figure is the median of several repetitions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import react from '@vitejs/plugin-react';
import { startTestServer } from '../server/test-server';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser';
import { generateJournalEntries } from './generate';
import type { BenchConfig, BenchResults } from './browser/protocol';

const DOCS = Number(process.env.BENCH_DOCS ?? 20_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));

async function seed(
  server: { url: string; admin: { username: string; password: string } },
  db: string,
) {
  const docs = generateJournalEntries(DOCS, { branchCode: 'NYC', deviceLetter: 'A' });
  const auth =
    'Basic ' + Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64');
  for (let i = 0; i < docs.length; i += 2_000) {
    const res = await fetch(`${server.url}/${db}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(i, i + 2_000) }),
    });
    if (!res.ok) throw new Error(`Seeding ${db} failed: ${res.status} ${await res.text()}`);
  }
}

/**
 * The machine's 1-minute load average, sampled through the run: a figure measured while other
 * work ran is slower by about that much (raw IndexedDB in the same run shows it too).
 */
function sampleLoad(): { samples: number[]; stop(): void } {
  const samples = [loadavg()[0]!];
  const timer = setInterval(() => samples.push(loadavg()[0]!), 30_000);
  timer.unref();
  return { samples, stop: () => clearInterval(timer) };
}

function loadFigures(load: { samples: number[]; stop(): void }): BenchResults {
  load.stop();
  const mean = load.samples.reduce((a, b) => a + b, 0) / load.samples.length;
  const unit = `1-minute load average during the run (${cpus().length} cores)`;
  return {
    bench_load_average_mean: { value: mean, unit },
    bench_load_average_max: { value: Math.max(...load.samples), unit },
  };
}

async function main(): Promise<void> {
  const load = sampleLoad();
  const user = {
    name: 'bench',
    password: 'bench-pass-1',
    roles: ['admin', 'hq'],
    branches: ['NYC'],
  };
  console.log(`Starting the sync server and seeding ${DOCS.toLocaleString('en')} documents…`);
  const server = await startTestServer({ org: 'bench', branches: ['NYC', 'LAT'], users: [user] });
  const vite = await createServer({
    configFile: false,
    root: `${root}/bench/browser`,
    plugins: [react()],
    define: { global: 'globalThis' },
    // No watcher and no HMR: editing the repo during a long run must not reload the bench page.
    server: { host: '127.0.0.1', port: 0, fs: { allow: [root] }, hmr: false, watch: null },
    logLevel: 'warn',
  });
  const executablePath = chromiumExecutable();
  // A persistent profile: an ephemeral (incognito-like) context has a small storage quota, and
  // a million ledger lines plus their index do not fit in it.
  const profile = mkdtempSync(join(tmpdir(), 'outpost-bench-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    await seed(server, 'bench-branch-nyc');
    await vite.listen();
    const address = vite.httpServer?.address();
    if (!address || typeof address === 'string')
      throw new Error('The bench page server did not start.');
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
    if (process.env.BENCH_PROFILE) await exposeProfiler(page, process.env.BENCH_PROFILE.split(','));
    // The first load compiles every dependency; on a busy machine that takes well over 30 s.
    await page.goto(`http://127.0.0.1:${address.port}/`, { timeout: 10 * 60_000 });
    const config: BenchConfig = {
      serverUrl: server.url,
      username: user.name,
      password: user.password,
      org: 'bench',
      remoteDb: 'bench-branch-nyc',
      docs: DOCS,
      repeat: REPEAT,
      latencyBranch: process.env.BENCH_LATENCY === '0' ? undefined : 'LAT',
      latencyEdits: Number(process.env.BENCH_LATENCY_EDITS ?? 20),
    };
    const results = (await page.evaluate(
      (c) => (window as unknown as { runBench(c: BenchConfig): Promise<BenchResults> }).runBench(c),
      config,
    )) as BenchResults;
    const ledgerLines = Number(process.env.BENCH_LEDGER_LINES ?? 1_000_000);
    if (ledgerLines > 0) {
      console.log(
        `\nAccounts: generated company, ${ledgerLines.toLocaleString('en')} ledger lines…`,
      );
      const accounts = (await page.evaluate(
        (c) =>
          (
            window as unknown as { runAccountsBench(c: unknown): Promise<BenchResults> }
          ).runAccountsBench(c),
        {
          ledgerLines,
          branches: 10,
          years: 5,
          importLines: Number(process.env.BENCH_IMPORT_LINES ?? 100_000),
          repeat: 5,
          rebuild: process.env.BENCH_REBUILD === '1',
        },
      )) as BenchResults;
      Object.assign(results, accounts);
    }
    const inventoryMoves = Number(process.env.BENCH_INVENTORY_MOVES ?? 2_000_000);
    if (inventoryMoves > 0) {
      console.log(
        `\nInventory: 5,000 items × 20 warehouses, ${inventoryMoves.toLocaleString('en')} moves…`,
      );
      const inventory = (await page.evaluate(
        (c) =>
          (
            window as unknown as { runInventoryBench(c: unknown): Promise<BenchResults> }
          ).runInventoryBench(c),
        {
          moves: inventoryMoves,
          items: 5000,
          warehouses: 20,
          repeat: 5,
          // A rebuild of 2,000,000 moves takes about an hour on two cores: by default it is
          // timed only up to 200,000 moves (BENCH_INVENTORY_REBUILD=1 or 0 decides otherwise).
          rebuild: process.env.BENCH_INVENTORY_REBUILD
            ? process.env.BENCH_INVENTORY_REBUILD === '1'
            : inventoryMoves <= 200_000,
        },
      )) as BenchResults;
      Object.assign(results, inventory);
    }
    Object.assign(results, loadFigures(load));
    report(results);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    await vite.close();
    await server.close();
  }
}

/**
 * CPU profiles of the phases named in BENCH_PROFILE (see browser/profile.ts): the raw profile
 * (open it in Chrome's DevTools) and the functions with the most time of their own, printed.
 */
async function exposeProfiler(page: Page, phases: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await page.exposeFunction('__benchProfile', async (action: 'start' | 'stop', phase: string) => {
    if (!phases.includes(phase)) return;
    if (action === 'start') {
      await cdp.send('Profiler.start');
      return;
    }
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(`${root}/bench/results`, { recursive: true });
    writeFileSync(`${root}/bench/results/${phase}.cpuprofile`, JSON.stringify(profile));
    console.log(
      `\nProfile of ${phase} (bench/results/${phase}.cpuprofile), most time of their own:`,
    );
    console.table(hottest(profile, 25));
  });
}

/** The parts of a DevTools CPU profile read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

function hottest(profile: CpuProfile, n: number) {
  const interval = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) =>
    interval.set(id, (interval.get(id) ?? 0) + (deltas[i] ?? 0)),
  );
  const total = [...interval.values()].reduce((a, b) => a + b, 0) || 1;
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/').replace(/\?.*$/, '')}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (interval.get(node.id) ?? 0));
  }
  return [...byFn]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({
      fn,
      ms: Math.round(us / 1000),
      share: `${((100 * us) / total).toFixed(1)} %`,
    }));
}

function report(results: BenchResults): void {
  const rows = Object.entries(results).map(([metric, r]) => ({
    metric,
    median: r.value.toLocaleString('en', { maximumFractionDigits: 1 }),
    unit: r.unit,
    runs: r.runs?.map((x) => Math.round(x)).join(' / ') ?? '',
  }));
  console.log(`\nOutpost bench — ${DOCS.toLocaleString('en')} documents, median of ${REPEAT}`);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB\n`,
  );
  console.table(rows);
  const json = Object.fromEntries(
    Object.entries(results).map(([metric, r]) => [metric, { value: round(r.value), unit: r.unit }]),
  );
  mkdirSync(`${root}/bench/results`, { recursive: true });
  writeFileSync(`${root}/bench/results/latest.json`, JSON.stringify(json, null, 2) + '\n');
  console.log('Written to bench/results/latest.json');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

main().then(
  // Exit explicitly: now and then something (vite's worker threads?) kept the finished process
  // alive, idle, for many minutes.
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
