import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../domain/io/fixtures', name), 'utf8');

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function books(): Promise<TestDevice> {
  const d = await startTestDevice(undefined, [accountsModule]);
  device = d;
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  return d;
}

describe('importing lines whose bank reference repeats', () => {
  it('imports every line once, shows them all, and skips exactly those on a re-import', async () => {
    const d = await books();
    // Same FITID for every transaction of a day, two identical coffee purchases among them.
    const text = fixture('ofx1-repeated-fitid.ofx');
    const first = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'april.ofx',
      text,
    });
    expect(first).toMatchObject({ kind: 'imported', imported: 4, skipped: 0 });
    const view = await d.call('banking.reconciliation', { account: '1200' });
    expect(view.statementLines.map((l) => l.amount)).toEqual([-4217, -4217, -999, 250_000]);

    // The same export saved again with an extra header line, plus one new transaction.
    const again = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'april-again.ofx',
      text: text
        .replace('NEWFILEUID:NONE', 'NEWFILEUID:NONE\n')
        .replace(
          '</BANKTRANLIST>',
          '<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20260407\n<TRNAMT>-42.17\n<FITID>20260407\n<NAME>PAYPAL\n</STMTTRN>\n</BANKTRANLIST>',
        ),
    });
    expect(again).toMatchObject({ kind: 'imported', imported: 1, skipped: 4 });
  });
});
