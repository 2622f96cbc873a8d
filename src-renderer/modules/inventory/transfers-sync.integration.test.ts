import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { ACME_INPUT, type TestDevice } from '../../core/testing/node-core';
import { poller } from '../../core/testing/until';
import { startAppDevice } from '../testing';
import type { TransferDispatch, TransferReceipt } from './domain/transfer-schemas';
import { transferState } from './domain/transfer-state';

/**
 * Where a transfer lives (issue 12 item 3), end to end through real sync: New York's and
 * Manila's devices each hold the company-wide `transfers` database (not each other's branch
 * database); Manila sees what New York dispatched without head office online, records what
 * arrived, and New York sees it. A receipt New York writes for Manila is refused by the server
 * and listed with the server's reason, never dropped.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const BOB = { name: 'bob', password: 'bob-pass-12', roles: ['clerk'], branches: ['NYC'] };
const MARIA = { name: 'maria', password: 'maria-pass-1', roles: ['clerk'], branches: ['MNL'] };
const until = poller({ timeoutMs: 25_000, everyMs: 150 });

let server: TestServer;
let nyc: TestDevice;
let mnl: TestDevice;

const synced = (d: TestDevice, what: string) =>
  until(
    () => d.call('sync.getStatus', undefined),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    what,
  );
const repo = <T extends TransferDispatch | TransferReceipt>(d: TestDevice, type: T['type']) =>
  d.core.session()!.repository<T>('transfers', type);
async function allTransferDocs(d: TestDevice): Promise<Record<string, unknown>[]> {
  const res = await d.core.session()!.pouch('transfers').allDocs({ include_docs: true });
  return res.rows.map((r) => r.doc as unknown as Record<string, unknown>);
}

beforeAll(async () => {
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC', 'MNL'],
    users: [ALICE, BOB, MARIA],
  });
  const hq = await startAppDevice();
  try {
    await hq.call('setup.createCompany', {
      ...ACME_INPUT,
      company: { ...ACME_INPUT.company, orgCode: server.org },
    });
    await hq.call('org.addBranch', { code: 'MNL', name: 'Manila', currency: 'PHP' });
    await hq.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('alice'),
      password: ALICE.password,
    });
    await synced(hq, 'head office set up the company');
  } finally {
    // Head office goes offline for good: the branches manage on their own.
    await hq.close();
  }
  nyc = await startAppDevice();
  mnl = await startAppDevice();
  const join = (d: TestDevice, who: typeof BOB, branchCode: string, userName: string) =>
    d.call('setup.joinCompany', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user(who.name),
      password: who.password,
      branchCode,
      device: { letter: 'B', label: `${branchCode} stockroom` },
      userName,
    });
  await join(nyc, BOB, 'NYC', 'Bob Clerk');
  await join(mnl, MARIA, 'MNL', 'Maria Santos');
});

afterAll(async () => {
  await nyc?.close();
  await mnl?.close();
  await server?.close();
});

describe('transfers between branches', () => {
  it('every device holds and syncs the transfers database, besides master and its own branch', async () => {
    for (const [d, own] of [
      [nyc, 'branch-nyc'],
      [mnl, 'branch-mnl'],
    ] as const) {
      const s = await synced(d, own);
      expect(s.databases.map((x) => x.db).sort()).toEqual(
        expect.arrayContaining(['master', own, 'transfers']),
      );
      expect(s.databases.map((x) => x.db)).not.toContain(
        own === 'branch-nyc' ? 'branch-mnl' : 'branch-nyc',
      );
    }
  });

  it('Manila sees what New York dispatched and records what arrived; New York sees it', async () => {
    const dispatch = await repo<TransferDispatch>(nyc, 'transferDispatch').create(
      {
        number: 'NYC-B-TRF-000001',
        date: '2026-03-02',
        fromWarehouse: 'warehouse:NYC-MAIN',
        toBranch: 'MNL',
        lines: [
          { item: 'item:CHAIR-ERGO-BLK', qty: '12', unitCost: 8950 },
          { item: 'item:PAPER-A4-80G', qty: '40.5', unitCost: 412 },
        ],
        memo: 'Office fit-out, Manila',
        status: 'posted',
      },
      'NYC',
    );
    await synced(nyc, 'NYC sent the dispatch');
    const arrived = await until(
      () => allTransferDocs(mnl),
      (docs) => docs.some((d) => d._id === dispatch._id),
      'the dispatch reached Manila',
    );
    const seen = arrived.find((d) => d._id === dispatch._id) as unknown as TransferDispatch;
    expect(transferState(seen, []).status).toBe('dispatched');

    const receipt = await repo<TransferReceipt>(mnl, 'transferReceipt').create(
      {
        transfer: dispatch._id,
        toBranch: 'MNL',
        warehouse: 'warehouse:MNL-MAIN',
        date: '2026-03-09',
        lines: [{ line: 0, qty: '10' }],
        closesShort: false,
        memo: '',
        status: 'posted',
      },
      'MNL',
    );
    await synced(mnl, 'Manila sent its receipt');
    const back = await until(
      () => allTransferDocs(nyc),
      (docs) => docs.some((d) => d._id === receipt._id),
      'the receipt reached New York',
    );
    const receipts = back.filter(
      (d) => d.type === 'transferReceipt',
    ) as unknown as TransferReceipt[];
    const state = transferState(dispatch, receipts);
    expect(state.status).toBe('partlyReceived');
    expect(state.lines.map((l) => l.inTransit / 10_000)).toEqual([2, 40.5]);
  });

  it('a receipt New York writes for Manila is refused by the server and listed with its reason', async () => {
    const forged = await repo<TransferReceipt>(nyc, 'transferReceipt').create(
      {
        transfer: 'transferDispatch:01JQ3V8K2M6N7P8R9S0T1V2W3X',
        toBranch: 'MNL',
        warehouse: 'warehouse:MNL-MAIN',
        date: '2026-03-09',
        lines: [{ line: 0, qty: '12' }],
        closesShort: false,
        memo: '',
        status: 'posted',
      },
      'MNL',
    );
    const refused = await until(
      () => nyc.call('sync.listRefused', undefined),
      (list) => list.some((r) => r.docId === forged._id),
      'the server refused the forged receipt',
    );
    expect(refused.find((r) => r.docId === forged._id)).toMatchObject({
      db: 'transfers',
      status: 'forbidden',
      reason:
        'Only members of branch MNL may record this transferReceipt; you are not assigned to branch MNL.',
    });
    expect((await allTransferDocs(mnl)).some((d) => d._id === forged._id)).toBe(false);
  });
});
