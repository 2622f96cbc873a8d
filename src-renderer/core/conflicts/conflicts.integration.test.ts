import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import type { ConflictRecord } from '../rpc/contract';
import { mergeFields } from './conflict-diff';
import { poller } from '../testing/until';

/**
 * Two head-office devices edit the same master document (the company) while both are
 * offline; after sync both see the conflict, one merges it, and both end with one version.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const CAROL = {
  name: 'carol',
  password: 'carol-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};

let server: TestServer;
let a: TestDevice;
let b: TestDevice;

const until = poller({ timeoutMs: 20_000, everyMs: 100 });

const upToDate = (d: TestDevice, what: string) =>
  until(
    () => d.call('sync.getStatus', undefined),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    what,
  );

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE, CAROL] });
  a = await startTestDevice();
  b = await startTestDevice();
  await a.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
  await a.call('sync.connect', {
    serverUrl: server.url,
    username: server.user('alice'),
    password: ALICE.password,
  });
  await upToDate(a, 'A up to date');
  await b.call('setup.joinCompany', {
    serverUrl: server.url,
    orgCode: server.org,
    username: server.user('carol'),
    password: CAROL.password,
    branchCode: 'NYC',
    device: { letter: 'B', label: 'Second head office PC' },
    userName: 'Carol Controller',
  });
  await upToDate(b, 'B up to date');
  await until(
    () => a.call('org.listDevices', undefined),
    (d) => d.length === 2,
    'device B at A',
  );
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

describe('conflicts between two offices', () => {
  let seenByB: ConflictRecord;

  it('both offices see the conflict after editing the same record offline', async () => {
    expect(await a.call('conflicts.count', undefined)).toBe(0);
    expect(await a.call('conflicts.list', undefined)).toEqual([]);

    a.core.setOnline(false);
    b.core.setOnline(false);
    await a.call('org.updateCompany', { name: 'Acme Trading (A)', fiscalYearStartMonth: 4 });
    await b.call('org.updateCompany', { name: 'Acme Trading (B)', fiscalYearStartMonth: 7 });
    a.core.setOnline(true);
    await upToDate(a, 'A pushed');
    b.core.setOnline(true);
    await upToDate(b, 'B pushed');

    for (const d of [a, b])
      await until(
        () => d.call('conflicts.count', undefined),
        (n) => n === 1,
        'conflict counted',
      );
    const [atA] = await a.call('conflicts.list', undefined);
    const [atB] = await until(
      () => b.call('conflicts.list', undefined),
      (l) => l.length === 1,
      'conflict listed at B',
    );
    seenByB = atB!;
    expect(atA).toMatchObject({
      db: 'master',
      type: 'company',
      id: expect.stringMatching(/^company:/),
    });
    expect(atA!.revs).toEqual(atB!.revs);
    expect(atA!.versions).toHaveLength(2);
    expect(atA!.versions[0]!.winner).toBe(true);
    expect(atA!.versions.map((v) => v.doc.name).sort()).toEqual([
      'Acme Trading (A)',
      'Acme Trading (B)',
    ]);
    expect(atA!.versions.map((v) => v.editedBy).sort()).toEqual([
      'Alice Admin',
      'Carol Controller',
    ]);
    // Each version names the device it was made on, not the one that created the record.
    const devices = await a.call('org.listDevices', undefined);
    const idOf = (letter: string) => devices.find((d) => d.letter === letter)!._id;
    expect(Object.fromEntries(atA!.versions.map((v) => [v.editedBy, v.editedOn]))).toEqual({
      'Alice Admin': idOf('A'),
      'Carol Controller': idOf('B'),
    });
    const byField = Object.fromEntries(atA!.fields.map((f) => [f.field, f]));
    expect(byField.name!.differs).toBe(true);
    expect(byField.fiscalYearStartMonth!.differs).toBe(true);
    expect(byField.baseCurrency!.differs).toBe(false);
    expect(byField.updatedAt).toMatchObject({ audit: true });
  });

  it('refuses an invalid merge with field messages, and a merge of unknown revisions', async () => {
    const [rec] = await a.call('conflicts.list', undefined);
    await expect(
      a.call('conflicts.resolve', {
        db: rec!.db,
        id: rec!.id,
        revs: rec!.revs,
        merged: { name: '' },
      }),
    ).rejects.toMatchObject({ code: 'validation', fields: { name: expect.any(String) } });
    await expect(
      a.call('conflicts.resolve', {
        db: rec!.db,
        id: rec!.id,
        revs: [rec!.revs[0]!],
        keepRev: rec!.revs[0]!,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await a.call('conflicts.count', undefined)).toBe(1);
  });

  it('one office merges field by field; both end with the merged version and no conflict', async () => {
    const [rec] = await a.call('conflicts.list', undefined);
    const iA = rec!.versions.findIndex((v) => v.doc.name === 'Acme Trading (A)');
    const iB = rec!.versions.findIndex((v) => v.doc.name === 'Acme Trading (B)');
    const merged = mergeFields(rec!.fields, { name: iA, fiscalYearStartMonth: iB });
    const res = await a.call('conflicts.resolve', {
      db: rec!.db,
      id: rec!.id,
      revs: rec!.revs,
      merged,
    });
    expect(res.rev).toMatch(/^3-/);
    expect(await a.call('conflicts.count', undefined)).toBe(0);
    expect(await a.call('conflicts.list', undefined)).toEqual([]);

    await upToDate(a, 'A pushed the resolution');
    await until(
      () => b.call('conflicts.count', undefined),
      (n) => n === 0,
      'no conflict at B',
    );
    expect(await b.call('conflicts.list', undefined)).toEqual([]);
    for (const d of [a, b]) {
      const company = await until(
        () => d.call('org.getCompany', undefined),
        (c) => c._rev === res.rev,
        'resolved company',
      );
      expect(company).toMatchObject({
        name: 'Acme Trading (A)',
        fiscalYearStartMonth: 7,
        updatedBy: 'Alice Admin',
      });
    }
  });

  it('the other office, deciding on the old listing, is told to reload', async () => {
    await expect(
      b.call('conflicts.resolve', {
        db: seenByB.db,
        id: seenByB.id,
        revs: seenByB.revs,
        keepRev: seenByB.revs[1]!,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/another office/) });
    expect((await b.call('org.getCompany', undefined)).name).toBe('Acme Trading (A)');
  });
});
