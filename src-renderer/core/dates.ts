/**
 * Accounting dates are calendar days `YYYY-MM-DD` with no time zone (a posting on 31 March is
 * on 31 March in every office); timestamps are ISO UTC strings.
 */
export type IsoDate = string;
export type IsoTimestamp = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Today's calendar date where the clerk sits (local time zone), not UTC. */
export function todayLocal(now: Date = new Date()): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A calendar date plus whole days, in UTC so no time zone ever shifts the day. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

export function nowIso(now: Date = new Date()): IsoTimestamp {
  return now.toISOString();
}

/** First day of the fiscal year that contains `date`, for a year starting in `startMonth` (1–12). */
export function fiscalYearStart(date: IsoDate, startMonth: number): IsoDate {
  if (!isIsoDate(date)) throw new Error(`Not a date: ${date}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const year = m >= startMonth ? y : y - 1;
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}
