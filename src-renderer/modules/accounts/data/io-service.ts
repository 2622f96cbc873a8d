import { OutpostError } from '../../../core/errors';
import { takeNumbers } from '../../../core/db/series';
import { mayWriteDb } from '../../../core/org/device-config';
import { COMPANY_WIDE, type Branch } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import { withBaseAmounts } from '../domain/fx';
import { parseChartCsv } from '../domain/io/chart-csv';
import { accountPath, toHledgerJournal, type HledgerEntry } from '../domain/io/hledger';
import {
  alreadyImported,
  parseJournalCsv,
  type ImportedEntry,
  type PriorImport,
} from '../domain/io/journal-csv';
import { partyNameKey, type PartyRef } from '../domain/io/journal-hints';
import { readSafely, type ImportProblem } from '../domain/io/report';
import {
  accountFieldsSchema,
  type Account,
  type JournalEntry,
  type Party,
} from '../domain/schemas';
import type { ImportOutcome } from '../rpc-contract';
import { ledgerTables } from './ledger-projection';
import { repos, requireSettings } from './ledger-repos';
import { rateFor } from './rates-service';
import { linesBetween } from './report-sums';

/**
 * Journal CSV import: the whole file is checked first and nothing is written if any line is
 * wrong, or if it holds an entry an earlier import already posted (see alreadyImported). A
 * valid file is posted as one bulkDocs (one IndexedDB transaction on this device), numbered
 * from one reserved block of the branch/device series.
 */
export async function importJournalCsv(s: ModuleContext, csv: string): Promise<ImportOutcome> {
  const [company, settings, accounts, parties, branchList] = await Promise.all([
    s.company(),
    requireSettings(s),
    repos(s).accounts.list(),
    repos(s).parties.list(),
    s.branchList(),
  ]);
  const writable = writableBranches(s, branchList);
  const read = readSafely(() =>
    parseJournalCsv(csv, {
      baseCurrency: company.baseCurrency,
      accountCodes: new Set(accounts.filter((a) => !a.isGroup && !a.archived).map((a) => a.code)),
      partyCodes: new Map(parties.map((p) => [p.code, p._id])),
      partyNames: partiesByName(parties),
      groupAccounts: subAccountsOfGroups(accounts),
      archivedAccounts: new Set(accounts.filter((a) => a.archived).map((a) => a.code)),
      branches: new Set(writable.keys()),
      knownBranches: new Set(branchList.map((b) => b.code)),
      defaultBranch: s.config.branchCode,
      lockDate: settings.lockDate,
    }),
  );
  if (!read.ok) return { ok: false, written: 0, problems: read.problems, warnings: [] };
  const result = read.value;
  if (!result.ok) return { ok: false, written: 0, problems: result.problems, warnings: [] };
  const rated = await entryRates(s, result.items, company.baseCurrency);
  if (!rated.ok)
    return { ok: false, written: 0, problems: rated.problems, warnings: result.warnings };
  const again = alreadyImported(result.items, await priorImports(s, result.items));
  if (again.length) return { ok: false, written: 0, problems: again, warnings: result.warnings };
  const numbers = await takeNumbers(
    s.pouch(s.homeBranchDbName),
    { branchCode: s.config.branchCode, deviceLetter: s.config.letter, kind: 'JE' },
    result.items.length,
  );
  const now = s.writeContext().now().toISOString();
  const docs: JournalEntry[] = result.items.map((e, i) =>
    s.repository<JournalEntry>(writable.get(e.branch)!, 'journalEntry').build(
      {
        number: numbers[i]!,
        date: e.date,
        memo: e.memo,
        reference: e.reference,
        status: 'posted',
        kind: 'import',
        currency: e.currency,
        rate: rated.rates[i]!,
        lines: withBaseAmounts(
          e.lines,
          e.currency,
          company.baseCurrency,
          rated.rates[i]!,
          settings.roundingAccount,
        ),
        reverses: null,
        postedAt: now,
        postedBy: s.config.userName,
      },
      e.branch,
    ),
  );
  // One bulkDocs per branch database: one IndexedDB transaction each, so a failure (a full
  // disk) leaves no branch half-imported. A file for one branch, the usual case, is one write.
  await writeByBranch(s, writable, docs);
  // The entries are saved; the clerk does not wait for the index too. Reports wait for it
  // (they settle first) and the status bar shows how far it is.
  return { ok: true, written: docs.length, problems: [], warnings: result.warnings };
}

