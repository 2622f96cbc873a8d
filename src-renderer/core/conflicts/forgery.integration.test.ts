import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGED_SIBLING_REASON } from '../../../server/guard-plan';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { accountsModule } from '../../modules/accounts';
import type { JournalEntry } from '../../modules/accounts/domain/schemas';
import type { Db } from '../db/pouch';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * Issue 9, item 7: a clerk forges a draft sibling of a posted journal entry with an invented,
 * longer history (`new_edits: false`), as Apache CouchDB 3.5 accepts from replication, so
 * CouchDB's winner is the draft. Every device must still count, show and keep the posted entry.
 * The first tests forge on a device's own copy (nothing reaches the server); the last pushes the
 * forgery through the server, which Apache CouchDB takes from the clerk and the bundled one refuses.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const TOM = { name: 'tom', password: 'tom-pass-12', roles: ['clerk'], branches: ['NYC'] };

let server: TestServer;
let a: TestDevice;
let b: TestDevice;
let posted: JournalEntry;

const until = poller({ timeoutMs: 20_000, everyMs: 50 });
const upToDate = (d: TestDevice, what: string) =>
  until(
    () => d.call('sync.getStatus', undefined),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    what,
  );
const branchDb = (d: TestDevice): Db => d.core.session()!.dbs.get('branch-nyc')!;
const cash = async (d: TestDevice) =>
  (await d.call('accounts.trialBalance', { asOf: '2026-12-31' })).rows.find(
    (r) => r.code === '1200',
  );

/** What a clerk's tampered device sends: the posted entry as a draft, amounts changed, history invented. */
function forgery(current: JournalEntry, by: string, device: string, amount: number) {
  const ids = Array.from({ length: 50 }, () => randomBytes(16).toString('hex'));
  return {
    ...current,
    _rev: `50-${ids[0]}`,
    _revisions: { start: 50, ids },
    status: 'draft',
    number: null,
    postedAt: null,
    postedBy: null,
    memo: 'Owner invests capital (corrected)',
    lines: current.lines.map((l) => ({
      ...l,
      debit: l.debit ? amount : 0,
      credit: l.credit ? amount : 0,
      baseDebit: l.debit ? amount : 0,
      baseCredit: l.credit ? amount : 0,
    })),
    updatedAt: '2026-04-03T17:45:00.000Z',
    updatedBy: by,
    device,
  };
}

async function forge(db: Db, by: string, device: string, amount: number): Promise<string> {
  const current = (await db.get(posted._id)) as unknown as JournalEntry;
  const forged = forgery(current, by, device, amount);
  await db.bulkDocs([forged] as never, { new_edits: false });
  const winner = (await db.get(posted._id, { conflicts: true })) as unknown as {
    _rev: string;
    _conflicts?: string[];
  };
  expect(winner._rev).toBe(forged._rev); // CouchDB's own choice is the forgery
  return forged._rev;
}

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE, TOM] });
  a = await startTestDevice(undefined, [accountsModule]);
  b = await startTestDevice(undefined, [accountsModule]);
  // On an external CouchDB (OUTPOST_TEST_COUCH_URL) the org code and user names carry a run suffix.
  await a.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
  await a.call('accounts.setupStarterChart', undefined);
  await a.call('sync.connect', {
    serverUrl: server.url,
    username: server.user('alice'),
    password: ALICE.password,
  });
  posted = await a.call('accounts.postJournal', {
    date: '2026-04-02',
    memo: 'Owner invests capital',
    currency: 'USD',
    lines: [
      { account: '1200', debit: 5_000_000, credit: 0 },
      { account: '3100', debit: 0, credit: 5_000_000 },
    ],
  });
  await upToDate(a, 'A up to date');
  await b.call('setup.joinCompany', {
    serverUrl: server.url,
    orgCode: server.org,
    username: server.user('tom'),
    password: TOM.password,
    branchCode: 'NYC',
    device: { letter: 'B', label: 'Front desk PC' },
    userName: 'Tom Clerk',
  });
  await upToDate(b, 'B up to date');
  await until(
    () => b.call('accounts.trialBalance', { asOf: '2026-12-31' }),
    (t) => t.totalDebit === 5_000_000,
    'entry at B',
  );
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

