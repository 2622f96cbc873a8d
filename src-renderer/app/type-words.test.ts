import { describe, expect, it } from 'vitest';
import { createRegistry } from '../core/app-registry';
import { MODULES } from '../modules/registry';
import { typeWord } from './type-words';

describe('document types in a clerk’s words', () => {
  it('every type of the build declares its words, none of them the type name', () => {
    const registry = createRegistry(MODULES);
    for (const type of registry.types()) {
      const words = registry.require(type).words;
      expect(words, type).toBeTruthy();
      expect(words).toBe(words?.toLowerCase());
      expect(words).not.toMatch(/[A-Z]|-/);
    }
  });

  it('names the types a clerk meets on the Sync, Conflicts and Dashboard pages', () => {
    expect(typeWord('journalEntry')).toBe('Journal entry');
    expect(typeWord('tradeDoc')).toBe('Invoice or bill');
    expect(typeWord('bankImportProfile')).toBe('Bank file layout');
    expect(typeWord('currencyRate')).toBe('Exchange rate');
    // A type from a newer Outpost is still split into words rather than shown raw.
    expect(typeWord('stockTransfer')).toBe('Stock transfer');
  });
});
