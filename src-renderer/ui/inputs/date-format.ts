import { isIsoDate } from '../../core/dates';

/**
 * Accounting dates are `YYYY-MM-DD` (DESIGN §3); a clerk sees and types them the way their
 * locale writes dates (31/03/2026 in the UK, 3/31/2026 in the US, 31.03.2026 in Germany).
 * Typing the ISO form always works too.
 */

type Part = 'day' | 'month' | 'year';

interface DatePattern {
  order: Part[];
  separator: string;
}

const cache = new Map<string, DatePattern>();

export function datePattern(locale?: string): DatePattern {
  const key = locale ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(Date.UTC(2026, 2, 31));
  const order = parts
    .filter(
      (p): p is Intl.DateTimeFormatPart & { type: Part } =>
        p.type === 'day' || p.type === 'month' || p.type === 'year',
    )
    .map((p) => p.type);
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  const found = {
    order: order.length === 3 ? order : (['year', 'month', 'day'] as Part[]),
    separator,
  };
  cache.set(key, found);
  return found;
}

/** "2026-03-31" → "31/03/2026" (en-GB). Text that is not an ISO date comes back unchanged. */
export function formatIsoDate(iso: string, locale?: string): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-') as [string, string, string];
  const { order, separator } = datePattern(locale);
  const by: Record<Part, string> = { year, month, day };
  return order.map((p) => by[p]).join(separator);
}

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
  const by = {} as Record<Part, string>;
  order.forEach((p, i) => (by[p] = pieces[i]!));
  const year = by.year.length === 2 ? `20${by.year}` : by.year;
  if (year.length !== 4 || by.month.length > 2 || by.day.length > 2) return null;
  const iso = `${year}-${by.month.padStart(2, '0')}-${by.day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** How the locale writes a date, for a placeholder: "DD/MM/YYYY". */
export function datePlaceholder(locale?: string): string {
  const { order, separator } = datePattern(locale);
  const word: Record<Part, string> = { day: 'DD', month: 'MM', year: 'YYYY' };
  return order.map((p) => word[p]).join(separator);
}
