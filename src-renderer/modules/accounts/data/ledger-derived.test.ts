import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Db } from '../../../core/db/pouch';
import { nodePouchEnv } from '../../../core/db/pouch-node';
import { SchemaRegistry } from '../../../core/db/schema-registry';
import { IndexDb, type Projection } from '../../../core/index/index-db';
import { Projector } from '../../../core/index/projector';
import { docBaseSchema } from '../../../core/org/schemas';
import type { PostingLine } from '../../../core/postings/posting';
import { registerAccountsTypes } from './doc-types';
import { LEDGER_STORES, ledgerProjection, ledgerTables } from './ledger-projection';
import { accountSpan, sumRange } from './report-sums';

/**
 * Derived postings (core/postings/derived.ts) as Inventory's valuation hands them over: a
 * projection works out what a document posts, and may re-value documents of earlier batches (a
 * back-dated receipt changes the cost of later deliveries). The ledger must follow every change
 * in the same transaction, never count a source twice, and refuse a set that does not balance.
 */
const countSchema = docBaseSchema.extend({
  type: z.literal('testCount'),
  v: z.literal(1),
  date: z.string(),
  value: z.number().int(),
  /** Another count this one re-values (what a back-dated move does to later ones). */
  revalue: z.object({ id: z.string(), value: z.number().int() }).nullable(),
  /** A valuer bug: a set that does not balance. */
  broken: z.boolean(),
});
type Count = z.infer<typeof countSchema>;

const lines = (value: number, broken = false): PostingLine[] =>
  value === 0
    ? []
    : [
        { account: '1300', debit: value, credit: 0, baseDebit: value, baseCredit: 0 },
        {
          account: '5100',
          debit: 0,
          credit: value,
          baseDebit: 0,
          baseCredit: broken ? value - 1 : value,
        },
      ];

const header = (date: string) => ({
  date,
  number: '',
  currency: 'USD',
  memo: 'Stock count',
  branch: 'NYC',
});

const valuer: Projection = {
  stores: {},
  async apply(_index, db, changes, { derived }) {
    for (const { id, doc } of changes) {
      if (!doc || doc.type !== 'testCount') continue;
      const c = doc as unknown as Count;
      derived.set({
        sourceId: id,
        type: 'testCount',
        db,
        header: header(c.date),
        lines: lines(c.value, c.broken),
      });
      if (c.revalue)
        derived.set({
          sourceId: c.revalue.id,
          type: 'testCount',
          db,
          header: header('2026-03-01'),
          lines: lines(c.revalue.value),
        });
    }
  },
};

const env = nodePouchEnv(`ledger-derived-${Date.now()}-`);
const open: { db: Db; index: IndexDb; projector: Projector }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const o of open.splice(0)) {
    await o.projector.close();
    await o.index.delete();
    await o.db.destroy();
  }
});

function setUp() {
  const registry = new SchemaRegistry();
  registerAccountsTypes(registry);
  registry.register<Count>({
    type: 'testCount',
    version: 1,
    schema: countSchema,
    home: 'branch',
    title: () => 'Stock count',
  });
  const db = new env.PouchDB(`branch-nyc-${Math.random()}`, { adapter: env.localAdapter });
  const index = new IndexDb(
    `ledger-derived-${Math.random()}`,
    { indexedDB, IDBKeyRange },
    LEDGER_STORES,
  );
  const projector = new Projector(
    index,
    registry,
    new Map([['branch-nyc', db]]),
    { changed: () => undefined, status: () => undefined, progress: () => undefined },
    [valuer, ledgerProjection],
  );
  open.push({ db, index, projector });
  projector.start();
  const put = async (id: string, fields: Partial<Count>) => {
    await db.put({
      _id: id,
      type: 'testCount',
      v: 1,
      branch: 'NYC',
      createdAt: '2026-03-01T09:00:00.000Z',
      createdBy: 'Sam Stock',
      device: 'device:01NYCA',
      date: '2026-03-01',
      value: 0,
      revalue: null,
      broken: false,
      ...fields,
    });
    // Asked for, not waited for from the live feed: the write may not have reached it yet.
    await projector.schedule('branch-nyc');
  };
  const inventory = async () =>
    (await accountSpan(index, '1300', '2026-01-01', '2026-12-31', null)).movement;
  return { index, put, inventory };
}

describe('derived postings in the ledger', () => {
  it('follows every re-valuation of an earlier source and never counts it twice', async () => {
    const { index, put, inventory } = setUp();
    const t = ledgerTables(index);
    await put('testCount:01A', { value: 10_000 });
    expect(await inventory()).toBe(10_000);
    expect((await t.lines.toArray()).map((l) => [l.id, l.account, l.debit, l.credit])).toEqual([
      ['testCount:01A#0', '1300', 10_000, 0],
      ['testCount:01A#1', '5100', 0, 10_000],
    ]);

    // A later batch re-values A (8,000 instead of 10,000) beside its own 5,000.
    await put('testCount:01B', { value: 5_000, revalue: { id: 'testCount:01A', value: 8_000 } });
    expect(await inventory()).toBe(13_000);
    expect(await t.balances.get(['1300', 'NYC', '2026-03'])).toMatchObject({
      debit: 13_000,
      credit: 0,
      lines: 2,
    });
    // A report's part month reads lines by date, type by type: derived types are listed too.
    expect((await sumRange(index, '2026-03-01', '2026-03-20')).get('1300')).toEqual({
      debit: 13_000,
      credit: 0,
    });
    const a = (await t.lines.ofDocs(['testCount:01A'])).map((l) => [l.docType, l.memo, l.debit]);
    expect(a).toEqual([
      ['testCount', 'Stock count', 8_000],
      ['testCount', 'Stock count', 0],
    ]);

    // Worth nothing now: A's row goes, and with it its lines and their share of the aggregates.
    await put('testCount:01C', { value: 0, revalue: { id: 'testCount:01A', value: 0 } });
    expect(await inventory()).toBe(5_000);
    expect(await t.docs.get('testCount:01A')).toBeUndefined();
    expect(await t.balances.get(['5100', 'NYC', '2026-03'])).toMatchObject({
      credit: 5_000,
      lines: 1,
    });
  });

  it('refuses a set that does not balance and keeps what the source posted before', async () => {
    const { index, put, inventory } = setUp();
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await put('testCount:01A', { value: 10_000 });
    await put('testCount:01B', { value: 4_000, broken: true });
    expect(await inventory()).toBe(10_000);
    expect(await ledgerTables(index).docs.get('testCount:01B')).toBeUndefined();
    expect(said).toHaveBeenCalledWith(expect.stringContaining('testCount:01B'));
  });
});