/**
 * The branches whose books this import may write, each with its database: the device's own,
 * and on a head-office device every branch it holds whose database the signed-in user may
 * write (as the server will check).
 */
function writableBranches(s: ModuleContext, branchList: readonly Branch[]): Map<string, string> {
  const out = new Map<string, string>([[s.config.branchCode, s.homeBranchDbName]]);
  const held = new Set(s.heldDbs('branch'));
  for (const b of branchList) {
    const db = s.dbFor('branch', b.code);
    if (db && held.has(db) && mayWriteDb(s.config.user, db)) out.set(b.code, db);
  }
  return out;
}

async function writeByBranch(
  s: ModuleContext,
  writable: ReadonlyMap<string, string>,
  docs: readonly JournalEntry[],
): Promise<void> {
  const done: string[] = [];
  for (const [code, db] of writable) {
    const mine = docs.filter((d) => d.branch === code);
    if (mine.length === 0) continue;
    try {
      await s.repository<JournalEntry>(db, 'journalEntry').createMany(mine);
      done.push(code);
    } catch (e) {
      if (done.length === 0) throw e;
      throw new OutpostError(
        'state',
        `The entries for ${done.join(', ')} were imported, but not those for ${code} or later branches: ${e instanceof Error ? e.message : String(e)} Remove the imported branches' lines from the file and import the rest again.`,
      );
    }
  }
}

function partiesByName(parties: readonly Party[]): Map<string, PartyRef[]> {
  const byName = new Map<string, PartyRef[]>();
  for (const p of parties) {
    const key = partyNameKey(p.name);
    byName.set(key, [...(byName.get(key) ?? []), { id: p._id, code: p.code }]);
  }
  return byName;
}

/**
 * Each entry's rate: 1 in base currency, the file's rate column, else the exchange rate table
 * on the entry date (as a typed-in entry uses). Every entry without either is named at once.
 */
async function entryRates(
  s: ModuleContext,
  items: readonly ImportedEntry[],
  baseCurrency: string,
): Promise<{ ok: true; rates: string[] } | { ok: false; problems: ImportProblem[] }> {
  const rates: string[] = [];
  const problems: ImportProblem[] = [];
  for (const e of items) {
    const table =
      e.currency === baseCurrency || e.rate ? null : await rateFor(s, e.currency, e.date);
    const rate = e.currency === baseCurrency ? '1' : (e.rate ?? table?.rate ?? null);
    if (rate === null)
      problems.push({
        line: e.sourceLines[0] ?? 1,
        column: 'rate',
        message: `Entry ${e.reference} is in ${e.currency}, and the exchange rate table has no ${e.currency} rate on or before ${e.date}. Fill in the rate column, or add the rate to the table first.`,
      });
    rates.push(rate ?? '1');
  }
  return problems.length ? { ok: false, problems } : { ok: true, rates };
}

/** Each group account's postable, active sub-accounts at any depth, so a message can name them. */
function subAccountsOfGroups(accounts: readonly Account[]): Map<string, string[]> {
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const subs = new Map<string, string[]>();
  for (const a of accounts) if (a.isGroup) subs.set(a.code, []);
  for (const a of [...accounts].sort((x, y) => (x.code < y.code ? -1 : 1))) {
    if (a.isGroup || a.archived) continue;
    const seen = new Set<string>();
    for (let p = a.parentCode; p && !seen.has(p); p = byCode.get(p)?.parentCode ?? null) {
      seen.add(p);
      subs.get(p)?.push(a.code);
    }
  }
  return subs;
}

