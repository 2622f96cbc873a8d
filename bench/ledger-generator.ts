import { rng } from './generate';

/**
 * A generated trading company for the Accounts benchmark: `branches` branches over `years`
 * years of balanced posted journal entries against the starter chart, with realistic mixes
 * (sales with tax, purchases, rent, wages, bank fees). Deterministic for a given seed.
 */
export interface GeneratedEntry {
  date: string;
  memo: string;
  branch: string;
  lines: { account: string; debit: number; credit: number }[];
}

const PATTERNS: { memo: string; make(r: () => number): [string, number, number][] }[] = [
  {
    memo: 'Cash sale',
    make: (r) => {
      const net = 1_000 + Math.floor(r() * 200_000);
      const tax = Math.round(net * 0.2);
      return [
        ['1200', net + tax, 0],
        ['4100', 0, net],
        ['2200', 0, tax],
      ];
    },
  },
  {
    memo: 'Stock purchase',
    make: (r) => {
      const net = 1_000 + Math.floor(r() * 150_000);
      const tax = Math.round(net * 0.2);
      return [
        ['5100', net, 0],
        ['1400', tax, 0],
        ['1200', 0, net + tax],
      ];
    },
  },
  {
    memo: 'Rent',
    make: (r) => {
      const a = 50_000 + Math.floor(r() * 100_000);
      return [
        ['6100', a, 0],
        ['1200', 0, a],
      ];
    },
  },
  {
    memo: 'Wages',
    make: (r) => {
      const a = 100_000 + Math.floor(r() * 400_000);
      return [
        ['6300', a, 0],
        ['1200', 0, a],
      ];
    },
  },
  {
    memo: 'Bank fees',
    make: (r) => {
      const a = 100 + Math.floor(r() * 5_000);
      return [
        ['6700', a, 0],
        ['1200', 0, a],
      ];
    },
  },
  {
    memo: 'Services invoiced',
    make: (r) => {
      const net = 5_000 + Math.floor(r() * 300_000);
      const tax = Math.round(net * 0.2);
      return [
        ['1100', net + tax, 0],
        ['4200', 0, net],
        ['2200', 0, tax],
      ];
    },
  },
  {
    memo: 'Customer receipt',
    make: (r) => {
      const a = 5_000 + Math.floor(r() * 300_000);
      return [
        ['1200', a, 0],
        ['1100', 0, a],
      ];
    },
  },
];

export function* generateLedger(opts: {
  branches: string[];
  years: number;
  firstYear: number;
  targetLines: number;
  seed?: number;
}): Generator<GeneratedEntry> {
  const r = rng(opts.seed ?? 11);
  const days = opts.years * 365;
  // Patterns are drawn evenly, so the mean lines per entry is the patterns' mean; 2% more
  // entries make "at least targetLines" hold for any seed at these sizes.
  const meanLines = PATTERNS.reduce((n, p) => n + p.make(() => 0.5).length, 0) / PATTERNS.length;
  const entries = Math.ceil((opts.targetLines / meanLines) * 1.02);
  for (let i = 0; i < entries; i++) {
    const day = Math.floor((i / entries) * days);
    const d = new Date(Date.UTC(opts.firstYear, 0, 1 + day));
    const p = PATTERNS[Math.floor(r() * PATTERNS.length)]!;
    yield {
      date: d.toISOString().slice(0, 10),
      memo: p.memo,
      branch: opts.branches[i % opts.branches.length]!,
      lines: p.make(r).map(([account, debit, credit]) => ({ account, debit, credit })),
    };
  }
}

/** The same company as journal CSV lines, for the import benchmark. */
export function ledgerCsv(
  entries: Iterable<GeneratedEntry>,
  branch: string,
  maxLines: number,
): string {
  const out = ['date,entry reference,account code,debit,credit,currency,memo,party,branch'];
  let n = 0;
  let ref = 0;
  for (const e of entries) {
    if (n + e.lines.length > maxLines) break;
    ref++;
    for (const l of e.lines) {
      out.push(
        `${e.date},IMP-${ref},${l.account},${l.debit ? (l.debit / 100).toFixed(2) : ''},${l.credit ? (l.credit / 100).toFixed(2) : ''},USD,${e.memo},,${branch}`,
      );
      n++;
    }
  }
  return out.join('\n');
}
