import { describe, expect, it } from 'vitest';
import type { Account } from '../../domain/schemas';
import { defaultContra, rememberContra, type ContraMemory } from './contra-default';

const acct = (code: string, name: string, kind: Account['kind'], extra: Partial<Account> = {}) =>
  ({ code, name, kind, isGroup: false, archived: false, ...extra }) as Account;
const memory = (): ContraMemory & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
};

const chart = [
  acct('1200', 'Bank', 'asset'),
  acct('4900', 'Interest received', 'income'),
  acct('6100', 'Rent', 'expense'),
  acct('6750', 'Bank fees', 'expense'),
];

describe('the account a bank-line entry starts with', () => {
  it('offers the chart’s bank charges account for money out, whatever its number', () => {
    expect(defaultContra('1200', -1550, chart, memory())).toBe('6750');
    expect(defaultContra('1200', -1550, [acct('6700', 'Bank charges', 'expense')], memory())).toBe(
      '6700',
    );
    expect(defaultContra('1200', -1550, [acct('6100', 'Rent', 'expense')], memory())).toBeNull();
    expect(
      defaultContra(
        '1200',
        -1550,
        [acct('6750', 'Bank fees', 'expense', { archived: true })],
        memory(),
      ),
    ).toBeNull();
    expect(defaultContra('1200', 2500, chart, memory())).toBeNull();
  });

  it('offers what the clerk chose last for this bank account and direction, while it can still be posted to', () => {
    const m = memory();
    rememberContra('1200', -900, '6100', m);
    rememberContra('1200', 300, '4900', m);
    expect(defaultContra('1200', -1550, chart, m)).toBe('6100');
    expect(defaultContra('1200', 2500, chart, m)).toBe('4900');
    expect(defaultContra('1210', -1550, chart, m)).toBe('6750');
    expect(
      defaultContra(
        '1200',
        -1550,
        chart.filter((a) => a.code !== '6100'),
        m,
      ),
    ).toBe('6750');
  });
});
