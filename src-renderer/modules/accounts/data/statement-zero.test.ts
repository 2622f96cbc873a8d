import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

const OFX = readFileSync(join(__dirname, '../domain/io/fixtures/ofx1-checking.ofx'), 'utf8');

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

describe('a statement whose lines are all zero', () => {
  it('is refused with the reason for every skipped line, and nothing is saved', async () => {
    const d = await startTestDevice(undefined, [accountsModule]);
    device = d;
    await d.call('setup.createCompany', ACME_INPUT);
    await d.call('accounts.setupStarterChart', undefined);
    const zeros = OFX.replace(/<TRNAMT>[^\n]*/g, '<TRNAMT>-0');
    const res = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'zeros.ofx',
      text: zeros,
    });
    expect(res.kind).toBe('refused');
    if (res.kind !== 'refused') return;
    expect(res.problems[0]!.message).toBe('The statement has no transactions to import.');
    expect(res.problems.slice(1).map((p) => [p.line, p.column])).toEqual([
      [46, 'TRNAMT'],
      [54, 'TRNAMT'],
      [63, 'TRNAMT'],
      [70, 'TRNAMT'],
    ]);
    expect(res.problems[1]!.message).toMatch(/amount is zero/);
    expect(await d.call('banking.listStatements', {})).toEqual([]);
  });
});
