import { isIsoDate } from '../../core/dates';
import { datePattern } from '../../core/format';

/**
 * Accounting dates are `YYYY-MM-DD` (DESIGN §3); a clerk sees and types them the way their
 * locale writes dates (31/03/2026 in the UK, 3/31/2026 in the US, 31.03.2026 in Germany).
 * Typing the ISO form always works too.
 */

export { datePattern, datePlaceholder, dateFormatHint } from '../../core/format';
/** The one date formatter (core/format.ts), under the name the inputs have always used. */
export { formatDate as formatIsoDate } from '../../core/format';

/**
 * Typed text → ISO date, or null when it is not a real calendar date. Accepts the ISO form, or
 * the locale's order with any of / . - or space between the parts; a two-digit year is 20xx.
 */
export function parseLocaleDate(text: string, locale?: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const pieces = t.split(/[\s./-]+/).filter(Boolean);
  if (pieces.length !== 3 || pieces.some((p) => !/^\d{1,4}$/.test(p))) return null;
  const { order } = datePattern(locale);
  const by = {} as Record<ReturnType<typeof datePattern>['order'][number], string>;
  order.forEach((p, i) => (by[p] = pieces[i]!));
  const year = by.year.length === 2 ? `20${by.year}` : by.year;
  if (year.length !== 4 || by.month.length > 2 || by.day.length > 2) return null;
  const iso = `${year}-${by.month.padStart(2, '0')}-${by.day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
