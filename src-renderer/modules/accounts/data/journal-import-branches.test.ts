import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/test-server';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { startAppDevice } from '../../testing';

/** Head office imports one file with lines for several branches (issue 11 item 6). */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const until = poller({ timeoutMs: 25_000, everyMs: 150 });

let server: TestServer;
let hq: TestDevice;

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC', 'MNL'], users: [ALICE] });
  hq = await startAppDevice();
  await hq.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
  await hq.call('org.addBranch', { code: 'MNL', name: 'Manila', currency: 'USD' });
  await hq.call('accounts.setupStarterChart', undefined);
  await hq.call('sync.connect', {
    serverUrl: server.url,
    username: server.user('alice'),
    password: ALICE.password,
  });
  await until(
    () => hq.call('sync.getStatus', undefined),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    'HQ synced',
  );
}, 60_000);

afterAll(async () => {
  await hq?.close();
  await server?.close();
});

describe('journal import at head office', () => {
  it('posts each entry into its own branch database', async () => {
    const csv = [
      'date,entry reference,account code,debit,credit,currency,memo,party,branch',
      '2026-04-30,MNL-04,6100,850.00,,USD,Manila office rent,,MNL',
      '2026-04-30,MNL-04,1200,,850.00,USD,Manila office rent,,MNL',
      '2026-04-30,NYC-04,6100,2400.00,,USD,New York office rent,,',
      '2026-04-30,NYC-04,1200,,2400.00,USD,New York office rent,,',
    ].join('\r\n');
    const outcome = await hq.call('accounts.importJournalCsv', { csv });
    expect(outcome).toMatchObject({ ok: true, written: 2 });
    const list = await hq.call('accounts.listDocs', { type: 'journalEntry' });
    expect(list.rows.map((r) => [r.reference, r.branch, r.db]).sort()).toEqual([
      ['MNL-04', 'MNL', 'branch-mnl'],
      ['NYC-04', 'NYC', 'branch-nyc'],
    ]);
  });
});
