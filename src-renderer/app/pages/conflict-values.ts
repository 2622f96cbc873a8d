import type { Device } from '../../core/org/schemas';
import { isIsoDate } from '../../core/dates';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
} from '../../core/format';

/**
 * A conflicted record's values in a clerk's words: names instead of ids, money as money,
 * invoice lines as lines, never raw JSON. Money is stored in minor units of the document's
 * currency (`base…` amounts in the company's base currency).
 */
export interface ValueContext {
  currency: string | null;
  baseCurrency: string | null;
  labels: Record<string, string>;
  devices: Device[];
}

const MONEY = new Set([
  'unitPrice',
  'amount',
  'total',
  'debit',
  'credit',
  'allocated',
  'openingBalance',
  'closingBalance',
]);
const BASE_MONEY = new Set(['baseDebit', 'baseCredit', 'baseAmount', 'baseTotal']);
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** "paymentTermsDays" → "Payment terms days". */
export function humanise(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "NYC-A Front desk PC" for a device id; the id itself when this device does not know it. */
export function deviceText(id: string, ctx: Pick<ValueContext, 'devices' | 'labels'>): string {
  const d = ctx.devices.find((x) => x._id === id);
  if (d) return `${d.branchCode}-${d.letter}${d.label ? ` ${d.label}` : ''}`;
  return ctx.labels[id] ?? (id || 'unknown');
}

function money(minor: number, currency: string | null): string {
  if (!currency || !Number.isSafeInteger(minor)) return formatCount(minor);
  try {
    return formatMoney(minor, currency);
  } catch {
    // A synced document may carry a currency code this build cannot format.
    return formatCount(minor);
  }
}

function scalar(field: string, v: unknown, ctx: ValueContext): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number') {
    if (MONEY.has(field)) return money(v, ctx.currency);
    if (BASE_MONEY.has(field)) return money(v, ctx.baseCurrency);
    return formatNumber(v);
  }
  if (typeof v === 'string') {
    if (v.startsWith('device:')) return deviceText(v, ctx);
    // Dates and moments the way every page writes them, not as stored.
    if (isIsoDate(v)) return formatDate(v);
    if (ISO_TIMESTAMP.test(v)) return formatDateTime(v);
    return ctx.labels[v] ?? v;
  }
  return String(v);
}

function record(o: Record<string, unknown>, ctx: ValueContext): string {
  return Object.entries(o)
    .filter(([, x]) => x !== undefined && x !== null && x !== '')
    .map(([k, x]) => `${humanise(k)}: ${showValue(k, x, ctx)}`)
    .join(', ');
}

/** One line of text per list item or nested record; plain values as they read. */
export function showValue(field: string, v: unknown, ctx: ValueContext): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    return v
      .map((x, i) =>
        x && typeof x === 'object'
          ? `${i + 1}. ${record(x as Record<string, unknown>, ctx)}`
          : scalar(field, x, ctx),
      )
      .join('\n');
  }
  if (v && typeof v === 'object') return record(v as Record<string, unknown>, ctx);
  return scalar(field, v, ctx);
}
