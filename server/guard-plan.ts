import type { DbFactsStore, Doc, Stored } from './db-facts';

/**
 * Which stored revision each incoming document is checked against (validate_doc_update's
 * `oldDoc`), and which replicated revisions are refused outright.
 *
 * Interactive writes replace the revision named by `_rev` (a conflict's losing leaf too,
 * not only the winner). Replicated writes (`new_edits:false`) are checked against the
 * nearest revision of their own history the server holds — as CouchDB does, walking back to
 * the first revision on disk — so pushing several offline edits at once (whose direct
 * parent the server never saw) is still checked against what the server has.
 *
 * Beyond CouchDB: a replicated revision that would put a new live version beside a posted
 * record (a history that does not continue it: disjoint, or branching off an older revision,
 * or reviving a deleted branch) is refused. On CouchDB such a "forged sibling" can win and
 * demote the posted version to a conflict; the app then keeps the posted leaf (issue 9).
 * For mutable records (drafts, master data) a history that does not join the server's is
 * accepted as a conflict, checked against the current winner: a deterministic id such as
 * `ledgerSettings:company` can be created on two offline devices, and a draft edited more
 * than revs_limit times offline arrives stemmed; a conflict is what CouchDB makes of both.
 */

export type Plan =
  | { kind: 'skip' } // the server already holds this revision: CouchDB ignores it
  | { kind: 'check'; oldDoc: Doc | null }
  | { kind: 'refuse'; reason: string };

export const FORGED_SIBLING_REASON =
  'This record is posted on the server, and this change does not continue the posted version. A posted record cannot be changed; post a correcting entry instead.';

/** The revision ids of a replicated document, newest first (`_revisions` wins, as in PouchDB). */
export function historyOf(doc: Doc): string[] {
  const r = doc._revisions as { start: number; ids: string[] } | undefined;
  if (r) return r.ids.map((id, i) => `${r.start - i}-${id}`);
  return typeof doc._rev === 'string' ? [doc._rev] : [];
}

/** Shape errors PouchDB would crash on or read differently than we do; null when fine. */
export function revisionShapeError(doc: Doc, replicated: boolean): string | null {
  if (doc._rev !== undefined && (typeof doc._rev !== 'string' || !/^\d+-\S+$/.test(doc._rev)))
    return 'Invalid rev format';
  if (!replicated || doc._revisions === undefined) return null;
  const r = doc._revisions as { start?: unknown; ids?: unknown } | null;
  const ok =
    !!r &&
    typeof r === 'object' &&
    Number.isSafeInteger(r.start) &&
    (r.start as number) >= 1 &&
    Array.isArray(r.ids) &&
    r.ids.length >= 1 &&
    r.ids.length <= (r.start as number) &&
    r.ids.every((id) => typeof id === 'string' && /^\S+$/.test(id));
  if (!ok) return 'Invalid _revisions: it needs a start number and a list of revision ids.';
  if (typeof doc._rev === 'string' && doc._rev !== historyOf(doc)[0])
    return 'The _rev of a replicated document must be the first revision of its _revisions.';
  return null;
}

const live = (d: Doc | null | undefined): Doc | null => (d && !d._deleted ? d : null);
const posted = (d: Doc) => !d._deleted && d.status === 'posted';

export async function planDocs(
  facts: DbFactsStore,
  db: string,
  docs: Doc[],
  replicated: boolean,
): Promise<Plan[]> {
  const withId = docs.filter((d) => typeof d._id === 'string' && d._id !== '');
  const stored = await facts.stored(
    db,
    withId.map((d) => d._id),
  );
  if (!replicated) {
    return Promise.all(docs.map((d) => planInteractive(facts, db, d, stored.get(d._id))));
  }
  const ask = new Map<string, string[]>();
  for (const d of withId) ask.set(d._id, [...(ask.get(d._id) ?? []), ...historyOf(d)]);
  const known = await facts.knownRevisions(db, ask);
  return Promise.all(
    docs.map((d) => planReplicated(facts, db, d, stored.get(d._id), known.get(d._id))),
  );
}

async function planInteractive(
  facts: DbFactsStore,
  db: string,
  doc: Doc,
  s: Stored | undefined,
): Promise<Plan> {
  if (!s?.exists) return { kind: 'check', oldDoc: null };
  const rev = typeof doc._rev === 'string' ? doc._rev : null;
  if (!rev || rev === s.winnerRev) return { kind: 'check', oldDoc: s.winner };
  // Editing a conflict's losing leaf: check against that leaf. An unknown rev is a conflict
  // PouchDB reports itself; the winner is the safe stand-in until then.
  const leaf = await facts.revision(db, doc._id, rev);
  return { kind: 'check', oldDoc: leaf ? live(leaf) : s.winner };
}

async function planReplicated(
  facts: DbFactsStore,
  db: string,
  doc: Doc,
  s: Stored | undefined,
  known: Set<string> | undefined,
): Promise<Plan> {
  const history = historyOf(doc);
  const own = history[0];
  if (own && known?.has(own)) return { kind: 'skip' };
  if (!s?.exists) return { kind: 'check', oldDoc: null };

  const ancestor = history.slice(1).find((r) => known?.has(r));
  if (ancestor !== undefined && ancestor === s.winnerRev)
    return { kind: 'check', oldDoc: s.winner };

  // The rare paths: a history that branches, revives, or does not join at all.
  const leaves = await facts.leaves(db, doc._id);
  const postedLeaf = leaves.some(posted);
  if (ancestor === undefined) {
    if (postedLeaf) return { kind: 'refuse', reason: FORGED_SIBLING_REASON };
    return { kind: 'check', oldDoc: s.winner };
  }
  const leaf = leaves.find((l) => l._rev === ancestor);
  const extendsLiveLeaf = !!leaf && !leaf._deleted;
  if (!extendsLiveLeaf && !doc._deleted && postedLeaf)
    return { kind: 'refuse', reason: FORGED_SIBLING_REASON };
  if (leaf) return { kind: 'check', oldDoc: live(leaf) };
  const body = await facts.revision(db, doc._id, ancestor);
  // A compacted ancestor has no body left: the current winner stands in for it.
  return { kind: 'check', oldDoc: body ? live(body) : s.winner };
}
