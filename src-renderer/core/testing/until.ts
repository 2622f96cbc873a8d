/**
 * Polls until a condition holds, for tests that wait on sync between devices. A file picks its
 * own default timeout and pace; a call can still pass a longer timeout for one slow step.
 */
export function poller(defaults: { timeoutMs: number; everyMs: number }) {
  return async function until<T>(
    probe: () => Promise<T>,
    ok: (v: T) => boolean,
    what: string,
    ms = defaults.timeoutMs,
  ): Promise<T> {
    const end = Date.now() + ms;
    let last: T = await probe();
    while (!ok(last)) {
      if (Date.now() > end)
        throw new Error(
          `Timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 2000)}`,
        );
      await new Promise((r) => setTimeout(r, defaults.everyMs));
      last = await probe();
    }
    return last;
  };
}
