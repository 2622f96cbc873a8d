import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

const HEADER = 'date,entry reference,account code,debit,credit,currency,rate,memo,party,branch';

async function company(): Promise<TestDevice> {
  const d = await startTestDevice(undefined, [accountsModule]);
  device = d;
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  const party = (code: string, name: string) =>
    d.call('accounts.saveParty', {
      fields: { kind: 'customer', code, name, currency: 'USD', paymentTermsDays: 14 },
    });
  await party('C-001', 'Bayside Cafe');
  await party('C-002', 'Harbor Deli');
  await party('C-003', 'Harbor Deli');
  await d.call('accounts.saveRate', { date: '2026-04-01', currency: 'EUR', rate: '1.0825' });
  return d;
}

async function importedEntries(d: TestDevice) {
  const list = await d.call('accounts.listDocs', { type: 'journalEntry' });
  const views = await Promise.all(
    list.rows.map((r) => d.call('accounts.getJournal', { id: r.id })),
  );
  return new Map(views.map((v) => [v.entry.reference, v.entry]));
}

describe('journal import: parties by name, foreign currency', () => {
  it('takes a party by name and a EUR rate from the rate column or the rate table', async () => {
    const d = await company();
    const csv = [
      HEADER,
      '2026-04-15,FX-0415,6100,100.00,,EUR,1.10,Berlin trade fair stand,,',
      '2026-04-15,FX-0415,2100,,100.00,EUR,,Berlin trade fair stand,,',
      '2026-04-20,FX-0420,1100,200.00,,EUR,,Catering in Lyon,bayside  cafe,',
      '2026-04-20,FX-0420,4100,,200.00,EUR,,Catering in Lyon,,',
    ].join('\r\n');
    expect(await d.call('accounts.importJournalCsv', { csv })).toMatchObject({
      ok: true,
      written: 2,
    });
    const byRef = await importedEntries(d);
    const fair = byRef.get('FX-0415')!;
    expect(fair).toMatchObject({ currency: 'EUR', rate: '1.10' });
    expect(fair.lines[0]).toMatchObject({ account: '6100', debit: 10_000, baseDebit: 11_000 });
    const lyon = byRef.get('FX-0420')!;
    expect(lyon.rate).toBe('1.0825');
    const parties = await d.call('accounts.listParties', undefined);
    const bayside = parties.find((p) => p.code === 'C-001')!;
    expect(lyon.lines[0]).toMatchObject({ party: bayside._id, debit: 20_000, baseDebit: 21_650 });
  });

  it('refuses a currency with no rate anywhere and a name two parties share; writes nothing', async () => {
    const d = await company();
    const csv = [
      HEADER,
      '2026-04-22,GB-0422,6100,75.00,,GBP,,London courier,,',
      '2026-04-22,GB-0422,2100,,75.00,GBP,,London courier,,',
      '2026-04-23,HD-0423,1100,40.00,,USD,,Lunch order,Harbor Deli,',
      '2026-04-23,HD-0423,4100,,40.00,USD,,Lunch order,,',
    ].join('\r\n');
    const parsedOut = await d.call('accounts.importJournalCsv', { csv });
    expect(parsedOut).toMatchObject({ ok: false, written: 0 });
    expect(parsedOut.problems).toEqual([
      {
        line: 4,
        column: 'party',
        message:
          '2 customers or suppliers are named "Harbor Deli". Use the code instead (C-002, C-003).',
      },
    ]);
    const gbpOnly = csv.split('\r\n').slice(0, 3).join('\r\n');
    const out = await d.call('accounts.importJournalCsv', { csv: gbpOnly });
    expect(out).toMatchObject({ ok: false, written: 0 });
    expect(out.problems).toEqual([
      {
        line: 2,
        column: 'rate',
        message:
          'Entry GB-0422 is in GBP, and the exchange rate table has no GBP rate on or before 2026-04-22. Fill in the rate column, or add the rate to the table first.',
      },
    ]);
    expect((await d.call('accounts.listDocs', { type: 'journalEntry' })).rows).toEqual([]);
  });
});
