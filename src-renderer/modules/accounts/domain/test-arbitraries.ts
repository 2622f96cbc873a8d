/** fast-check generators shared by this folder's property tests (test-only; nothing imports it in the app). */
import fc from 'fast-check';
import { Dec } from './amounts';

/** [document currency, base currency]: 2-digit, 0-digit (JPY) and 3-digit (KWD) minor units, and base itself. */
export const CURRENCY_PAIRS = [
  ['EUR', 'USD'],
  ['JPY', 'USD'],
  ['USD', 'JPY'],
  ['USD', 'KWD'],
  ['KWD', 'EUR'],
  ['GBP', 'GBP'],
] as const;

/** A rate as text in the schema's format, from 0.00000001 to 999.999999. */
export const rateArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: 6, max: 8 }))
  .map(([n, scale]) => new Dec(n).div(new Dec(10).pow(scale)).toFixed())
  .filter((s) => /^(?:0|[1-9]\d{0,9})(?:\.\d{1,10})?$/.test(s));

/** A currency pair with a rate that fits it (1 when the document is in base). */
export const pairWithRateArb = fc
  .tuple(fc.constantFrom(...CURRENCY_PAIRS), rateArb)
  .map(([[currency, base], rate]) => ({
    currency,
    baseCurrency: base,
    rate: currency === base ? '1' : rate,
  }));
