import { branchCodeOfDb } from '../core/db/names';
import { formatCount } from '../core/format';
import { etaText } from './eta';

type Progress = { done: number; total: number | null; startedAt: string };

const count = (n: number) => formatCount(Math.max(0, Math.round(n)));

/**
 * "120 of 4,000 records · about 3 minutes left". A total the server could not give (a database
 * it does not have yet answers without a count) is left out rather than shown as "NaN".
 */
export function copyProgressText(p: Progress, now: Date = new Date()): string {
  const done = Number.isFinite(p.done) ? p.done : 0;
  const total = typeof p.total === 'number' && Number.isFinite(p.total) ? p.total : null;
  const records = total !== null ? `${count(done)} of ${count(total)}` : count(done);
  const eta = etaText({ done, total, startedAt: p.startedAt }, now);
  // "1 of 1 record", "1 record": the noun agrees with the last number said.
  const noun = (total ?? done) === 1 ? 'record' : 'records';
  return `${records} ${noun}${eta ? ` · ${eta}` : ''}`;
}

/** Percent for the progress bar; 0 while the total is unknown. */
export function copyProgressPercent(p: Pick<Progress, 'done' | 'total'>): number {
  if (typeof p.total !== 'number' || !Number.isFinite(p.total) || p.total <= 0) return 0;
  const done = Number.isFinite(p.done) ? p.done : 0;
  return Math.min(100, (100 * done) / p.total);
}

/**
 * What an administrator runs when the server has no database for a branch yet
 * (docs/ADMIN.md §2): provisioning is idempotent, so naming every branch is safe.
 */
export function provisionText(orgCode: string, db: string): string {
  const branch = branchCodeOfDb(db);
  const branches = branch ? ` --branches ${branch}` : ' --branches <branch codes>';
  return (
    `The server does not have this database yet. Ask your administrator to provision ` +
    `${branch ? `branch ${branch}` : 'the company'} on the server: ` +
    `npm run server:provision -- --org ${orgCode}${branches} --url <server address> ` +
    `--admin-user <admin> --admin-password <password>`
  );
}
