import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';

/**
 * Head office holding two branches closes the year for both: one closing entry per branch,
 * each in its own branch's database, all or nothing.
 */
let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

const line = (account: string, debit: number, credit: number) => ({
  account,
  debit,
  credit,
  baseDebit: debit,
  baseCredit: credit,
  party: null,
  memo: '',
  branch: null,
});

/** A posted Boston entry written straight into Boston's database, as sync would deliver it. */
async function bostonEntry(
  d: TestDevice,
  n: number,
  date: string,
  memo: string,
  lines: ReturnType<typeof line>[],
) {
  const s = d.core.session()!;
  const db = s.dbFor('branch', 'BOS');
  if (!db) throw new Error('This device does not hold Boston');
  await s.repository(db, 'journalEntry').create(
    {
      number: `BOS-A-JE-${String(n).padStart(6, '0')}`,
      date,
      memo,
      reference: '',
      status: 'posted',
      kind: 'manual',
      currency: 'USD',
      rate: '1',
      lines,
      reverses: null,
      postedAt: `${date}T17:00:00.000Z`,
      postedBy: 'Carol Clerk',
    } as never,
    'BOS',
  );
}

async function headOffice(): Promise<TestDevice> {
  const d = await startAppDevice();
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' });
  // Head office signed in (as after sync.connect): the device opens every branch's database.
  const s = d.core.session()!;
  s.config = { ...s.config, user: { name: 'alice', roles: ['admin', 'hq'] } as never };
  await s.reconcileDatabases();
  await d.call('accounts.setupStarterChart', undefined);
  // New York earns 6,400.00 in the year to 2026-03-31 (ACME's fiscal year starts in April).
  await d.call('accounts.postJournal', {
    date: '2025-08-14',
    memo: 'Catering August',
    currency: 'USD',
    lines: [
      { account: '1200', debit: 850_000, credit: 0 },
      { account: '4100', debit: 0, credit: 850_000 },
    ],
  });
  await d.call('accounts.postJournal', {
    date: '2025-10-01',
    memo: 'Rent October',
    currency: 'USD',
    lines: [
      { account: '6100', debit: 210_000, credit: 0 },
      { account: '1200', debit: 0, credit: 210_000 },
    ],
  });
  // Boston earns 1,725.50.
  await bostonEntry(d, 1, '2025-09-19', 'Boston sales', [
    line('1200', 392_550, 0),
    line('4100', 0, 392_550),
  ]);
  await bostonEntry(d, 2, '2026-01-05', 'Boston rent', [
    line('6100', 220_000, 0),
    line('1200', 0, 220_000),
  ]);
  return d;
}

describe('year-end close for every branch (head office)', () => {
  it('posts one closing entry into each branch database and shows both closed', async () => {
    device = await headOffice();
    const before = await device.call('accounts.yearCloseStatus', { yearEnd: '2026-03-31' });
    expect(before.map((b) => [b.branch, b.closed])).toEqual([
      ['BOS', false],
      ['NYC', false],
    ]);

    const result = await device.call('accounts.closeYearAllBranches', { yearEnd: '2026-03-31' });
    expect(result.closed.map((c) => c.branch)).toEqual(['BOS', 'NYC']);
    expect(result.closed.map((c) => c.number)).toEqual(['NYC-A-JE-000003', 'NYC-A-JE-000004']);

    const s = device.core.session()!;
    const bos = await s.repository(s.dbFor('branch', 'BOS')!, 'journalEntry').list();
    const bosClose = bos.find((e) => (e as { kind?: string }).kind === 'closing');
    expect(bosClose).toMatchObject({ branch: 'BOS', date: '2026-03-31' });

    const after = await device.call('accounts.yearCloseStatus', { yearEnd: '2026-03-31' });
    expect(after).toEqual([
      { branch: 'BOS', name: 'Boston', closed: true, number: 'NYC-A-JE-000003' },
      { branch: 'NYC', name: expect.any(String), closed: true, number: 'NYC-A-JE-000004' },
    ]);
    for (const branch of ['BOS', 'NYC']) {
      const bs = await device.call('accounts.balanceSheet', { asOf: '2026-03-31', branch });
      expect(bs.currentEarnings).toBe(0);
      const equity = bs.sections.find((x) => x.title === 'Equity')!;
      expect(equity.rows.find((r) => r.code === '3200')?.amount).toBe(
        branch === 'BOS' ? 172_550 : 640_000,
      );
    }
    // Closed is closed: a second run finds nothing left in any branch and posts nothing.
    await expect(
      device.call('accounts.closeYearAllBranches', { yearEnd: '2026-03-31' }),
    ).rejects.toThrow(/nothing to close/);
  });

  it('a locked year closes no branch at all', async () => {
    device = await headOffice();
    await device.call('accounts.setLockDate', { lockDate: '2026-03-31' });
    await expect(
      device.call('accounts.closeYearAllBranches', { yearEnd: '2026-03-31' }),
    ).rejects.toThrow();
    const status = await device.call('accounts.yearCloseStatus', { yearEnd: '2026-03-31' });
    expect(status.every((b) => !b.closed)).toBe(true);
  });
});
