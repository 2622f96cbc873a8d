import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function company(): Promise<TestDevice> {
  const d = await startTestDevice(undefined, [accountsModule]);
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  return d;
}

const usd = (lines: [string, number, number][]) =>
  lines.map(([account, debit, credit]) => ({ account, debit, credit }));

describe('journal entries', () => {
  it('posts a balanced entry with a number from the branch/device series', async () => {
    device = await company();
    const entry = await device.call('accounts.postJournal', {
      date: '2026-04-02',
      memo: 'Owner invests capital',
      currency: 'USD',
      lines: usd([
        ['1200', 5_000_000, 0],
        ['3100', 0, 5_000_000],
      ]),
    });
    expect(entry).toMatchObject({
      status: 'posted',
      number: 'NYC-A-JE-000001',
      kind: 'manual',
      postedBy: 'Alice Admin',
    });
    expect(entry.lines[0]).toMatchObject({ baseDebit: 5_000_000, baseCredit: 0 });
    const second = await device.call('accounts.postJournal', {
      date: '2026-04-03',
      memo: 'Rent',
      currency: 'USD',
      lines: usd([
        ['6100', 120_000, 0],
        ['1200', 0, 120_000],
      ]),
    });
    expect(second.number).toBe('NYC-A-JE-000002');
  });

  it('is found by its full number, by words of its memo and lines, and a common word stops at the limit', async () => {
    device = await company();
    for (let i = 0; i < 12; i++) {
      await device.call('accounts.postJournal', {
        date: '2026-04-02',
        memo: `Sales day ${i}`,
        currency: 'USD',
        lines: [
          { account: '1200', debit: 1_000, credit: 0, memo: i === 3 ? 'Zanzibar coffee' : '' },
          { account: '4100', debit: 0, credit: 1_000 },
        ],
      });
    }
    // Single letters ("A" of the device) are not indexed, yet a number typed in full is found.
    expect(
      (await device.call('index.search', { text: 'NYC-A-JE-000004' })).map((h) => h.title),
    ).toEqual(['NYC-A-JE-000004 Sales day 3']);
    expect((await device.call('index.search', { text: 'zanz' })).map((h) => h.title)).toEqual([
      'NYC-A-JE-000004 Sales day 3',
    ]);
    expect(await device.call('index.search', { text: 'sales', limit: 5 })).toHaveLength(5);
  });

  it('refuses an unbalanced entry with the difference and writes nothing', async () => {
    device = await company();
    await expect(
      device.call('accounts.postJournal', {
        date: '2026-04-02',
        currency: 'USD',
        lines: usd([
          ['6100', 10_000, 0],
          ['1200', 0, 8_750],
        ]),
      }),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/12\.50/) });
    const list = await device.call('accounts.listDocs', { type: 'journalEntry' });
    expect(list.total).toBe(0);
  });

  it('discards a draft (the tombstone keeps who and when) but never a posted entry', async () => {
    device = await company();
    const draft = await device.call('accounts.saveJournalDraft', {
      date: '2026-04-02',
      memo: 'Maybe rent',
      currency: 'USD',
      lines: usd([
        ['6100', 10_000, 0],
        ['1200', 0, 10_000],
      ]),
    });
    const posted = await device.call('accounts.postJournal', {
      date: '2026-04-02',
      memo: 'Rent',
      currency: 'USD',
      lines: usd([
        ['6100', 10_000, 0],
        ['1200', 0, 10_000],
      ]),
    });
    await device.call('accounts.discardDraft', { id: draft._id });
    const list = await device.call('accounts.listDocs', { type: 'journalEntry' });
    expect(list.rows.map((r) => r.memo)).toEqual(['Rent']);
    const db = device.core.session()!.homeBranchDb;
    const tomb = (await db.get(draft._id, { revs: true, open_revs: 'all' })) as unknown as {
      ok: Record<string, unknown>;
    }[];
    expect(tomb[0]!.ok).toMatchObject({
      _deleted: true,
      type: 'journalEntry',
      discardedBy: 'Alice Admin',
    });
    await expect(device.call('accounts.discardDraft', { id: posted._id })).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringMatching(/posted/),
    });
    await expect(device.call('accounts.discardDraft', { id: 'party:01ABC' })).rejects.toMatchObject(
      { code: 'validation' },
    );
    const tb = await device.call('accounts.trialBalance', { asOf: '2026-12-31' });
    expect(tb.rows.find((r) => r.code === '6100')).toMatchObject({ debit: 10_000 });
  });

  it('refuses group, unknown and archived accounts with the line that is wrong', async () => {
    device = await company();
    const err = await device
      .call('accounts.postJournal', {
        date: '2026-04-02',
        currency: 'USD',
        lines: usd([
          ['6000', 100, 0],
          ['9999', 0, 100],
        ]),
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'validation',
      fields: {
        'lines.0.account': expect.stringMatching(/group account/),
        'lines.1.account': expect.stringMatching(/no account 9999/),
      },
    });
  });

  it('keeps drafts editable, posts them once, and never changes a posted entry', async () => {
    device = await company();
    const draft = await device.call('accounts.saveJournalDraft', {
      date: '2026-04-05',
      memo: 'Office chairs',
      currency: 'USD',
      lines: usd([
        ['6400', 30_000, 0],
        ['1200', 0, 0],
      ]),
    });
    expect(draft).toMatchObject({ status: 'draft', number: null });
    const posted = await device.call('accounts.postJournal', {
      id: draft._id,
      date: '2026-04-05',
      memo: 'Office chairs',
      currency: 'USD',
      lines: usd([
        ['6400', 30_000, 0],
        ['1200', 0, 30_000],
      ]),
    });
    expect(posted).toMatchObject({ _id: draft._id, status: 'posted' });
    await expect(
      device.call('accounts.postJournal', {
        id: draft._id,
        date: '2026-04-06',
        currency: 'USD',
        lines: usd([
          ['6400', 1, 0],
          ['1200', 0, 1],
        ]),
      }),
    ).rejects.toMatchObject({ code: 'read-only' });
  });

  it('reverses a posted entry with a new entry that points at it; the pair nets to zero', async () => {
    device = await company();
    const original = await device.call('accounts.postJournal', {
      date: '2026-04-10',
      memo: 'Wrong supplier',
      currency: 'USD',
      lines: usd([
        ['6600', 45_000, 0],
        ['1200', 0, 45_000],
      ]),
    });
    const reversal = await device.call('accounts.reverseJournal', {
      id: original._id,
      date: '2026-04-11',
    });
    expect(reversal).toMatchObject({
      kind: 'reversal',
      reverses: original._id,
      memo: expect.stringMatching(/Reversal of NYC-A-JE-000001/),
    });
    const view = await device.call('accounts.getJournal', { id: original._id });
    expect(view.reversedBy.map((r) => r.id)).toEqual([reversal._id]);
    await expect(
      device.call('accounts.reverseJournal', { id: original._id, date: '2026-04-12' }),
    ).rejects.toThrow(/already been reversed/);
    const tb = await device.call('accounts.trialBalance', { asOf: '2026-12-31' });
    expect(tb.rows).toEqual([]);
  });

  it('refuses postings on or before the lock date', async () => {
    device = await company();
    await device.call('accounts.setLockDate', { lockDate: '2026-03-31' });
    await expect(
      device.call('accounts.postJournal', {
        date: '2026-03-31',
        currency: 'USD',
        lines: usd([
          ['6100', 100, 0],
          ['1200', 0, 100],
        ]),
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/locked up to 2026-03-31/),
    });
    await device.call('accounts.postJournal', {
      date: '2026-04-01',
      currency: 'USD',
      lines: usd([
        ['6100', 100, 0],
        ['1200', 0, 100],
      ]),
    });
  });

  it('converts a foreign-currency entry to base at its rate', async () => {
    device = await company();
    const e = await device.call('accounts.postJournal', {
      date: '2026-05-01',
      currency: 'EUR',
      rate: '1.0825',
      memo: 'EUR fees',
      lines: usd([
        ['6700', 1_000, 0],
        ['1200', 0, 1_000],
      ]),
    });
    expect(e.lines.map((l) => [l.baseDebit, l.baseCredit])).toEqual([
      [1_083, 0],
      [0, 1_083],
    ]);
  });
});

