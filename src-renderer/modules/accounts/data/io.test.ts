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
  device = d;
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  return d;
}

const GOOD = [
  'date,entry reference,account code,debit,credit,currency,memo,party,branch',
  '2026-04-01,OB-1,1200,15000.00,,USD,Opening bank balance,,NYC',
  '2026-04-01,OB-1,3100,,15000.00,USD,Opening bank balance,,NYC',
  '2026-04-02,R-1,6100,"1,250.00",,USD,April rent,,',
  '2026-04-02,R-1,1200,,1250.00,USD,April rent,,',
].join('\r\n');

describe('journal CSV import', () => {
  it('posts every entry of a valid file, numbered from the series', async () => {
    const d = await company();
    const outcome = await d.call('accounts.importJournalCsv', { csv: GOOD });
    expect(outcome).toMatchObject({ ok: true, written: 2, problems: [] });
    const list = await d.call('accounts.listDocs', { type: 'journalEntry' });
    expect(list.rows.map((r) => r.number).sort()).toEqual(['NYC-A-JE-000001', 'NYC-A-JE-000002']);
    const tb = await d.call('accounts.trialBalance', { asOf: '2026-04-30' });
    expect(tb.rows.find((r) => r.code === '1200')).toMatchObject({ debit: 1_375_000 });
  });

  it('a large import returns once saved; the index catch-up reports progress and reports then include every entry', async () => {
    const d = await company();
    const rows = ['date,entry reference,account code,debit,credit,currency,memo,party,branch'];
    for (let i = 1; i <= 1_200; i++)
      rows.push(
        `2026-04-03,S-${i},1200,10.00,,USD,Sale ${i},,`,
        `2026-04-03,S-${i},4100,,10.00,USD,Sale ${i},,`,
      );
    const outcome = await d.call('accounts.importJournalCsv', { csv: rows.join('\n') });
    expect(outcome).toMatchObject({ ok: true, written: 1_200 });
    const tb = await d.call('accounts.trialBalance', { asOf: '2026-04-30' });
    expect(tb.rows.find((r) => r.code === '1200')).toMatchObject({ debit: 1_200_000 });
    const progress = d.events.filter((e) => e.kind === 'progress' && e.task === 'index-catch-up');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ finished: true, label: 'Updating reports' });
  });

  it('refuses the whole file when any line is wrong, naming each line, and writes nothing', async () => {
    const d = await company();
    const bad = [
      'date,entry reference,account code,debit,credit,currency,memo,party,branch',
      '2026-04-01,A,1200,100.00,,USD,,,',
      '2026-04-01,A,9999,,100.00,USD,,,',
      '31/04/2026,B,6100,10.005,,USD,,,',
      '2026-04-02,B,1200,,10.00,USD,,,LON',
    ].join('\n');
    const outcome = await d.call('accounts.importJournalCsv', { csv: bad });
    expect(outcome.ok).toBe(false);
    expect(outcome.written).toBe(0);
    const lines = outcome.problems.map((p) => p.line);
    expect(lines).toEqual(expect.arrayContaining([3, 4, 5]));
    expect((await d.call('accounts.listDocs', { type: 'journalEntry' })).total).toBe(0);
  });
});

describe('importing the same entries twice', () => {
  it('refuses a file imported before, naming each entry and its number, and writes nothing', async () => {
    const d = await company();
    expect(await d.call('accounts.importJournalCsv', { csv: GOOD })).toMatchObject({
      ok: true,
      written: 2,
    });
    const again = await d.call('accounts.importJournalCsv', { csv: GOOD });
    expect(again).toMatchObject({ ok: false, written: 0 });
    expect(again.problems[0]!.message).toMatch(/this file has already been imported/);
    expect(again.problems.map((p) => p.line)).toEqual([1, 2, 4]);
    expect(again.problems[1]!.message).toMatch(
      /OB-1 of 2026-04-01 was imported before, as NYC-A-JE-000001/,
    );
    expect((await d.call('accounts.listDocs', { type: 'journalEntry' })).total).toBe(2);
  });

  it('refuses only the entries already posted when a file overlaps an earlier one; the same reference on another day is new', async () => {
    const d = await company();
    await d.call('accounts.importJournalCsv', { csv: GOOD });
    const overlap = [
      'date,entry reference,account code,debit,credit,currency,memo,party,branch',
      '2026-05-02,R-1,6100,1250.00,,USD,May rent,,',
      '2026-05-02,R-1,1200,,1250.00,USD,May rent,,',
      '2026-04-01,OB-1,1200,15000.00,,USD,Opening bank balance,,NYC',
      '2026-04-01,OB-1,3100,,15000.00,USD,Opening bank balance,,NYC',
    ].join('\n');
    const outcome = await d.call('accounts.importJournalCsv', { csv: overlap });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ line: 4, column: 'entry reference' });
    expect(outcome.problems[0]!.message).toMatch(/reverse NYC-A-JE-000001 first/);
    // Without the overlapping entry the file goes in.
    const may = overlap.split('\n').slice(0, 3).join('\n');
    expect(await d.call('accounts.importJournalCsv', { csv: may })).toMatchObject({
      ok: true,
      written: 1,
    });
  });

  it('takes an entry again once the earlier import of it is reversed', async () => {
    const d = await company();
    await d.call('accounts.importJournalCsv', { csv: GOOD });
    const rent = (await d.call('accounts.listDocs', { type: 'journalEntry' })).rows.find(
      (r) => r.number === 'NYC-A-JE-000002',
    )!;
    await d.call('accounts.reverseJournal', {
      id: rent.id,
      date: '2026-04-30',
      memo: 'Imported twice by mistake',
    });
    const rentOnly = GOOD.split('\r\n')
      .filter((l, i) => i === 0 || l.includes('R-1'))
      .join('\n');
    expect(await d.call('accounts.importJournalCsv', { csv: rentOnly })).toMatchObject({
      ok: true,
      written: 1,
    });
  });
});

describe('hledger export', () => {
  it('writes every posted entry, balanced, with hledger account paths', async () => {
    const d = await company();
    await d.call('accounts.importJournalCsv', { csv: GOOD });
    const text = await d.call('accounts.exportHledger', {});
    expect(text).toContain('2026-04-02 NYC-A-JE-000002');
    expect(text).toMatch(/Expenses:Expenses:6100 Rent\s+1250\.00 USD/);
    expect(text).toMatch(/Assets:Assets:1200 Bank\s+-1250\.00 USD/);
    expect(text).toMatch(/Assets:Assets:1200 Bank\s+15000\.00 USD/);
  });
});
