import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/test-server';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { poller } from '../../../core/testing/until';
import { startAppDevice } from '../../testing';

/**
 * Routing by id (issue 10): a head-office device lists every branch's records, and now also
 * opens them — before, opening another branch's invoice, draft or journal entry said "That
 * document is not on this device", because the services read the home branch only. What head
 * office changes there stays in that branch's database and books.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const CAROL = { name: 'carol', password: 'carol-pass-1', roles: ['clerk'], branches: ['BOS'] };
const until = poller({ timeoutMs: 25_000, everyMs: 150 });

let server: TestServer;
let hq: TestDevice;
let bos: TestDevice;
let posted: { _id: string; number: string | null };
let draft: { _id: string };
let invoice: { _id: string; number: string | null };

const line = (description: string, quantity: string, unitPrice: number) => ({
  description,
  quantity,
  unitPrice,
  taxCode: 'STD',
  account: '4100',
  discountBp: 0,
  itemCode: '',
});

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC', 'BOS'], users: [ALICE, CAROL] });
  hq = await startAppDevice();
  bos = await startAppDevice();
  await hq.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
  await hq.call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' });
  await hq.call('accounts.setupStarterChart', undefined);
  const customer = await hq.call('accounts.saveParty', {
    fields: {
      kind: 'customer',
      code: 'C-001',
      name: 'Bayside Cafe',
      currency: 'USD',
      paymentTermsDays: 14,
    },
  });
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
  await bos.call('setup.joinCompany', {
    serverUrl: server.url,
    orgCode: server.org,
    username: server.user('carol'),
    password: CAROL.password,
    branchCode: 'BOS',
    device: { letter: 'A', label: 'Boston counter' },
    userName: 'Carol Clerk',
  });
  posted = await bos.call('accounts.postJournal', {
    date: '2026-05-02',
    memo: 'Boston rent',
    currency: 'USD',
    lines: [
      { account: '6100', debit: 40_000, credit: 0 },
      { account: '1200', debit: 0, credit: 40_000 },
    ],
  });
  draft = await bos.call('accounts.saveJournalDraft', {
    date: '2026-05-03',
    memo: 'Boston accrual (draft)',
    currency: 'USD',
    lines: [
      { account: '6100', debit: 2_500, credit: 0 },
      { account: '2100', debit: 0, credit: 2_500 },
    ],
  });
  invoice = await bos.call('accounts.issueTradeDoc', {
    side: 'sales',
    kind: 'invoice',
    partyId: customer._id,
    date: '2026-05-04',
    currency: 'USD',
    lines: [line('Espresso beans 1 kg', '3', 1999)],
  });
  await until(
    () => bos.call('sync.getStatus', undefined),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    'BOS pushed',
  );
  await until(
    () => hq.call('index.search', { text: 'boston accrual' }),
    (h) => h.length === 1,
    'BOS records at head office',
  );
  await until(
    () => hq.call('accounts.listDocs', { type: 'tradeDoc' }),
    (rows) => JSON.stringify(rows).includes(invoice._id),
    'BOS invoice listed',
  );
});
afterAll(async () => {
  await hq?.close();
  await bos?.close();
  await server?.close();
});

describe('head office opens another branch’s records', () => {
  it('opens a posted journal entry and a draft of Boston', async () => {
    const entry = await hq.call('accounts.getJournal', { id: posted._id });
    expect(entry).toMatchObject({
      entry: { _id: posted._id, number: posted.number, branch: 'BOS', memo: 'Boston rent' },
      readOnly: true,
    });
    const d = await hq.call('accounts.getJournal', { id: draft._id });
    expect(d).toMatchObject({
      entry: { _id: draft._id, status: 'draft', branch: 'BOS' },
      readOnly: false,
    });
  });

  it('opens an invoice of Boston', async () => {
    const view = await hq.call('accounts.getTradeDoc', { id: invoice._id });
    expect(view.doc).toMatchObject({ _id: invoice._id, number: invoice.number, branch: 'BOS' });
  });

  it('edits Boston’s draft and reverses Boston’s entry in Boston’s database and books', async () => {
    await hq.call('accounts.saveJournalDraft', {
      id: draft._id,
      date: '2026-05-03',
      memo: 'Boston accrual, checked at head office',
      currency: 'USD',
      lines: [
        { account: '6100', debit: 2_500, credit: 0 },
        { account: '2100', debit: 0, credit: 2_500 },
      ],
    });
    const session = hq.core.session()!;
    expect((await session.pouch('branch-bos').get(draft._id)) as unknown).toMatchObject({
      memo: 'Boston accrual, checked at head office',
      branch: 'BOS',
    });
    await expect(session.pouch('branch-nyc').get(draft._id)).rejects.toMatchObject({ status: 404 });

    const reversal = await hq.call('accounts.reverseJournal', {
      id: posted._id,
      date: '2026-05-31',
    });
    expect(reversal).toMatchObject({ branch: 'BOS', reverses: posted._id });
    expect(await session.pouch('branch-bos').get(reversal._id)).toMatchObject({ branch: 'BOS' });
    const tb = await hq.call('accounts.trialBalance', { asOf: '2026-05-31', branch: 'BOS' });
    expect(tb.rows.find((r) => r.code === '6100')?.debit ?? 0).toBe(0);
  });

  it('still says plainly when a record is on no database this device holds', async () => {
    await expect(
      bos.call('accounts.getJournal', { id: 'journalEntry:01JNOWHERE0000000000000000' }),
    ).rejects.toThrow('That journal entry is not on this device.');
  });
});