describe('reports from the index', () => {
  async function trade(d: TestDevice) {
    const post = (date: string, memo: string, lines: [string, number, number][]) =>
      d.call('accounts.postJournal', { date, memo, currency: 'USD', lines: usd(lines) });
    await post('2026-01-15', 'Capital', [
      ['1200', 10_000_000, 0],
      ['3100', 0, 10_000_000],
    ]);
    await post('2026-02-03', 'Cash sale', [
      ['1200', 2_400_000, 0],
      ['4100', 0, 2_000_000],
      ['2200', 0, 400_000],
    ]);
    await post('2026-02-20', 'Stock bought and sold', [
      ['5100', 900_000, 0],
      ['1200', 0, 900_000],
    ]);
    await post('2026-03-31', 'Rent Q1', [
      ['6100', 300_000, 0],
      ['1200', 0, 300_000],
    ]);
    await post('2026-04-30', 'Consulting', [
      ['1200', 500_000, 0],
      ['4200', 0, 500_000],
    ]);
  }

  it('trial balance, P&L with comparison, balance sheet and ledger agree', async () => {
    device = await company();
    await trade(device);
    const tb = await device.call('accounts.trialBalance', { asOf: '2026-03-31' });
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(tb.rows.find((r) => r.code === '1200')).toMatchObject({ debit: 11_200_000, credit: 0 });

    const pl = await device.call('accounts.profitAndLoss', {
      from: '2026-01-01',
      to: '2026-03-31',
      compareFrom: '2026-04-01',
      compareTo: '2026-06-30',
    });
    expect(pl.sections.map((s) => [s.title, s.total])).toEqual([
      ['Income', 2_000_000],
      ['Cost of sales', 900_000],
      ['Expenses', 300_000],
    ]);
    expect(pl.netProfit).toBe(800_000);
    expect(pl.compareNetProfit).toBe(500_000);

    const bs = await device.call('accounts.balanceSheet', {
      asOf: '2026-04-30',
      compareAsOf: '2026-03-31',
    });
    expect(bs.totalAssets).toBe(bs.totalLiabilitiesAndEquity);
    expect(bs.currentEarnings).toBe(500_000);
    expect(bs.unclosedRetainedEarnings).toBe(800_000);
    expect(bs.compareCurrentEarnings).toBe(800_000);

    const gl = await device.call('accounts.generalLedger', {
      account: '1200',
      from: '2026-02-01',
      to: '2026-03-31',
    });
    expect(gl.opening).toBe(10_000_000);
    expect(gl.rows.map((r) => r.balance)).toEqual([12_400_000, 11_500_000, 11_200_000]);
    expect(gl.closing).toBe(11_200_000);

    // A range that cuts through months reads the edge lines and the whole months in between.
    const mid = await device.call('accounts.profitAndLoss', {
      from: '2026-02-10',
      to: '2026-04-29',
    });
    expect(mid.netProfit).toBe(-1_200_000);
  });

  it('the dashboard shows cash and twelve months of income and expenses from the aggregates', async () => {
    device = await company();
    await trade(device);
    const d = await device.call('accounts.dashboard', { asOf: '2026-04-30' });
    expect(d.cash).toBe(11_700_000);
    expect(d.months.map((m) => m.month)).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(d.months.slice(-3)).toEqual([
      { month: '2026-02', income: 2_000_000, expense: 900_000 },
      { month: '2026-03', income: 0, expense: 300_000 },
      { month: '2026-04', income: 500_000, expense: 0 },
    ]);
    const otherBranch = await device.call('accounts.dashboard', {
      asOf: '2026-04-30',
      branch: 'BOS',
    });
    expect(otherBranch.months.every((m) => m.income === 0 && m.expense === 0)).toBe(true);
  });

  it('counts general-ledger rows from whole months and partial edges, for any range (property)', async () => {
    device = await company();
    await trade(device);
    const dates = ['2026-01-15', '2026-02-03', '2026-02-20', '2026-03-31', '2026-04-30'];
    const day = fc
      .integer({ min: 0, max: 150 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(day, day, async (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const gl = await device!.call('accounts.generalLedger', { account: '1200', from, to });
        const expected = dates.filter((d) => d >= from && d <= to).length;
        expect(gl.total).toBe(expected);
        expect(gl.rows).toHaveLength(expected);
      }),
      { numRuns: 40 },
    );
    // Pages keep the running balance of the rows before them.
    const page = await device.call('accounts.generalLedger', {
      account: '1200',
      from: '2026-01-01',
      to: '2026-04-30',
      offset: 2,
      limit: 2,
    });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.balance)).toEqual([11_500_000, 11_200_000]);
  });

  it('closes the year into retained earnings and the next year starts from zero income', async () => {
    device = await company();
    await trade(device);
    const closing = await device.call('accounts.closeYear', { yearEnd: '2026-12-31' });
    expect(closing.kind).toBe('closing');
    const pl = await device.call('accounts.profitAndLoss', {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(pl.netProfit).toBe(1_300_000);
    const bs = await device.call('accounts.balanceSheet', { asOf: '2026-12-31' });
    expect(bs.currentEarnings).toBe(0);
    const equity = bs.sections.find((s) => s.title === 'Equity')!;
    expect(equity.rows.find((r) => r.code === '3200')?.amount).toBe(1_300_000);
    expect(bs.totalAssets).toBe(bs.totalLiabilitiesAndEquity);
  });

  it('the index rebuilt from PouchDB gives the same reports', async () => {
    device = await company();
    await trade(device);
    const before = await device.call('accounts.trialBalance', { asOf: '2026-12-31' });
    await device.call('index.rebuild', undefined);
    expect(await device.call('accounts.trialBalance', { asOf: '2026-12-31' })).toEqual(before);
  });
});

describe('invariants (property)', () => {
  it('any sequence of postings keeps the trial balance at zero and the balance sheet balanced', async () => {
    device = await company();
    const d = device;
    const leaf = ['1100', '1200', '1300', '2100', '2200', '3100', '4100', '5100', '6100', '6700'];
    const entry = fc.record({
      day: fc.integer({ min: 1, max: 360 }),
      lines: fc.array(
        fc.record({
          account: fc.constantFrom(...leaf),
          amount: fc.integer({ min: 1, max: 10_000_000 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      against: fc.constantFrom(...leaf),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 365 }),
        async (entries, asOfDay) => {
          for (const e of entries) {
            const date = new Date(Date.UTC(2027, 0, e.day)).toISOString().slice(0, 10);
            const total = e.lines.reduce((n, l) => n + l.amount, 0);
            await d.call('accounts.postJournal', {
              date,
              currency: 'USD',
              lines: [
                ...e.lines.map((l) => ({ account: l.account, debit: l.amount, credit: 0 })),
                { account: e.against, debit: 0, credit: total },
              ],
            });
          }
          const asOf = new Date(Date.UTC(2027, 0, asOfDay)).toISOString().slice(0, 10);
          const tb = await d.call('accounts.trialBalance', { asOf });
          expect(tb.totalDebit).toBe(tb.totalCredit);
          const bs = await d.call('accounts.balanceSheet', { asOf });
          expect(bs.totalAssets).toBe(bs.totalLiabilitiesAndEquity);
        },
      ),
      { numRuns: 15 },
    );
  });
});
