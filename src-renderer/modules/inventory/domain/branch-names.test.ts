import { describe, expect, it } from 'vitest';
import { branchNamer } from './branch-names';

describe('branch names for a clerk', () => {
  const name = branchNamer([
    { code: 'NYC', name: 'New York' },
    { code: 'BOS', name: 'Boston' },
    { code: 'LDN', name: 'Central' },
    { code: 'SIN', name: 'central ' },
  ]);

  it('names a branch by its name alone when no other branch shares it', () => {
    expect(`${name('NYC')} → ${name('BOS')}`).toBe('New York → Boston');
  });

  it('adds the code where two branches share a name, whatever its case or spacing', () => {
    expect([name('LDN'), name('SIN')]).toEqual(['Central (LDN)', 'central (SIN)']);
  });

  it('keeps the code of a branch the device has not heard of yet', () => {
    expect(name('MNL')).toBe('MNL');
  });
});
