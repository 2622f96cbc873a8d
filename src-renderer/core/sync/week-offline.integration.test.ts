import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { accountsModule } from '../../modules/accounts';
import { repos } from '../../modules/accounts/data/ledger-repos';
import type { LedgerLine, Party } from '../../modules/accounts/domain/schemas';
import type { TrialBalance } from '../../modules/accounts/rpc-contract';
import { branchDbName, MASTER_DB } from '../db/names';
import { COMPANY_WIDE } from '../org/schemas';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * Issue 4: a week offline with 10,000 local documents, then sync — all arrive, nothing is lost.
 *
 * Device A (head office's PC in NYC) goes offline for a simulated week and keeps working through
 * the real core: daily journal imports (the app's bulk path), entries posted one by one, drafts
 * saved in bulk and then edited several times, posted or discarded, customers and suppliers
 * added and renamed, invoices and bills issued, receipts recorded. Meanwhile device B, a
 * bookkeeper of the same branch, stays online and keeps writing to the same branch database,
 * so the reconnect has to push and pull at once. Then A comes back online.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const BOB = { name: 'bob', password: 'bob-pass-1', roles: ['bookkeeper'], branches: ['NYC'] };

/** Live documents A creates while offline (discarded drafts come on top of these). */
const OFFLINE_DOCS = 10_000;
const DAYS = 7;
const WEEK = Array.from({ length: DAYS }, (_, d) => `2026-03-${String(2 + d).padStart(2, '0')}`);
const AS_OF = '2026-03-31';

// A's day, besides the journal import that makes up the rest of the 10,000.
const A_PARTIES_BULK = 20;
const A_PARTY_RENAMES = 2;
const A_DRAFTS_BULK = 100;
const A_DRAFTS_EDITED = 10;
const A_DRAFT_EDITS = 3;
const A_DRAFTS_POSTED = 5;
const A_DRAFTS_DISCARDED = 5;
const A_POSTED = 10;
const A_INVOICES = 12;
const A_BILLS = 4;
const A_TRADE_DRAFTS = 3;
const A_RECEIPTS = 2;
const A_OTHER_PER_DAY =
  A_PARTIES_BULK +
  1 +
  (A_DRAFTS_BULK - A_DRAFTS_DISCARDED) +
  A_POSTED +
  A_INVOICES +
  A_BILLS +
  A_TRADE_DRAFTS +
  A_RECEIPTS;
const A_IMPORT_TOTAL = OFFLINE_DOCS - DAYS * A_OTHER_PER_DAY;

// B's day, online.
const B_IMPORT = 150;
const B_POSTED = 8;
const B_INVOICES = 3;

const EXPENSES = ['6100', '6200', '6300', '6400', '6500', '6600', '6700'];
const INCOME = ['4100', '4200', '4800'];

let server: TestServer;
let a: TestDevice;
let b: TestDevice;
/** A's clock: the simulated week. */
let clock = new Date('2026-03-01T17:00:00.000Z');

const until = poller({ timeoutMs: 90_000, everyMs: 100 });

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20260302);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const money = (minor: number) =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** A day's bank feed as the journal CSV the import screen takes. */
function journalCsv(date: string, count: number, tag: string): string {
  const rows = ['date,entry reference,account code,debit,credit,currency,memo,party,branch'];
  for (let i = 0; i < count; i++) {
    const ref = `${tag}-${date}-${String(i).padStart(5, '0')}`;
    const amount = int(100, 500_000);
    if (rand() < 0.5) {
      rows.push(`${date},${ref},${pick(EXPENSES)},${money(amount)},,USD,Card ${i},,`);
      rows.push(`${date},${ref},1200,,${money(amount)},USD,,,`);
    } else {
      const fee = int(1, 99);
      rows.push(`${date},${ref},1200,${money(amount - fee)},,USD,Takings ${i},,`);
      rows.push(`${date},${ref},6700,${money(fee)},,USD,,,`);
      rows.push(`${date},${ref},${pick(INCOME)},,${money(amount)},USD,,,`);
    }
  }
  return rows.join('\n');
}

const saleLine = () => ({
  description: 'Espresso beans 1 kg',
  quantity: String(int(1, 20)),
  unitPrice: int(500, 5_000),
  taxCode: 'STD',
  account: pick(['4100', '4200']),
  discountBp: 0,
  itemCode: '',
});
const buyLine = () => ({
  description: 'Green coffee sack',
  quantity: String(int(1, 5)),
  unitPrice: int(5_000, 50_000),
  taxCode: 'STD',
  account: '5100',
  discountBp: 0,
  itemCode: '',
});
const draftLines = (amount: number) => [
  { account: pick(EXPENSES), debit: amount, credit: 0 },
  { account: '1200', debit: 0, credit: amount },
];

/** Discarding a draft through the Accounts command a clerk's "Discard draft" button calls. */
async function discardDraft(d: TestDevice, id: string): Promise<void> {
  await d.call('accounts.discardDraft', { id });
}

interface Row {
  id: string;
  rev: string;
  deleted: boolean;
  doc: Record<string, unknown> | null;
}

/** Every document of one database on the server, discarded included when their ids are given. */
async function serverDocs(db: string, deletedIds: string[] = []): Promise<Map<string, Row>> {
  const auth =
    'Basic ' + Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64');
  const url = `${server.url}/${server.org}-${db}/_all_docs?include_docs=true&conflicts=true`;
  const live = (await (await fetch(url, { headers: { authorization: auth } })).json()) as {
    rows: { id: string; value: { rev: string }; doc: Record<string, unknown> }[];
  };
  const out = new Map<string, Row>();
  for (const r of live.rows)
    if (!r.id.startsWith('_design/'))
      out.set(r.id, { id: r.id, rev: r.value.rev, deleted: false, doc: r.doc });
  if (deletedIds.length) {
    const res = await fetch(`${server.url}/${server.org}-${db}/_all_docs`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ keys: deletedIds }),
    });
    const gone = (await res.json()) as {
      rows: { key: string; value?: { rev: string; deleted?: boolean } }[];
    };
    for (const r of gone.rows)
      if (r.value?.deleted)
        out.set(r.key, { id: r.key, rev: r.value.rev, deleted: true, doc: null });
  }
  return out;
}

