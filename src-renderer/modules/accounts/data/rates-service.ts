import { OutpostError } from '../../../core/errors';
import { MASTER_DB } from '../../../core/db/names';
import { parseOrThrow } from '../../../core/db/validation';
import { COMPANY_WIDE } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import { currencyRateFieldsSchema, type CurrencyRate } from '../domain/schemas';

/**
 * The company's rate table (master): one rate per currency and date, in base units per unit
 * of the currency. Documents take the latest rate on or before their date unless the clerk
 * types one.
 */
function ratesRepo(s: ModuleContext) {
  return s.repository<CurrencyRate>(MASTER_DB, 'currencyRate');
}

export function listRates(s: ModuleContext): Promise<CurrencyRate[]> {
  return s.cachedMaster('currencyRates', async () =>
    (await ratesRepo(s).list()).sort((a, b) =>
      a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.date < b.date ? 1 : -1,
    ),
  );
}

export async function saveRate(s: ModuleContext, input: unknown): Promise<CurrencyRate> {
  const fields = parseOrThrow(currencyRateFieldsSchema, input, 'The rate was not saved.');
  const company = await s.company();
  if (fields.currency === company.baseCurrency) {
    throw new OutpostError(
      'validation',
      `${fields.currency} is the base currency; its rate is always 1.`,
      { currency: 'Choose a foreign currency.' },
    );
  }
  const existing = (await ratesRepo(s).list()).find(
    (r) => r.currency === fields.currency && r.date === fields.date,
  );
  return existing
    ? ratesRepo(s).update(existing._id, fields)
    : ratesRepo(s).create(fields, COMPANY_WIDE);
}

/** The latest rate on or before `date`, or null when the table has none. */
export async function rateFor(
  s: ModuleContext,
  currency: string,
  date: string,
): Promise<CurrencyRate | null> {
  const rates = await listRates(s);
  let best: CurrencyRate | null = null;
  for (const r of rates)
    if (r.currency === currency && r.date <= date && (!best || r.date > best.date)) best = r;
  return best;
}

/**
 * The rate a document uses: 1 in base currency; the typed rate when given; otherwise the rate
 * table's. Refused in words when there is neither.
 */
export async function resolveRate(
  s: ModuleContext,
  q: { currency: string; baseCurrency: string; date: string; typed: string | undefined },
): Promise<string> {
  if (q.currency === q.baseCurrency) return '1';
  if (q.typed && q.typed !== '1') return q.typed;
  const r = await rateFor(s, q.currency, q.date);
  if (!r) {
    throw new OutpostError(
      'validation',
      `There is no ${q.currency} rate on or before ${q.date}: type the rate, or add one to the exchange rate table.`,
      {
        rate: 'Enter the rate.',
      },
    );
  }
  return r.rate;
}
