import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function company(): Promise<TestDevice> {
  const d = await startAppDevice();
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  return d;
}

async function post(d: TestDevice, date: string, memo: string, lines: [string, number, number][]) {
  return d.call('accounts.postJournal', {
    date,
    memo,
    currency: 'USD',
    lines: lines.map(([account, debit, credit]) => ({ account, debit, credit })),
  });
}

/** Two trading years: 2024 earns 12,500.00 and 2025 earns 4,300.00. */
async function twoYears(d: TestDevice) {
  await post(d, '2024-01-02', 'Owner invests capital', [
    ['1200', 5_000_000, 0],
    ['3100', 0, 5_000_000],
  ]);
  await post(d, '2024-06-14', 'Sales June', [
    ['1200', 2_150_000, 0],
    ['4100', 0, 2_150_000],
  ]);
  await post(d, '2024-09-30', 'Rent Q3', [
    ['6100', 900_000, 0],
    ['1200', 0, 900_000],
  ]);
  await post(d, '2025-03-10', 'Sales March', [
    ['1200', 1_230_000, 0],
    ['4100', 0, 1_230_000],
  ]);
  await post(d, '2025-11-28', 'Rent Q4', [
    ['6100', 800_000, 0],
    ['1200', 0, 800_000],
  ]);
}

describe('year-end close and the P&L', () => {
  it('a closed year still shows what it earned; the trial balance shows the close', async () => {
    device = await company();
    await twoYears(device);
    const closing = await device.call('accounts.closeYear', { yearEnd: '2024-12-31' });
    expect(closing.kind).toBe('closing');

    const pl = await device.call('accounts.profitAndLoss', {
      from: '2024-01-01',
      to: '2024-12-31',
      compareFrom: '2025-01-01',
      compareTo: '2025-12-31',
    });
    expect(pl.sections.map((s) => [s.title, s.total])).toEqual([
      ['Income', 2_150_000],
      ['Cost of sales', 0],
      ['Expenses', 900_000],
    ]);
    expect(pl.netProfit).toBe(1_250_000);
    expect(pl.compareNetProfit).toBe(430_000);
    // A range ending mid-month reads lines, not aggregates: the close is left out there too.
    const partial = await device.call('accounts.profitAndLoss', {
      from: '2024-06-15',
      to: '2024-12-31',
    });
    expect(partial.netProfit).toBe(-900_000);

    const tb = await device.call('accounts.trialBalance', { asOf: '2024-12-31' });
    expect(tb.rows.map((r) => r.code)).not.toContain('4100');
    expect(tb.rows.find((r) => r.code === '3200')).toMatchObject({ credit: 1_250_000 });

    // Reversing the close brings the P&L of the year back to the same figures, not double.
    await device.call('accounts.reverseJournal', { id: closing._id, date: '2024-12-31' });
    const again = await device.call('accounts.profitAndLoss', {
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(again.netProfit).toBe(1_250_000);
  });

  it('the hledger export tags the closing entry so other tools can leave it out', async () => {
    device = await company();
    await twoYears(device);
    const closing = await device.call('accounts.closeYear', { yearEnd: '2024-12-31' });
    const text = await device.call('accounts.exportHledger', {
      from: '2024-01-01',
      to: '2024-12-31',
    });
    const block = text.split('\n\n').find((b) => b.includes(closing.number!))!;
    expect(block.split('\n')[1]).toBe('    ; closing:');
    expect(text.match(/; closing:/g)).toHaveLength(1);
  });

  it('the balance sheet shows earlier years not closed apart from this fiscal year', async () => {
    device = await company();
    await twoYears(device);
    await device.call('org.updateCompany', { name: 'Acme Trading', fiscalYearStartMonth: 1 });
    const bs = await device.call('accounts.balanceSheet', {
      asOf: '2025-12-31',
      compareAsOf: '2024-12-31',
    });
    expect(bs.unclosedRetainedEarnings).toBe(1_250_000);
    expect(bs.currentEarnings).toBe(430_000);
    expect(bs.compareUnclosedRetainedEarnings).toBe(0);
    expect(bs.compareCurrentEarnings).toBe(1_250_000);
    expect(bs.totalAssets).toBe(6_680_000);
    expect(bs.totalLiabilitiesAndEquity).toBe(6_680_000);

    // Once 2024 is closed its profit is in retained earnings proper.
    await device.call('accounts.closeYear', { yearEnd: '2024-12-31' });
    const closed = await device.call('accounts.balanceSheet', { asOf: '2025-12-31' });
    expect(closed.unclosedRetainedEarnings).toBe(0);
    expect(closed.currentEarnings).toBe(430_000);
    const equity = closed.sections.find((x) => x.title === 'Equity')!;
    expect(equity.rows.find((r) => r.code === '3200')?.amount).toBe(1_250_000);
    expect(closed.totalLiabilitiesAndEquity).toBe(6_680_000);
  });

  it('a fiscal year from April makes only April to the report date current', async () => {
    device = await company();
    await twoYears(device);
    await device.call('org.updateCompany', { name: 'Acme Trading', fiscalYearStartMonth: 4 });
    const bs = await device.call('accounts.balanceSheet', { asOf: '2025-12-31' });
    // 2025-03-10 sales belong to the year that ended 2025-03-31.
    expect(bs.currentEarnings).toBe(-800_000);
    expect(bs.unclosedRetainedEarnings).toBe(2_480_000);
    expect(bs.totalAssets).toBe(bs.totalLiabilitiesAndEquity);
  });
});
