import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

// DKB's Girokonto CSV: 13 lines about the account and period above the table.
const DKB = readFileSync(
  join(__dirname, '../domain/io/fixtures/statement-dkb-preamble.csv'),
  'utf8',
);

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

describe('a bank CSV with lines above the header', () => {
  it('asks for the columns of the real header, then imports its lines', async () => {
    const d = await startTestDevice(undefined, [accountsModule]);
    device = d;
    await d.call('setup.createCompany', ACME_INPUT);
    await d.call('accounts.setupStarterChart', undefined);
    const first = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'dkb.csv',
      text: DKB,
    });
    expect(first.kind).toBe('needs-mapping');
    if (first.kind !== 'needs-mapping') return;
    expect(first.header.slice(0, 3)).toEqual(['Buchungstag', 'Wertstellung', 'Buchungstext']);
    const preview = await d.call('banking.previewStatement', { text: DKB, rows: 5 });
    expect(preview.rows.map((r) => r[0])).toEqual(['28.03.2026', '15.03.2026']);
  });
});
