/**
 * Settings of the deep test mode (`npm run test:deep`), read from the environment so a long
 * run can be made longer, or one failing case replayed, without editing a test. A bad value
 * stops the run with a message instead of silently running the default.
 */
export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number of ${min} or more, not "${raw}".`);
  return n;
}

export function envOptional(name: string): string | undefined {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}
