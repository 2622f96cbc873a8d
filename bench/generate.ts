/**
 * Deterministic generator of realistic branch documents for benchmarks. Until the Accounts
 * module defines its journal entry, the documents have the size and shape a posted entry
 * will have (DESIGN §3: one document holds the entry and all its lines, money in minor units),
 * so throughput numbers measured on them carry over.
 */

export interface BenchDoc {
  _id: string;
  type: string;
  v: number;
  branch: string;
  createdAt: string;
  createdBy: string;
  device: string;
  [field: string]: unknown;
}

const ACCOUNTS = [
  '1000',
  '1100',
  '1200',
  '2000',
  '2100',
  '3000',
  '4000',
  '4100',
  '5000',
  '5100',
  '6000',
  '6100',
  '6200',
];
const MEMOS = [
  'Office supplies',
  'Customer receipt',
  'Supplier payment',
  'Rent',
  'Electricity',
  'Freight',
  'Sales',
  'Bank fees',
  'Payroll accrual',
  'Stock purchase',
];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A small seeded PRNG (mulberry32): the same seed gives the same company every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ulidAt(time: number, random: () => number): string {
  let t = time;
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32] + out;
    t = Math.floor(t / 32);
  }
  for (let i = 0; i < 16; i++) out += CROCKFORD[Math.floor(random() * 32)];
  return out;
}

export function generateJournalEntries(
  count: number,
  options: { branchCode: string; deviceLetter?: string; seed?: number; startDate?: string },
): BenchDoc[] {
  const random = rng(options.seed ?? 42);
  const device = options.deviceLetter ?? 'A';
  const start = Date.parse(`${options.startDate ?? '2021-01-01'}T09:00:00Z`);
  const docs: BenchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const time = start + i * 37 * 60_000;
    const lineCount = 2 + Math.floor(random() * 4);
    const lines: { account: string; debit: number; credit: number; memo: string }[] = [];
    let total = 0;
    for (let l = 0; l < lineCount - 1; l++) {
      const amount = 100 + Math.floor(random() * 500_000);
      total += amount;
      lines.push({
        account: pick(ACCOUNTS, random),
        debit: amount,
        credit: 0,
        memo: pick(MEMOS, random),
      });
    }
    lines.push({
      account: pick(ACCOUNTS, random),
      debit: 0,
      credit: total,
      memo: pick(MEMOS, random),
    });
    const createdAt = new Date(time).toISOString();
    docs.push({
      _id: `journalEntry:${ulidAt(time, random)}`,
      type: 'journalEntry',
      v: 1,
      branch: options.branchCode,
      createdAt,
      createdBy: 'bench',
      device,
      number: `${options.branchCode}-${device}-JE-${String(i + 1).padStart(6, '0')}`,
      date: createdAt.slice(0, 10),
      status: 'posted',
      currency: 'USD',
      memo: pick(MEMOS, random),
      lines,
    });
  }
  return docs;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}
