import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import type { TestServer } from './test-server';
import { ALICE, BOB, HANK, journalEntry, kit, startAcme } from './guard-test-kit';
import type { Answer } from './guard-test-kit';

// Issue 9, items 4 and 15: malformed requests answer CouchDB's JSON errors (never an HTML
// stack trace with the server's paths), and refusals carry CouchDB 3's status codes and words.

let server: TestServer;
const { call, asAdmin } = kit(() => server);

beforeAll(async () => {
  server = await startAcme();
});
afterAll(async () => {
  await server?.close();
});
beforeEach((ctx: TestContext) => {
  if (server.external) ctx.skip(); // the bundled server's own guard
});

function expectCleanJson(res: Answer, what: string): void {
  expect(res.type, what).toMatch(/application\/json/);
  expect(res.body, what).toMatchObject({ error: expect.any(String), reason: expect.any(String) });
  expect(res.text, what).not.toMatch(/<html|<pre|node_modules|\/work\/|at .*\(.*:\d+:\d+\)/i);
}

describe('malformed requests (item 4)', () => {
  const bulk = '/acme-branch-nyc/_bulk_docs';

  it('answers a malformed _bulk_docs with 400 and CouchDB words, for members and the server admin', async () => {
    const cases: [unknown, string, string][] = [
      [{ docs: 5 }, 'bad_request', '`docs` parameter must be an array.'],
      [{ docs: 'x' }, 'bad_request', '`docs` parameter must be an array.'],
      [{}, 'bad_request', 'POST body must include `docs` parameter.'],
      [{ docs: [null] }, 'bad_request', 'Document must be a JSON object'],
      [{ docs: [journalEntry('draft'), 1] }, 'bad_request', 'Document must be a JSON object'],
      [{ docs: ['x'] }, 'bad_request', 'Document must be a JSON object'],
      [{ docs: [[]] }, 'bad_request', 'Document must be a JSON object'],
      [
        { docs: [{ ...journalEntry('draft'), _id: 5 }] },
        'illegal_docid',
        'Document id must be a string',
      ],
      [{ docs: [], new_edits: 'no' }, 'bad_request', '`new_edits` parameter must be a boolean.'],
    ];
    for (const who of [BOB, asAdmin()]) {
      for (const [body, error, reason] of cases) {
        const res = await call(who, 'POST', bulk, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body).toEqual({ error, reason });
        expectCleanJson(res, JSON.stringify(body));
      }
    }
    const forged = { ...journalEntry('draft'), _rev: '1-a', _revisions: { start: 'x', ids: 7 } };
    const res = await call(BOB, 'POST', bulk, { docs: [forged], new_edits: false });
    expect(res.status).toBe(400);
    expectCleanJson(res, 'bad _revisions');
  });

  it('answers document bodies that are not JSON objects with 400 JSON', async () => {
    for (const who of [BOB, asAdmin()]) {
      for (const raw of ['{bad', '[1]', '"text"', '42', 'null']) {
        const res = await call(who, 'PUT', '/acme-branch-nyc/journalEntry:01JX', undefined, {
          raw,
        });
        expect(res.status, raw).toBe(400);
        expectCleanJson(res, raw);
      }
    }
  });

  it('answers a _bulk_docs body that is not a JSON object with 400 JSON', async () => {
    for (const who of [BOB, asAdmin()]) {
      for (const raw of ['[1]', '"text"', '42', 'null', '{bad']) {
        const res = await call(who, 'POST', bulk, undefined, { raw });
        expect(res.status, raw).toBe(400);
        expectCleanJson(res, raw);
      }
    }
  });

  it('keeps working after them', async () => {
    const res = await call(BOB, 'POST', bulk, { docs: [journalEntry('draft')] });
    expect(res.status).toBe(201);
    expect(res.body[0].ok).toBe(true);
  });
});

describe('status codes as on CouchDB 3 (item 15)', () => {
  const notServerAdmin = { error: 'unauthorized', reason: 'You are not a server admin.' };

  it('answers server-admin work with 401 "You are not a server admin."', async () => {
    const tries: [typeof BOB | null, string, string][] = [
      [BOB, 'GET', '/_all_dbs'],
      [null, 'GET', '/_all_dbs'],
      [ALICE, 'PUT', '/acme-branch-chi'],
      [BOB, 'DELETE', '/acme-branch-nyc'],
      [ALICE, 'POST', '/acme-master/_purge'],
      [ALICE, 'POST', '/_replicate'],
      [ALICE, 'GET', '/_config'],
    ];
    for (const [who, method, path] of tries) {
      const res = await call(who, method, path, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toEqual(notServerAdmin);
    }
    expect((await call(asAdmin(), 'GET', '/_all_dbs')).status).toBe(200);
  });

  it('answers compaction by a non-db-admin with 401, and db-admin work with 403', async () => {
    for (const path of ['/acme-master/_compact', '/acme-master/_view_cleanup']) {
      const res = await call(BOB, 'POST', path, {});
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 'unauthorized',
        reason: 'You are not a server or db admin.',
      });
      expect((await call(ALICE, 'POST', path, {})).status).toBeLessThan(300);
    }
    const notDbAdmin = { error: 'forbidden', reason: 'You are not a db or server admin.' };
    const sec = await call(HANK, 'PUT', '/acme-master/_security', { members: { roles: ['hq'] } });
    expect(sec.status).toBe(403);
    expect(sec.body).toEqual(notDbAdmin);
    const ddoc = await call(HANK, 'PUT', '/acme-master/_design/reports', { views: {} });
    expect(ddoc.status).toBe(403);
    expect(ddoc.body).toEqual(notDbAdmin);
    const inBulk = await call(BOB, 'POST', '/acme-branch-nyc/_bulk_docs', {
      docs: [{ _id: '_design/x' }],
    });
    expect(inBulk.body).toEqual([{ id: '_design/x', ...notDbAdmin }]);
  });

  it('lets a database admin of master write, use and delete design documents', async () => {
    const ddoc = {
      _id: '_design/reports',
      views: { byType: { map: 'function (doc) { emit(doc.type, 1); }' } },
    };
    const put = await call(ALICE, 'PUT', '/acme-master/_design/reports', ddoc);
    expect(put.status, put.text).toBe(201);
    expect((await call(ALICE, 'GET', '/acme-master/_design/reports/_view/byType')).status).toBe(
      200,
    );
    const again = await call(ALICE, 'POST', '/acme-master/_bulk_docs', {
      docs: [{ ...ddoc, _rev: put.body.rev, language: 'javascript' }],
    });
    expect(again.body[0].ok).toBe(true);
    const del = await call(
      ALICE,
      'DELETE',
      `/acme-master/_design/reports?rev=${again.body[0].rev}`,
    );
    expect(del.status).toBe(200);
  });
});
