import { randomBytes } from 'node:crypto';
import { deviceFields } from './test-docs';
import { startTestServer } from './test-server';
import type { TestServer, TestUser } from './test-server';

/**
 * Shared by the guard's integration tests (guard-*.test.ts): the users of the Acme test
 * company, a raw HTTP caller, and realistic documents. These tests exercise the bundled
 * server's own guard; against an external CouchDB (OUTPOST_TEST_COUCH_URL) they skip.
 */

export const ALICE: TestUser = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
export const HANK: TestUser = { name: 'hank', password: 'hank-pass-1', roles: ['hq'] };
export const BOB: TestUser = {
  name: 'bob',
  password: 'bob-pass-12',
  roles: ['clerk'],
  branches: ['NYC'],
};
export const CARL: TestUser = {
  name: 'carl',
  password: 'carl-pass-1',
  roles: ['clerk'],
  branches: ['BOS'],
};
export const PAT: TestUser = { name: 'pat', password: 'pat-pass-12', roles: ['payroll'] };

export type Who = { name: string; password: string } | null;
export type Doc = Record<string, unknown> & { _id: string };
export interface Answer {
  status: number;
  type: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes
  body: any;
}

export function startAcme(): Promise<TestServer> {
  return startTestServer({
    org: 'acme',
    branches: ['NYC', 'BOS'],
    users: [ALICE, HANK, BOB, CARL, PAT],
  });
}

export function kit(server: () => TestServer) {
  const asAdmin = (): Who => ({ name: server().admin.username, password: server().admin.password });

  /** One request; `raw` sends the body text as it is (malformed JSON, arrays …). */
  async function call(
    who: Who,
    method: string,
    path: string,
    body?: unknown,
    opts: { raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (who)
      headers.authorization =
        'Basic ' + Buffer.from(`${who.name}:${who.password}`).toString('base64');
    const payload = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(server().url + path, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null; // an HTML page: the tests look at `text`
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: parsed };
  }

  async function current(db: string, id: string, rev?: string): Promise<Doc | null> {
    const q = rev ? `?rev=${rev}` : '';
    const res = await call(asAdmin(), 'GET', `/${db}/${encodeURIComponent(id)}${q}`);
    return res.status === 200 ? (res.body as Doc) : null;
  }

  /** A new document written as `who`; returns its revision. */
  async function create(who: Who, db: string, doc: Doc): Promise<string> {
    const res = await call(who, 'PUT', `/${db}/${encodeURIComponent(doc._id)}`, doc);
    if (res.status !== 201) throw new Error(`could not create ${doc._id}: ${res.text}`);
    return res.body.rev as string;
  }

  /** A replicated write (`new_edits:false`) with the given history, newest first. */
  async function replicate(who: Who, db: string, doc: Doc, history: string[]) {
    const start = Number(history[0]!.split('-')[0]);
    const sent = {
      ...doc,
      _rev: history[0],
      _revisions: { start, ids: history.map((r) => r.split('-')[1]) },
    };
    const res = await call(who, 'POST', `/${db}/_bulk_docs`, { docs: [sent], new_edits: false });
    const entries = (Array.isArray(res.body) ? res.body : []) as {
      id: string;
      error?: string;
      reason?: string;
    }[];
    return {
      status: res.status,
      refused: entries.find((e) => e.id === doc._id && e.error) ?? null,
    };
  }

  return { call, asAdmin, current, create, replicate };
}

export const hex = () => randomBytes(16).toString('hex');
export const newId = (type: string) => `${type}:${hex()}`;
/** A revision id of generation `gen` that no server has seen. */
export const freshRev = (gen: number) => `${gen}-${hex()}`;

const audit = {
  createdAt: '2026-03-02T09:15:00.000Z',
  createdBy: 'Bob Clerk',
  device: 'device:01JTESTDEVICE0000000000000',
};

/** A balanced journal entry of branch NYC, as the app writes one. */
export function journalEntry(status: 'draft' | 'posted', amount = 125_00): Doc {
  return {
    _id: newId('journalEntry'),
    type: 'journalEntry',
    v: 1,
    branch: 'NYC',
    ...audit,
    currency: 'USD',
    date: '2026-03-02',
    status,
    memo: 'Office supplies',
    lines: [
      { account: 'account:6100', debit: amount, credit: 0 },
      { account: 'account:1000', debit: 0, credit: amount },
    ],
  };
}

export function device(): Doc {
  return { _id: newId('device'), type: 'device', v: 1, branch: '*', ...deviceFields('NYC', 'C') };
}