describe('a forged draft beside a posted entry', () => {
  it('on a device that may not correct it, the posted entry is still what is counted, shown and kept', async () => {
    b.core.setOnline(false);
    const session = b.core.session()!;
    const signedIn = session.config.user;
    // A reader of the branch (an auditor): may not write, so it must leave the correction to others.
    session.config = { ...session.config, user: { name: server.user('tom'), roles: ['auditor'] } };
    try {
      const forgedRev = await forge(branchDb(b), 'Tom Clerk', session.config.deviceId, 100);
      await until(
        () => b.call('conflicts.count', undefined),
        (n) => n === 1,
        'conflict counted at B',
      );

      expect(await cash(b)).toMatchObject({ debit: 5_000_000, credit: 0 });
      const view = await b.call('accounts.getJournal', { id: posted._id });
      expect(view.entry).toMatchObject({
        status: 'posted',
        number: posted.number,
        memo: 'Owner invests capital',
      });
      expect(view.readOnly).toBe(true);
      await expect(
        b.call('accounts.saveJournalDraft', {
          id: posted._id,
          date: '2026-04-02',
          currency: 'USD',
          memo: 'x',
          lines: posted.lines.map((l) => ({
            account: l.account,
            debit: l.debit,
            credit: l.credit,
          })),
        }),
      ).rejects.toMatchObject({ code: 'read-only' });

      const [waiting] = await b.call('conflicts.forgeries', undefined);
      expect(waiting).toMatchObject({
        id: posted._id,
        forgedRev,
        state: 'waiting',
        claimed: { by: 'Tom Clerk' },
        detectedAt: null,
      });
      expect(waiting!.changes.map((c) => c.field)).toEqual(
        expect.arrayContaining(['status', 'lines', 'memo']),
      );
      const [rec] = await b.call('conflicts.list', undefined);
      expect(rec!.versions[0]).toMatchObject({ rev: posted._rev, posted: true, winner: true });
      expect(rec!.versions[1]).toMatchObject({ rev: forgedRev, forged: true, winner: false });
    } finally {
      session.config = { ...session.config, user: signedIn };
    }
  });

  it('a device that may correct it does so as soon as it is found, and keeps a report', async () => {
    a.core.setOnline(false);
    const forgedRev = await forge(branchDb(a), 'Tom Clerk', b.core.session()!.config.deviceId, 1);
    // Corrected without anyone opening the Conflicts page: the forged version is deleted.
    await until(
      async () =>
        (await branchDb(a).get(posted._id, { conflicts: true })) as {
          _rev: string;
          _conflicts?: string[];
        },
      (d) => d._rev === posted._rev && !d._conflicts?.length,
      'corrected at A',
    );
    await until(
      () => a.call('conflicts.count', undefined),
      (n) => n === 0,
      'no conflict counted at A',
    );
    expect(await cash(a)).toMatchObject({ debit: 5_000_000, credit: 0 });
    expect((await a.call('accounts.getJournal', { id: posted._id })).entry.memo).toBe(
      'Owner invests capital',
    );

    const list = await a.call('conflicts.forgeries', undefined);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: posted._id,
      postedRev: posted._rev,
      forgedRev,
      state: 'corrected',
      claimed: {
        by: 'Tom Clerk',
        device: b.core.session()!.config.deviceId,
        at: '2026-04-03T17:45:00.000Z',
      },
      correctedBy: 'Alice Admin',
      correctedOn: a.core.session()!.config.deviceId,
    });
    expect(list[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'status', posted: 'posted', forged: 'draft' }]),
    );
    expect(list[0]!.detectedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('the device that could not correct it does so once a user who may opens the Conflicts page', async () => {
    expect(await b.call('conflicts.count', undefined)).toBe(1);
    expect(await b.call('conflicts.list', undefined)).toEqual([]);
    expect(await b.call('conflicts.count', undefined)).toBe(0);
    const [entry] = await b.call('conflicts.forgeries', undefined);
    expect(entry).toMatchObject({
      state: 'corrected',
      correctedBy: 'Tom Clerk',
      claimed: { by: 'Tom Clerk' },
    });
    expect(await cash(b)).toMatchObject({ debit: 5_000_000, credit: 0 });
  });
});

describe('a forged draft that reaches the server', () => {
  const basic = (name: string, password: string) =>
    `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
  const asAdmin = () => basic(server.admin.username, server.admin.password);
  const branchUrl = () => `${server.url}/${server.org}-branch-nyc`;
  const push = (doc: object, authorization: string) =>
    fetch(`${branchUrl()}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: [doc], new_edits: false }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string }[] }));
  const onServer = () =>
    fetch(`${branchUrl()}/${encodeURIComponent(posted._id)}?conflicts=true`, {
      headers: { authorization: asAdmin() },
    }).then((r) => r.json() as Promise<{ _rev: string; _conflicts?: string[] }>);

  it('is corrected on the server by head office, and every office still counts the posted entry', async () => {
    const forged = forgery(posted, 'Tom Clerk', b.core.session()!.config.deviceId, 7);
    // Apache CouchDB 3.5 takes the invented history from the clerk (an empty answer). The
    // bundled server refuses it; only its server admin can put it there, as CouchDB would.
    const byClerk = await push(forged, basic(server.user('tom'), TOM.password));
    expect(byClerk.status).toBe(201);
    const [refusal] = byClerk.body;
    if (refusal?.error) {
      expect(refusal).toMatchObject({ error: 'forbidden', reason: FORGED_SIBLING_REASON });
      expect((await push(forged, asAdmin())).status).toBe(201);
    }
    expect((await onServer())._rev).toBe(forged._rev); // CouchDB's own choice is the forgery

    a.core.setOnline(true);
    await until(
      onServer,
      (d) => d._rev === posted._rev && !d._conflicts?.length,
      'the posted entry the only version on the server again',
    );
    await upToDate(a, 'A up to date after the correction');
    const reports = await a.call('conflicts.forgeries', undefined);
    expect(reports.find((r) => r.forgedRev === forged._rev)).toMatchObject({
      state: 'corrected',
      correctedBy: 'Alice Admin',
    });
    expect(await cash(a)).toMatchObject({ debit: 5_000_000, credit: 0 });

    b.core.setOnline(true);
    await upToDate(b, 'B up to date after the correction');
    expect(await b.call('conflicts.count', undefined)).toBe(0);
    expect(await cash(b)).toMatchObject({ debit: 5_000_000, credit: 0 });
  });
});
