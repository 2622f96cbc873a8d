/** Calendar dates as ISO text (YYYY-MM-DD); arithmetic in UTC so time zones never shift a day. */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function toUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

// The core's date rules, under the names the report pages use.
export { addDays, isIsoDate, todayLocal as todayIso } from '../../../../core/dates';
import { addDays, isIsoDate } from '../../../../core/dates';

/** First day of the fiscal year that contains `today` (startMonth 1–12). */
export function fiscalYearStart(today: string, startMonth: number): string {
  const [y = 1970, m = 1] = today.split('-').map(Number);
  const year = m >= startMonth ? y : y - 1;
  return `${pad(year, 4)}-${pad(startMonth)}-01`;
}

function isMonthEnd(iso: string): boolean {
  return addDays(iso, 1).endsWith('-01');
}

/**
 * The period of the same length that ends the day before `from`. Whole months compare with
 * the same number of whole months (April–June → January–March); other periods by day count.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const prevTo = addDays(from, -1);
  if (from.endsWith('-01') && isMonthEnd(to)) {
    const [fy = 1970, fm = 1] = from.split('-').map(Number);
    const [ty = 1970, tm = 1] = to.split('-').map(Number);
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const start = fy * 12 + (fm - 1) - months;
    return { from: `${pad(Math.floor(start / 12), 4)}-${pad((start % 12) + 1)}-01`, to: prevTo };
  }
  const days = Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
  return { from: addDays(prevTo, -days), to: prevTo };
}

/** The same date a year earlier; 29 February becomes 28 February. */
export function yearEarlier(iso: string): string {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  const candidate = `${pad(y - 1, 4)}-${pad(m)}-${pad(d)}`;
  return isIsoDate(candidate) ? candidate : `${pad(y - 1, 4)}-${pad(m)}-${pad(d - 1)}`;
}