/** The same from a device's local database. */
async function localDocs(
  d: TestDevice,
  db: string,
  deletedIds: string[] = [],
): Promise<Map<string, Row>> {
  const local = d.core.session()!.dbs.get(db)!;
  const live = await local.allDocs({ include_docs: true, conflicts: true });
  const out = new Map<string, Row>();
  for (const r of live.rows)
    if (!r.id.startsWith('_design/'))
      out.set(r.id, {
        id: r.id,
        rev: r.value.rev,
        deleted: false,
        doc: r.doc as unknown as Record<string, unknown>,
      });
  if (deletedIds.length) {
    const gone = await local.allDocs({ keys: deletedIds });
    for (const r of gone.rows) {
      const v = (r as { value?: { rev: string; deleted?: boolean } }).value;
      if (v?.deleted) out.set(r.key, { id: r.key, rev: v.rev, deleted: true, doc: null });
    }
  }
  return out;
}

/**
 * Ids whose winning revision, deletion or content differ between two copies of a database, or
 * that one copy lacks: "the same documents".
 */
function differing(x: Map<string, Row>, y: Map<string, Row>): string[] {
  const out: string[] = [];
  for (const [id, r] of x) {
    const o = y.get(id);
    if (!o || o.rev !== r.rev || o.deleted !== r.deleted || !isDeepStrictEqual(o.doc, r.doc))
      out.push(id);
  }
  for (const id of y.keys()) if (!x.has(id)) out.push(id);
  return out;
}

/** The trial balance computed straight from the server's documents, not from any index. */
function trialBalanceOf(
  docs: Iterable<Row>,
  asOf: string,
): Pick<TrialBalance, 'rows' | 'totalDebit' | 'totalCredit'> {
  const net = new Map<string, number>();
  for (const { doc } of docs) {
    if (!doc || doc.status !== 'posted' || String(doc.date) > asOf) continue;
    const lines = (
      doc.type === 'journalEntry'
        ? doc.lines
        : doc.type === 'tradeDoc' || doc.type === 'payment'
          ? doc.posting
          : []
    ) as LedgerLine[];
    for (const l of lines)
      net.set(l.account, (net.get(l.account) ?? 0) + l.baseDebit - l.baseCredit);
  }
  const rows = [...net]
    .filter(([, n]) => n !== 0)
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([code, n]) => ({ code, debit: n > 0 ? n : 0, credit: n < 0 ? -n : 0 }));
  return {
    rows: rows as TrialBalance['rows'],
    totalDebit: rows.reduce((s, r) => s + r.debit, 0),
    totalCredit: rows.reduce((s, r) => s + r.credit, 0),
  };
}

