import type { Account } from '../../domain/schemas';

/**
 * Which account a new entry for an unmatched bank line starts with. The clerk picks it; what
 * they picked last for this bank account and direction (money out / money in) is remembered on
 * this device and offered first. With nothing remembered, money out starts on the chart's bank
 * charges account when it has one (fees are what such lines usually are) — found by what it is,
 * not by its number, so a chart that numbers it differently works too.
 */

type Direction = 'out' | 'in';

const direction = (amount: number): Direction => (amount < 0 ? 'out' : 'in');
const key = (bank: string, dir: Direction) => `outpost:banking:contra:${bank}:${dir}`;
const BANK_CHARGES = /\bbank\s+(charges?|fees?|costs?)\b/i;

export interface ContraMemory {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** localStorage, when the browser lets us use it (a private window may not). */
export const deviceMemory: ContraMemory = {
  get: (k) => {
    try {
      return globalThis.localStorage?.getItem(k) ?? null;
    } catch {
      return null;
    }
  },
  set: (k, v) => {
    try {
      globalThis.localStorage?.setItem(k, v);
    } catch {
      // Not remembering is fine: the clerk picks again next time.
    }
  },
};

export function defaultContra(
  bank: string,
  amount: number,
  accounts: readonly Account[],
  memory: ContraMemory = deviceMemory,
): string | null {
  const usable = accounts.filter((a) => !a.isGroup && !a.archived && a.code !== bank);
  const remembered = memory.get(key(bank, direction(amount)));
  if (remembered && usable.some((a) => a.code === remembered)) return remembered;
  if (amount >= 0) return null;
  return usable.find((a) => a.kind === 'expense' && BANK_CHARGES.test(a.name))?.code ?? null;
}

export function rememberContra(
  bank: string,
  amount: number,
  code: string,
  memory: ContraMemory = deviceMemory,
): void {
  memory.set(key(bank, direction(amount)), code);
}
