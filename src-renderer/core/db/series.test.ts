import { afterEach, describe, expect, it } from 'vitest';
import { nodePouchEnv } from './pouch-node';
import { takeNextNumber, formatSeriesNumber } from './series';

const env = nodePouchEnv('series-test-');
let db: PouchDB.Database | null = null;
afterEach(async () => {
  await db?.destroy();
  db = null;
});

describe('number series per branch and device', () => {
  it('counts per branch, device and kind', async () => {
    db = new env.PouchDB(`series-${Date.now()}`, { adapter: 'memory' });
    const a = { branchCode: 'NYC', deviceLetter: 'A', kind: 'INV' };
    const b = { branchCode: 'NYC', deviceLetter: 'B', kind: 'INV' };
    expect(await takeNextNumber(db, a)).toBe('NYC-A-INV-000001');
    expect(await takeNextNumber(db, a)).toBe('NYC-A-INV-000002');
    expect(await takeNextNumber(db, b)).toBe('NYC-B-INV-000001');
    expect(await takeNextNumber(db, { ...a, kind: 'JE' })).toBe('NYC-A-JE-000001');
  });

  it('never hands out the same number twice, even to concurrent calls', async () => {
    db = new env.PouchDB(`series-${Date.now()}-c`, { adapter: 'memory' });
    const key = { branchCode: 'LON', deviceLetter: 'C', kind: 'JE' };
    const numbers = await Promise.all(Array.from({ length: 20 }, () => takeNextNumber(db!, key)));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => formatSeriesNumber(key, i + 1)),
    );
  });

  it('keeps the counter in a _local document, which never replicates', async () => {
    db = new env.PouchDB(`series-${Date.now()}-l`, { adapter: 'memory' });
    await takeNextNumber(db, { branchCode: 'NYC', deviceLetter: 'A', kind: 'INV' });
    const all = await db.allDocs();
    expect(all.rows).toHaveLength(0);
  });
});
