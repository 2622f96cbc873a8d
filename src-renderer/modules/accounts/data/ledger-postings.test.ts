import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalWrites } from '../../../core/db/local-writes';
import type { Db } from '../../../core/db/pouch';
import { nodePouchEnv } from '../../../core/db/pouch-node';
import { Repository } from '../../../core/db/repository';
import { SchemaRegistry } from '../../../core/db/schema-registry';
import { IndexDb } from '../../../core/index/index-db';
import { Projector } from '../../../core/index/projector';
import { docBaseSchema } from '../../../core/org/schemas';
import type { JournalEntry } from '../domain/schemas';
import { registerAccountsTypes } from './doc-types';
import { listDocs } from './doc-list';
import { LEDGER_STORES, ledgerProjection, ledgerTables } from './ledger-projection';

/**
 * A document type Accounts has never heard of, registered only here as Payroll will register
 * its pay runs: declaring `postings` is all it takes for its lines to reach the ledger.
 */
const payRunSchema = docBaseSchema.extend({
  type: z.literal('testPayRun'),
  v: z.literal(1),
  number: z.string().nullable(),
  date: z.string(),
  memo: z.string(),
  currency: z.string(),
  status: z.enum(['draft', 'approved']),
  payslips: z.array(
    z.object({ employee: z.string(), gross: z.number().int(), tax: z.number().int() }),
  ),
});
type PayRun = z.infer<typeof payRunSchema>;

function payRunPostings(run: PayRun) {
  if (run.status !== 'approved') return [];
  const gross = run.payslips.reduce((n, p) => n + p.gross, 0);
  const tax = run.payslips.reduce((n, p) => n + p.tax, 0);
  const line = (account: string, debit: number, credit: number) => ({
    account,
    debit,
    credit,
    baseDebit: debit,
    baseCredit: credit,
  });
  return [line('6300', gross, 0), line('2400', 0, tax), line('1200', 0, gross - tax)];
}

const env = nodePouchEnv(`ledger-postings-${Date.now()}-`);
const open: { db: Db; index: IndexDb; projector: Projector }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.projector.close();
    await o.index.delete();
    await o.db.destroy();
  }
});

function setUp() {
  const registry = new SchemaRegistry();
  registerAccountsTypes(registry);
  registry.register<PayRun>({
    type: 'testPayRun',
    version: 1,
    schema: payRunSchema,
    home: 'branch',
    title: (r) => r.number ?? 'Draft pay run',
    postings: payRunPostings,
  });
  const db = new env.PouchDB(`branch-nyc-${Math.random()}`, { adapter: env.localAdapter });
  const index = new IndexDb(
    `ledger-postings-${Math.random()}`,
    { indexedDB, IDBKeyRange },
    LEDGER_STORES,
  );
  const projector = new Projector(
    index,
    registry,
    new Map([['branch-nyc', db]]),
    { changed: () => undefined, status: () => undefined, progress: () => undefined },
    [ledgerProjection],
  );
  open.push({ db, index, projector });
  const ctx = () => ({
    userName: 'Pat Payroll',
    deviceId: 'device:01NYCA',
    now: () => new Date('2026-04-30T16:00:00Z'),
    baseCurrency: 'USD',
  });
  const repo = <T extends PayRun | JournalEntry>(type: string) =>
    new Repository<T>(db, 'branch-nyc', registry, type, ctx, new LocalWrites());
  return {
    index,
    projector,
    payRuns: repo<PayRun>('testPayRun'),
    journals: repo<JournalEntry>('journalEntry'),
  };
}

const april = {
  number: 'NYC-A-PR-000004',
  date: '2026-04-30',
  memo: 'April salaries',
  currency: 'USD',
  payslips: [
    { employee: 'employee:01AMY', gross: 520_000, tax: 104_000 },
    { employee: 'employee:01BEN', gross: 465_000, tax: 88_350 },
  ],
};

describe('ledger lines from every type that declares postings', () => {
  it('projects an approved pay run into ledger lines and balances; drafts post nothing', async () => {
    const { index, projector, payRuns, journals } = setUp();
    const run = await payRuns.create({ ...april, status: 'approved' } as never, 'NYC');
    await payRuns.create(
      {
        ...april,
        number: null,
        date: '2026-05-31',
        memo: 'May salaries',
        status: 'draft',
      } as never,
      'NYC',
    );
    await journals.create(
      {
        number: null,
        date: '2026-04-12',
        memo: 'Rent (not posted yet)',
        reference: '',
        status: 'draft',
        kind: 'manual',
        currency: 'USD',
        rate: '1',
        lines: [
          {
            account: '6100',
            debit: 250_000,
            credit: 0,
            baseDebit: 0,
            baseCredit: 0,
            party: null,
            memo: '',
            branch: null,
          },
          {
            account: '1200',
            debit: 0,
            credit: 250_000,
            baseDebit: 0,
            baseCredit: 0,
            party: null,
            memo: '',
            branch: null,
          },
        ],
        reverses: null,
        postedAt: null,
        postedBy: null,
      } as never,
      'NYC',
    );
    projector.start();
    await projector.settle();

    const t = ledgerTables(index);
    const lines = await t.lines.toArray();
    expect(lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['6300', 985_000, 0],
      ['2400', 0, 192_350],
      ['1200', 0, 792_650],
    ]);
    expect(lines[0]).toMatchObject({
      docId: run._id,
      docType: 'testPayRun',
      number: 'NYC-A-PR-000004',
      date: '2026-04-30',
      branch: 'NYC',
      memo: 'April salaries',
      currency: 'USD',
    });
    expect(await t.balances.get(['6300', 'NYC', '2026-04'])).toMatchObject({
      debit: 985_000,
      credit: 0,
      lines: 1,
    });
    expect(await t.balances.get(['1200', 'NYC', '2026-04'])).toMatchObject({
      debit: 0,
      credit: 792_650,
      lines: 1,
    });
    expect((await t.balances.toArray()).filter((b) => b.month === '2026-05')).toEqual([]);
    // The rollups carry the same movement for the branch and the company, month and year.
    for (const scope of ['NYC', '*'])
      for (const period of ['M2026-04', 'Y2026'])
        expect(await t.rollups.get([scope, period, '6300'])).toMatchObject({
          debit: 985_000,
          credit: 0,
        });
    expect(await t.rollups.get(['*', 'M2026-05', '6300'])).toBeUndefined();
    // The pay run's lines sit in its own ledger row; Accounts' lists, read by type, still show
    // only its own draft: a pay run is Payroll's to list, not an accounting document.
    expect((await t.docs.toArray()).map((d) => [d.type, d.status, d.lines?.length ?? 0])).toEqual([
      ['journalEntry', 'draft', 0],
      ['testPayRun', 'approved', 3],
    ]);
    const listed = await listDocs(index, { type: 'journalEntry' });
    expect(listed.rows.map((r) => r.status)).toEqual(['draft']);
    expect(listed.rows[0]).not.toHaveProperty('lines');
  });
});
