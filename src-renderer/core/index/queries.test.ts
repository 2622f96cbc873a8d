import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexDb, type CatalogRow } from './index-db';
import { dashboardSummary } from './queries';

let index: IndexDb | null = null;
afterEach(async () => {
  await index?.delete();
  index = null;
});

const row = (db: string, id: string, updatedAt: string): CatalogRow => ({
  id,
  db,
  type: id.slice(0, id.indexOf(':')),
  branch: 'NYC',
  title: id,
  createdAt: updatedAt,
  updatedAt,
  tokens: [],
  readOnly: false,
});

describe('the dashboard summary', () => {
  it('counts branches and devices and lists the ten most recent records across every database', async () => {
    index = new IndexDb(`queries-test-${Date.now()}`, { indexedDB, IDBKeyRange });
    const master = [
      row('master', 'branch:NYC', '2026-11-01T09:00:00.000Z'),
      row('master', 'branch:BOS', '2026-11-20T09:00:00.000Z'),
      row('master', 'device:NYC-A', '2026-11-01T09:01:00.000Z'),
      row('master', 'account:1200', '2026-11-02T09:00:00.000Z'),
    ];
    // Twelve entries in the branch, on alternate days, around the master records' dates.
    const branch = Array.from({ length: 12 }, (_, i) =>
      row(
        'branch-nyc',
        `journalEntry:NYC-A-${i}`,
        `2026-11-${String(2 * i + 1).padStart(2, '0')}T12:00:00.000Z`,
      ),
    );
    await index.catalog.bulkPut([...master, ...branch]);
    await index.checkpoints.bulkPut([
      { db: 'master', seq: 4 },
      { db: 'branch-nyc', seq: 12 },
    ]);

    const summary = await dashboardSummary(index);
    expect(summary.branches).toBe(2);
    expect(summary.devices).toBe(1);
    const expected = [...master, ...branch]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, 10)
      .map((r) => r.id);
    expect(summary.recent.map((r) => r.id)).toEqual(expected);
    expect(expected).toContain('branch:BOS');
  });
});