const status = (d: TestDevice) => d.call('sync.getStatus', undefined);

beforeAll(async () => {
  server = await startTestServer({ org: 'acme', branches: ['NYC'], users: [ALICE, BOB] });
  a = await startTestDevice(() => clock, [accountsModule]);
  b = await startTestDevice(undefined, [accountsModule]);
  await a.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, orgCode: server.org },
  });
  await a.call('accounts.setupStarterChart', undefined);
  await a.call('accounts.saveParty', {
    fields: {
      kind: 'customer',
      code: 'C-0001',
      name: 'Bayside Cafe',
      currency: 'USD',
      paymentTermsDays: 14,
    },
  });
  await a.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-0001', name: 'Harbour Beans Co', currency: 'USD' },
  });
  await a.call('sync.connect', {
    serverUrl: server.url,
    username: server.user(ALICE.name),
    password: ALICE.password,
  });
  await until(
    () => status(a),
    (s) => s.state === 'up-to-date' && s.pending === 0,
    'A synced before the week',
  );
  await b.call('setup.joinCompany', {
    serverUrl: server.url,
    orgCode: server.org,
    username: server.user(BOB.name),
    password: BOB.password,
    branchCode: 'NYC',
    device: { letter: 'B', label: 'Back office PC' },
    userName: 'Bob Bookkeeper',
  });
  await until(
    () => status(b),
    (s) => s.state === 'up-to-date',
    'B joined',
  );
  await until(
    () => b.call('accounts.listParties', undefined),
    (p) => p.length === 2,
    'parties at B',
  );
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

