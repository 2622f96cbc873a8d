import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from '../../core/format';
import { showValue, type ValueContext } from './conflict-values';

const ctx: ValueContext = {
  currency: 'EUR',
  baseCurrency: 'USD',
  labels: { 'party:01JACME': 'Acme Trading (C-1)' },
  devices: [],
};

describe('a conflicted record’s values, the way every page shows them', () => {
  it('money through the one formatter, in the document’s and the base currency', () => {
    expect(showValue('unitPrice', 9_900, ctx)).toBe(formatMoney(9_900, 'EUR'));
    expect(showValue('baseDebit', 10_890, ctx)).toBe(formatMoney(10_890, 'USD'));
    // A refund or credit reads like every other negative amount on the pages.
    expect(showValue('amount', -9_900, ctx)).toBe(formatMoney(-9_900, 'EUR'));
    expect(showValue('lines', [{ account: '4000', credit: 123_450 }], ctx)).toBe(
      `1. Account: 4000, Credit: ${formatMoney(123_450, 'EUR')}`,
    );
  });

  it('dates and moments in the user’s format, not as stored', () => {
    expect(showValue('dueDate', '2026-12-31', ctx)).toBe(formatDate('2026-12-31'));
    expect(showValue('dueDate', '2026-12-31', ctx)).not.toContain('2026-12-31');
    expect(showValue('updatedAt', '2026-04-03T17:45:00.000Z', ctx)).toBe(
      formatDateTime('2026-04-03T17:45:00.000Z'),
    );
    // Text that only looks a little like a date stays as it is.
    expect(showValue('reference', 'INV-2026-12', ctx)).toBe('INV-2026-12');
    expect(showValue('partyId', 'party:01JACME', ctx)).toBe('Acme Trading (C-1)');
  });
});