/** Posted, unreversed entries of earlier imports that share a date and reference with the file's. */
async function priorImports(
  s: ModuleContext,
  items: readonly ImportedEntry[],
): Promise<PriorImport[]> {
  if (items.length === 0) return [];
  // Read from the index, which must first include every earlier import (one may still be
  // catching up: a second attempt soon after the first is the case this guards against).
  await s.settle();
  const dates = items.map((e) => e.date).sort();
  const references = new Set(items.map((e) => e.reference));
  const { docs } = ledgerTables(s.index);
  const rows = await docs
    .where('[type+status+date]')
    .between(
      ['journalEntry', 'posted', dates[0]!],
      ['journalEntry', 'posted', dates.at(-1)!],
      true,
      true,
    )
    .filter((r) => r.kind === 'import' && references.has(r.reference))
    .toArray();
  if (rows.length === 0) return [];
  const reversed = new Set(
    (
      await docs
        .where('reverses')
        .anyOf(rows.map((r) => r.id))
        .toArray()
    ).map((r) => r.reverses),
  );
  return rows
    .filter((r) => !reversed.has(r.id))
    .map((r) => ({ reference: r.reference, date: r.date, branch: r.branch, number: r.number }));
}

export async function importChartCsv(
  s: ModuleContext,
  csv: string,
  subtypes: Record<string, string> = {},
): Promise<ImportOutcome> {
  const r = repos(s).accounts;
  const existing = await r.list();
  const read = readSafely(() => parseChartCsv(csv, new Set(existing.map((a) => a.code)), subtypes));
  if (!read.ok) return { ok: false, written: 0, problems: read.problems, warnings: [] };
  const result = read.value;
  if (!result.ok) return { ok: false, written: 0, problems: result.problems, warnings: [] };
  const docs = result.items.map((a) =>
    r.build(accountFieldsSchema.parse(a) as never, COMPANY_WIDE),
  );
  if (docs.length === 0) throw new OutpostError('validation', 'The file has no accounts in it.');
  await r.createMany(docs);
  return { ok: true, written: docs.length, problems: [], warnings: result.warnings };
}

/** The posted ledger as an hledger journal, in base currency, for cross-checking with other tools. */
export async function exportHledger(
  s: ModuleContext,
  q: { from?: string; to?: string; branch?: string | null },
): Promise<string> {
  await s.settle();
  const [company, accounts] = await Promise.all([s.company(), repos(s).accounts.list()]);
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const paths = new Map<string, string>();
  const pathOf = (code: string) => {
    let p = paths.get(code);
    if (p) return p;
    const a = byCode.get(code);
    if (!a) return `Unknown:${code}`;
    const ancestors: Account[] = [];
    for (
      let parent = a.parentCode;
      parent && ancestors.length < 10;
      parent = byCode.get(parent)?.parentCode ?? null
    ) {
      const pa = byCode.get(parent);
      if (pa) ancestors.unshift(pa);
    }
    p = accountPath(a, ancestors, a.kind);
    paths.set(code, p);
    return p;
  };
  const { docs } = ledgerTables(s.index);
  const rows = await linesBetween(s.index, q.from ?? '', q.to ?? '\uffff');
  const byDoc = new Map<string, typeof rows>();
  for (const r of rows) {
    if (q.branch && r.branch !== q.branch) continue;
    byDoc.set(r.docId, [...(byDoc.get(r.docId) ?? []), r]);
  }
  const meta = new Map(
    (await docs.bulkGet([...byDoc.keys()])).filter((d) => d).map((d) => [d!.id, d!]),
  );
  // A reversed close is tagged too, so excluding the tag leaves a P&L as the app shows it.
  const closing = new Set(
    [...meta.values()]
      .filter(
        (d) =>
          d.kind === 'closing' || (d.reverses !== null && meta.get(d.reverses)?.kind === 'closing'),
      )
      .map((d) => d.id),
  );
  const entries: HledgerEntry[] = [...byDoc]
    .map(([docId, ls]) => {
      const d = meta.get(docId);
      return {
        date: ls[0]!.date,
        number: ls[0]!.number || null,
        memo: d?.memo ?? ls[0]!.memo,
        reference: d?.reference ?? '',
        ...(closing.has(docId) ? { tags: ['closing'] } : {}),
        lines: ls.map((l) => ({
          account: pathOf(l.account),
          amountMinor: l.debit - l.credit,
          currency: company.baseCurrency,
        })),
      };
    })
    .sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : (a.number ?? '') < (b.number ?? '') ? -1 : 1,
    );
  return toHledgerJournal(entries, {
    commodityDirectives: true,
    headerComment: `${company.name} — general ledger exported by Outpost ${new Date().toISOString()} (amounts in ${company.baseCurrency})`,
  });
}
