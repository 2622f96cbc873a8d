import { describe, expect, it } from 'vitest';
import { idRange, newId, typeOfId } from './ids';

describe('document ids', () => {
  it('are <type>:<ulid>, strictly increasing on one device', () => {
    const ids = Array.from({ length: 1000 }, () => newId('journalEntry'));
    expect(ids[0]).toMatch(/^journalEntry:[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(typeOfId(ids[0]!)).toBe('journalEntry');
  });

  it('group by type so one key range lists one type', () => {
    const { startkey, endkey } = idRange('branch');
    const id = newId('branch');
    expect(id > startkey && id < endkey).toBe(true);
    expect(newId('branchX') > endkey || newId('branchX') < startkey).toBe(true);
  });

  it('refuse a type that would break the key ranges', () => {
    expect(() => newId('bad:type')).toThrow();
  });
});
