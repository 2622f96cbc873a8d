import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

describe('journal import on a New York device: messages name the real cause', () => {
  it('another branch exists but is not booked here; 6000 is a group; nothing is written', async () => {
    const d = await startTestDevice(undefined, [accountsModule]);
    device = d;
    await d.call('setup.createCompany', ACME_INPUT);
    await d.call('org.addBranch', { code: 'MNL', name: 'Manila', currency: 'USD' });
    await d.call('accounts.setupStarterChart', undefined);
    const csv = [
      'date,entry reference,account code,debit,credit,currency,memo,party,branch',
      '2026-04-30,MNL-04,6100,850.00,,USD,Manila office rent,,MNL',
      '2026-04-30,MNL-04,1200,,850.00,USD,Manila office rent,,MNL',
      '2026-04-30,EXP-04,6000,120.00,,USD,April expenses,,',
      '2026-04-30,EXP-04,1200,,120.00,USD,April expenses,,',
    ].join('\r\n');
    const outcome = await d.call('accounts.importJournalCsv', { csv });
    expect(outcome).toMatchObject({ ok: false, written: 0 });
    const messages = outcome.problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('2: Branch MNL exists, but you cannot book into it from here');
    expect(messages[2]).toMatch(
      /^4: 6000 is a group account.*Use one of its sub-accounts \(6\d\d\d, /,
    );
  });
});
