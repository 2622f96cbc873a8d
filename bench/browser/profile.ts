/**
 * Optional CPU profiles of named bench phases (`BENCH_PROFILE=import,open_core npm run bench`):
 * the runner exposes `__benchProfile` and writes each phase's profile and its hottest functions
 * to bench/results/. Without it, a phase runs as is.
 */
type Hook = (action: 'start' | 'stop', phase: string) => Promise<void>;

export async function profiled<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  const hook = (window as unknown as { __benchProfile?: Hook }).__benchProfile;
  if (!hook) return fn();
  await hook('start', phase);
  try {
    return await fn();
  } finally {
    await hook('stop', phase);
  }
}