describe('a week offline with 10,000 local documents, then sync', () => {
  it('all arrive, nothing is lost, nothing doubled, and the books agree', async () => {
    const branch = branchDbName('NYC');
    const before = new Set([
      ...(await localDocs(a, branch)).keys(),
      ...(await localDocs(a, MASTER_DB)).keys(),
    ]);

    a.core.setOnline(false);
    await until(
      () => status(a),
      (s) => s.state === 'offline',
      'A offline',
    );

    const sa = a.core.session()!;
    const ra = repos(sa);
    const [customer0, supplier0] = (await a.call('accounts.listParties', undefined)).sort((x, y) =>
      x.code < y.code ? -1 : 1,
    );
    const bParties = await b.call('accounts.listParties', undefined);
    const bCustomer = bParties.find((p) => p.code === 'C-0001')!._id;

    /** What A expects the server to end up with, beyond "the same as A". */
    const edited = new Map<string, string>(); // draft id → its last memo
    const discarded: string[] = [];
    const postedDrafts: string[] = [];
    const renamed = new Map<string, string>(); // party id → its last name
    const customers: Party[] = [customer0!];
    const suppliers: Party[] = [supplier0!];
    let importLeft = A_IMPORT_TOTAL;
    let bWrites = 0;

    for (let day = 0; day < DAYS; day++) {
      const date = WEEK[day]!;
      clock = new Date(`${date}T08:30:00.000Z`);

      // Morning: the bank feed, as one import (one bulkDocs per 1,000 entries).
      const imports = day === DAYS - 1 ? importLeft : Math.floor(A_IMPORT_TOTAL / DAYS);
      importLeft -= imports;
      const outcome = await a.call('accounts.importJournalCsv', {
        csv: journalCsv(date, imports, 'A'),
      });
      expect(outcome).toMatchObject({ ok: true, written: imports });

      // New customers and suppliers, in bulk, and one typed in by hand.
      const newParties = Array.from({ length: A_PARTIES_BULK }, (_, i) => {
        const kind = i % 4 === 0 ? 'supplier' : 'customer';
        const code = `${kind === 'supplier' ? 'S' : 'C'}-${day + 1}${String(i).padStart(3, '0')}`;
        return ra.parties.build(
          {
            kind,
            code,
            name: `${kind} ${code}`,
            email: '',
            phone: '',
            address: '',
            taxId: '',
            paymentTermsDays: 30,
            currency: 'USD',
            archived: false,
          },
          COMPANY_WIDE,
        );
      });
      for (const p of await ra.parties.createMany(newParties))
        (p.kind === 'supplier' ? suppliers : customers).push(p);
      customers.push(
        await a.call('accounts.saveParty', {
          fields: {
            kind: 'customer',
            code: `C-${day + 1}999`,
            name: `Walk-in ${day + 1}`,
            currency: 'USD',
          },
        }),
      );
      for (let i = 0; i < A_PARTY_RENAMES; i++) {
        const p = i === 0 ? customers[0]! : pick(customers);
        const current = await ra.parties.get(p._id);
        const name = `${current.name.split(' (')[0]} (${date} #${i})`;
        await a.call('accounts.saveParty', { id: p._id, fields: { ...current, name } });
        renamed.set(p._id, name);
      }

      // Drafts: saved in bulk, then some edited several times, posted or discarded.
      clock = new Date(`${date}T10:00:00.000Z`);
      const drafts = await ra.journals.createMany(
        Array.from({ length: A_DRAFTS_BULK }, (_, i) =>
          ra.journals.build(
            {
              number: null,
              date,
              memo: `Accrual ${date} #${i}`,
              reference: '',
              status: 'draft',
              kind: 'manual',
              currency: 'USD',
              rate: '1',
              lines: draftLines(int(100, 90_000)).map((l) => ({
                ...l,
                baseDebit: 0,
                baseCredit: 0,
                party: null,
                memo: '',
                branch: null,
              })),
              reverses: null,
              postedAt: null,
              postedBy: null,
            },
            'NYC',
          ),
        ),
      );
      const toEdit = drafts.slice(0, A_DRAFTS_EDITED);
      const toPost = drafts.slice(A_DRAFTS_EDITED, A_DRAFTS_EDITED + A_DRAFTS_POSTED);
      const toDiscard = drafts.slice(
        A_DRAFTS_EDITED + A_DRAFTS_POSTED,
        A_DRAFTS_EDITED + A_DRAFTS_POSTED + A_DRAFTS_DISCARDED,
      );
      for (const d of toEdit) {
        for (let e = 1; e <= A_DRAFT_EDITS; e++) {
          clock = new Date(`${date}T1${e}:00:00.000Z`);
          const memo = `${d.memo} (edit ${e})`;
          await a.call('accounts.saveJournalDraft', {
            id: d._id,
            date,
            memo,
            currency: 'USD',
            lines: draftLines(int(100, 90_000)),
          });
          edited.set(d._id, memo);
        }
      }
      for (const d of toPost) {
        await a.call('accounts.postJournal', {
          id: d._id,
          date,
          memo: d.memo,
          currency: 'USD',
          lines: draftLines(int(100, 90_000)),
        });
        postedDrafts.push(d._id);
      }
      for (const d of toDiscard) {
        await discardDraft(a, d._id);
        discarded.push(d._id);
      }

      // Afternoon: entries, invoices, bills, drafts of invoices, receipts, one at a time.
      clock = new Date(`${date}T15:00:00.000Z`);
      for (let i = 0; i < A_POSTED; i++) {
        await a.call('accounts.postJournal', {
          date,
          memo: `Petty cash ${i}`,
          currency: 'USD',
          lines: draftLines(int(100, 20_000)),
        });
      }
      for (let i = 0; i < A_INVOICES; i++) {
        await a.call('accounts.issueTradeDoc', {
          side: 'sales',
          kind: 'invoice',
          partyId: pick(customers)._id,
          date,
          currency: 'USD',
          lines: [saleLine(), saleLine()],
        });
      }
      for (let i = 0; i < A_BILLS; i++) {
        await a.call('accounts.issueTradeDoc', {
          side: 'purchase',
          kind: 'invoice',
          partyId: pick(suppliers)._id,
          date,
          currency: 'USD',
          lines: [buyLine()],
        });
      }
      for (let i = 0; i < A_TRADE_DRAFTS; i++) {
        const input = {
          side: 'sales' as const,
          kind: 'invoice' as const,
          partyId: customers[0]!._id,
          date,
          currency: 'USD',
          lines: [saleLine()],
        };
        const draft = await a.call('accounts.saveTradeDraft', input);
        await a.call('accounts.saveTradeDraft', {
          ...input,
          id: draft._id,
          lines: [saleLine(), saleLine()],
          memo: 'Second thoughts',
        });
        if (i === 0)
          await a.call('accounts.issueTradeDoc', {
            ...input,
            id: draft._id,
            lines: [saleLine()],
            memo: 'Issued after all',
          });
      }
      for (let i = 0; i < A_RECEIPTS; i++) {
        await a.call('accounts.recordPayment', {
          side: 'receipt',
          partyId: customers[0]!._id,
          date,
          currency: 'USD',
          amount: int(1_000, 10_000),
          account: '1200',
        });
      }

      // Meanwhile B, online, books into the same branch and pushes as it goes.
      const bOutcome = await b.call('accounts.importJournalCsv', {
        csv: journalCsv(date, B_IMPORT, 'B'),
      });
      expect(bOutcome.written).toBe(B_IMPORT);
      for (let i = 0; i < B_POSTED; i++) {
        await b.call('accounts.postJournal', {
          date,
          memo: `B entry ${i}`,
          currency: 'USD',
          lines: draftLines(int(100, 50_000)),
        });
      }
      for (let i = 0; i < B_INVOICES; i++) {
        await b.call('accounts.issueTradeDoc', {
          side: 'sales',
          kind: 'invoice',
          partyId: bCustomer,
          date,
          currency: 'USD',
          lines: [saleLine()],
        });
      }
      const bDraft = await b.call('accounts.saveJournalDraft', {
        date,
        memo: 'B draft',
        currency: 'USD',
        lines: draftLines(500),
      });
      await b.call('accounts.saveJournalDraft', {
        id: bDraft._id,
        date,
        memo: 'B draft, revised',
        currency: 'USD',
        lines: draftLines(700),
      });
      bWrites += B_IMPORT + B_POSTED + B_INVOICES + 1;
    }
    clock = new Date(`${WEEK[DAYS - 1]}T18:00:00.000Z`);

    // The week's work is all on A and all pending; none of it reached the server.
    const aBranchBefore = await localDocs(a, branch);
    const aMasterBefore = await localDocs(a, MASTER_DB);
    const created = [...aBranchBefore.keys(), ...aMasterBefore.keys()].filter(
      (id) => !before.has(id),
    );
    expect(created.length).toBe(OFFLINE_DOCS);
    const offline = await status(a);
    expect(offline.state).toBe('offline');
    // Pending counts documents, not writes: the new ones, the discarded drafts and the renamed
    // customer from before the week.
    expect(offline.pending).toBe(OFFLINE_DOCS + discarded.length + 1);
    const serverBranchBefore = await serverDocs(branch);
    expect(created.filter((id) => serverBranchBefore.has(id))).toEqual([]);
    await until(
      () => status(b),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'B pushed its week',
    );
    expect((await serverDocs(branch)).size).toBe(bWrites);

    // Back online, while B keeps writing.
    a.core.setOnline(true);
    const date = WEEK[DAYS - 1]!;
    const bLate: string[] = [];
    for (let i = 0; i < 20; i++) {
      bLate.push(
        (
          await b.call('accounts.postJournal', {
            date,
            memo: `B during the sync ${i}`,
            currency: 'USD',
            lines: draftLines(int(100, 50_000)),
          })
        )._id,
      );
    }
    const synced = await until(
      () => status(a),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'A pushed the week',
    );
    expect(synced).toMatchObject({ refused: 0, online: true });
    await until(
      () => status(b),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'B pushed',
    );

    // Server and both devices hold the same documents, same winning revisions, same content.
    const copies = async (db: string) => {
      const [srv, la, lb] = await Promise.all([
        serverDocs(db, discarded),
        localDocs(a, db, discarded),
        localDocs(b, db, discarded),
      ]);
      return { srv, la, lb };
    };
    const final = new Map<string, Awaited<ReturnType<typeof copies>>>();
    for (const db of [MASTER_DB, branch]) {
      const c = await until(
        () => copies(db),
        ({ srv, la, lb }) => differing(srv, la).length === 0 && differing(srv, lb).length === 0,
        `${db} the same on the server, A and B`,
      );
      expect(differing(c.srv, c.la)).toEqual([]);
      expect(differing(c.srv, c.lb)).toEqual([]);
      // Nothing in conflict: every document has a single leaf everywhere.
      expect(
        [...c.srv.values(), ...c.la.values()]
          .filter((r) => r.doc && '_conflicts' in r.doc)
          .map((r) => r.id),
      ).toEqual([]);
      final.set(db, c);
    }
    const srvBranch = final.get(branch)!.srv;
    const srvMaster = final.get(MASTER_DB)!.srv;
    const aBranch = final.get(branch)!.la;
    expect(srvBranch.size).toBe(aBranchBefore.size + discarded.length + bWrites + bLate.length);
    // Every document A created offline arrived.
    expect(created.filter((id) => !(srvBranch.get(id)?.doc ?? srvMaster.get(id)?.doc))).toEqual([]);
    // Edits made offline arrived: the last edit wins, with its whole history.
    for (const [id, memo] of edited) {
      const row = srvBranch.get(id)!;
      expect(row.doc).toMatchObject({ status: 'draft', memo });
      expect(row.rev.startsWith(`${1 + A_DRAFT_EDITS}-`)).toBe(true);
    }
    for (const id of postedDrafts)
      expect(srvBranch.get(id)!.doc).toMatchObject({
        status: 'posted',
        number: expect.stringMatching(/^NYC-A-JE-/),
      });
    for (const [id, name] of renamed) expect(srvMaster.get(id)!.doc).toMatchObject({ name });
    // Deletions made offline arrived.
    expect(discarded.filter((id) => !srvBranch.get(id)?.deleted)).toEqual([]);
    // Nothing from B is missing on A (its entries made during the sync included).
    for (const id of bLate) expect(aBranch.has(id)).toBe(true);
    // Nothing doubled: every human number is used once, every import reference once.
    const docs = [...srvBranch.values()]
      .map((r) => r.doc)
      .filter((d): d is Record<string, unknown> => !!d);
    const numbers = docs.map((d) => d.number).filter((n): n is string => typeof n === 'string');
    expect(numbers.length).toBe(new Set(numbers).size);
    const refs = docs.filter((d) => d.kind === 'import').map((d) => d.reference as string);
    expect(refs.length).toBe(new Set(refs).size);
    expect(refs.filter((r) => r.startsWith('A-')).length).toBe(A_IMPORT_TOTAL);
    expect(refs.filter((r) => r.startsWith('B-')).length).toBe(B_IMPORT * DAYS);

    // A's sync status: nothing pending, nothing refused, no conflicts.
    expect(await status(a)).toMatchObject({ state: 'up-to-date', pending: 0, refused: 0 });
    expect(await a.call('conflicts.count', undefined)).toBe(0);

    // The index lists exactly what the server holds: no record lost or counted twice there.
    for (const type of ['journalEntry', 'tradeDoc', 'payment'] as const) {
      const onServer = docs.filter((d) => d.type === type).length;
      expect((await a.call('accounts.listDocs', { type, limit: 1 })).total, `${type} at A`).toBe(
        onServer,
      );
      expect((await b.call('accounts.listDocs', { type, limit: 1 })).total, `${type} at B`).toBe(
        onServer,
      );
    }

    // The trial balance from A's index = the one from the server's documents = B's index.
    const fromServer = trialBalanceOf(srvBranch.values(), AS_OF);
    const tbA = await a.call('accounts.trialBalance', { asOf: AS_OF });
    const tbB = await b.call('accounts.trialBalance', { asOf: AS_OF });
    expect({
      rows: tbA.rows.map(({ code, debit, credit }) => ({ code, debit, credit })),
      totalDebit: tbA.totalDebit,
      totalCredit: tbA.totalCredit,
    }).toEqual(fromServer);
    expect(tbB).toEqual(tbA);
    expect(tbA.totalDebit).toBe(tbA.totalCredit);
    expect(tbA.totalDebit).toBeGreaterThan(0);
  }, 180_000);
});
