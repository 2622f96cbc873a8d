import { describe, expect, it } from 'vitest';
import { diffVersions, mergeFields, sameValue } from './conflict-diff';

describe('sameValue', () => {
  it('compares nested values structurally, key order aside', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
  });

  it('treats a missing key like an undefined one (as JSON does)', () => {
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
  });
});

describe('diffVersions', () => {
  const a = {
    _id: 'party:1',
    _rev: '2-a',
    _conflicts: ['2-b'],
    type: 'party',
    v: 1,
    name: 'Bayside Cafe',
    code: 'C-001',
    address: { street: '1 Main St', city: 'Boston' },
    updatedAt: '2025-01-02T00:00:00.000Z',
    updatedBy: 'Alice',
  };
  const b = {
    _id: 'party:1',
    _rev: '2-b',
    type: 'party',
    v: 1,
    name: 'Bayside Coffee',
    code: 'C-001',
    address: { city: 'Boston', street: '1 Main St' },
    email: 'hi@bayside.test',
    updatedAt: '2025-01-02T00:01:00.000Z',
    updatedBy: 'Bob',
  };

  it('lists the union of fields, without revision bookkeeping, audit fields last', () => {
    const fields = diffVersions([a, b]);
    expect(fields.map((f) => f.field)).toEqual([
      'name',
      'code',
      'address',
      'email',
      'type',
      'v',
      'updatedAt',
      'updatedBy',
    ]);
    expect(fields.find((f) => f.field === 'type')).toMatchObject({ audit: true, differs: false });
  });

  it('gives each version’s value and whether they differ', () => {
    const byName = Object.fromEntries(diffVersions([a, b]).map((f) => [f.field, f]));
    expect(byName.name).toEqual({
      field: 'name',
      values: ['Bayside Cafe', 'Bayside Coffee'],
      differs: true,
      audit: false,
    });
    expect(byName.code!.differs).toBe(false);
    expect(byName.address!.differs).toBe(false);
    expect(byName.email).toMatchObject({ values: [undefined, 'hi@bayside.test'], differs: true });
    expect(byName.updatedBy).toMatchObject({ differs: true, audit: true });
  });

  it('handles three versions and a single one', () => {
    const c = { ...b, name: 'Bayside Cafe', _rev: '2-c' };
    const name = diffVersions([a, b, c]).find((f) => f.field === 'name')!;
    expect(name.values).toEqual(['Bayside Cafe', 'Bayside Coffee', 'Bayside Cafe']);
    expect(name.differs).toBe(true);
    expect(diffVersions([a]).every((f) => !f.differs)).toBe(true);
    expect(diffVersions([])).toEqual([]);
  });
});

describe('mergeFields', () => {
  it('takes each field from the version picked, the first by default, audit fields left out', () => {
    const fields = diffVersions([
      { name: 'A', phone: '1', email: 'x@y.z', updatedBy: 'Alice' },
      { name: 'B', phone: '2', updatedBy: 'Bob' },
    ]);
    expect(mergeFields(fields, { name: 1 })).toEqual({ name: 'B', phone: '1', email: 'x@y.z' });
    // Picking a version without the field leaves the field out (undefined).
    const m = mergeFields(fields, { email: 1 });
    expect('email' in m && m.email === undefined).toBe(true);
  });
});
