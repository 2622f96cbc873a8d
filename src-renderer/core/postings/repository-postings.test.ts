import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodePouchEnv } from '../db/pouch-node';
import { openLocalDb } from '../db/pouch';
import { Repository } from '../db/repository';
import { SchemaRegistry } from '../db/schema-registry';
import { LocalWrites } from '../db/local-writes';
import { docBaseSchema } from '../org/schemas';

/**
 * The repository's postings guarantee for any module's type (core names none): a posting
 * document needs a date the ledger can file it under, and its lines must balance in base.
 */
const stockMoveSchema = docBaseSchema.extend({
  date: z.string().optional(),
  value: z.number().int(),
});
type StockMove = z.infer<typeof stockMoveSchema>;

function repository() {
  const registry = new SchemaRegistry();
  registry.register<StockMove>({
    type: 'stockMove',
    version: 1,
    schema: stockMoveSchema,
    home: 'branch',
    title: (m) => m._id,
    postings: (m) => [
      { account: '1300', debit: m.value, credit: 0, baseDebit: m.value, baseCredit: 0 },
      { account: '5000', debit: 0, credit: m.value, baseDebit: 0, baseCredit: m.value },
    ],
  });
  const db = openLocalDb(nodePouchEnv(`postings-${Date.now()}-`), 'acme', 'branch-nyc');
  const ctx = () => ({
    userName: 'Sam Store',
    deviceId: 'device:01JTEST',
    now: () => new Date('2026-06-01T10:00:00Z'),
    baseCurrency: 'EUR',
  });
  return {
    db,
    repo: new Repository<StockMove>(
      db,
      'branch-nyc',
      registry,
      'stockMove',
      ctx,
      new LocalWrites(),
    ),
  };
}

describe('a posting document of any module', () => {
  it('is refused without a date, and nothing is written', async () => {
    const { db, repo } = repository();
    await expect(repo.create({ value: 2_000 } as never, 'NYC')).rejects.toThrow(
      'This stock move posts to the ledger, so it needs a date. Nothing was saved.',
    );
    expect((await db.info()).doc_count).toBe(0);
  });

  it('is written when dated and balanced, telling the write path before and after', async () => {
    const { db, repo } = repository();
    const events: string[] = [];
    (repo as unknown as { writes: LocalWrites }).writes.subscribe((e) => events.push(e.phase));
    await repo.create({ value: 2_000, date: '2026-06-01' } as never, 'NYC');
    expect((await db.info()).doc_count).toBe(1);
    expect(events).toEqual(['before', 'after']);
  });
});
