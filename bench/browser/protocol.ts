/** What bench/run.ts hands the bench page, and what the page returns. */
export interface BenchConfig {
  serverUrl: string;
  username: string;
  password: string;
  org: string;
  remoteDb: string;
  docs: number;
  repeat: number;
  /** A second, empty branch for the edit-to-other-office latency (latency-bench.ts); none skips it. */
  latencyBranch?: string;
  latencyEdits?: number;
}

export interface BenchResult {
  value: number;
  unit: string;
  runs?: number[];
}

export type BenchResults = Record<string, BenchResult>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
