import type { Db } from './pouch';

/**
 * "A posted leaf wins" (DESIGN §10). A replicated write with `new_edits: false` and an invented
 * history is validated on the server as if it were a new document, so a draft sibling of a
 * posted entry can be accepted and even become CouchDB's winner (Apache CouchDB 3.5 does this).
 * Posted documents are facts that never change, so whenever one of a document's leaves is
 * posted, every device reads that leaf as the document, whatever CouchDB picked.
 *
 * Every document type marks its facts the same way: `status: 'posted'` (journal entries, sales
 * and purchase documents, payments, bank statements), the same field the server's
 * validate_doc_update protects.
 */

export interface Leaf {
  _id?: string;
  _rev: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

export interface AsSeen<T extends Leaf> {
  /** The document as every device must see it. */
  doc: T;
  /** True when `doc` is a posted leaf and another live leaf exists beside it: someone forged a change. */
  postedWins: boolean;
  /** The other live leaves when a posted one wins (each is a forged change of a fact). */
  forged: T[];
}

export function isPostedLeaf(leaf: Leaf): boolean {
  return leaf._deleted !== true && leaf.status === 'posted';
}

function generation(rev: string): number {
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}

function hashOf(rev: string): string {
  const i = rev.indexOf('-');
  return i < 0 ? rev : rev.slice(i + 1);
}

/** CouchDB's own choice: a live leaf before a deleted one, then the longest history, then the highest hash. */
export function couchWinner<T extends Leaf>(leaves: readonly T[]): T | null {
  let best: T | null = null;
  for (const l of leaves) {
    if (!best) {
      best = l;
      continue;
    }
    const byLife = Number(best._deleted === true) - Number(l._deleted === true);
    const byGen = generation(l._rev) - generation(best._rev);
    const byHash =
      hashOf(l._rev) > hashOf(best._rev) ? 1 : hashOf(l._rev) < hashOf(best._rev) ? -1 : 0;
    if (byLife > 0 || (byLife === 0 && (byGen > 0 || (byGen === 0 && byHash > 0)))) best = l;
  }
  return best;
}

// Missing dates sort after every real one, so a leaf that claims a posting date comes first.
const LAST = '\uffff';

function postedKey(leaf: Leaf): string {
  const at =
    typeof leaf.postedAt === 'string' && leaf.postedAt
      ? leaf.postedAt
      : typeof leaf.createdAt === 'string' && leaf.createdAt
        ? leaf.createdAt
        : LAST;
  return at;
}

/**
 * Among several posted leaves (itself a forgery: a fact is posted once), the one posted first
 * stands: earliest `postedAt` (or `createdAt` for facts posted at creation), then the shorter
 * history (the genuine posting is an early revision; forgeries invent long ones), then the
 * lower revision hash. Any rule would do as long as every device applies the same one.
 */
function earlierPosted(a: Leaf, b: Leaf): boolean {
  const ka = postedKey(a);
  const kb = postedKey(b);
  if (ka !== kb) return ka < kb;
  const ga = generation(a._rev);
  const gb = generation(b._rev);
  if (ga !== gb) return ga < gb;
  return hashOf(a._rev) < hashOf(b._rev);
}

/**
 * The document as every device must see it, from all of its leaves (deleted ones included, in
 * any order). Pure. Null when there are no leaves. A deleted leaf never hides a posted one.
 */
export function chooseAsSeen<T extends Leaf>(leaves: readonly T[]): AsSeen<T> | null {
  let posted: T | null = null;
  for (const l of leaves) if (isPostedLeaf(l) && (!posted || earlierPosted(l, posted))) posted = l;
  if (posted) {
    const forged = leaves.filter(
      (l) => l !== posted && l._deleted !== true && l._rev !== posted._rev,
    );
    return { doc: posted, postedWins: forged.length > 0, forged };
  }
  const winner = couchWinner(leaves);
  return winner ? { doc: winner, postedWins: false, forged: [] } : null;
}

type Raw = Leaf & { _id: string; _conflicts?: string[] };

/** Every leaf of a document (deleted ones included), or [] when the database has none. */
export async function readLeaves(db: Db, id: string): Promise<Raw[]> {
  try {
    const res = (await db.get(id, { open_revs: 'all' })) as unknown as { ok?: Raw }[];
    return res.flatMap((r) => (r.ok ? [r.ok] : []));
  } catch (e) {
    if ((e as { status?: number }).status === 404) return [];
    throw e;
  }
}

/**
 * Reads a document by id as every device must see it. A document without conflicts costs one
 * read, as before; one with conflicts also reads its leaves. Null when it does not exist (or
 * every leaf is deleted). `conflicts` lists CouchDB's losing revisions, as `_conflicts` would.
 */
export async function readAsSeen(
  db: Db,
  id: string,
): Promise<(AsSeen<Raw> & { conflicts: string[] }) | null> {
  let winner: Raw;
  try {
    winner = (await db.get(id, { conflicts: true })) as unknown as Raw;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
  const conflicts = winner._conflicts ?? [];
  delete winner._conflicts;
  if (conflicts.length === 0) return { doc: winner, postedWins: false, forged: [], conflicts };
  return withLeaves(db, id, winner, conflicts);
}

/** The same choice for a document the caller already holds CouchDB's winner of (the changes feed). */
export async function asSeenFromWinner(db: Db, winner: Raw): Promise<AsSeen<Raw>> {
  const conflicts = winner._conflicts ?? [];
  if (conflicts.length === 0) return { doc: winner, postedWins: false, forged: [] };
  return withLeaves(db, winner._id, winner, conflicts);
}

async function withLeaves(
  db: Db,
  id: string,
  winner: Raw,
  conflicts: string[],
): Promise<AsSeen<Raw> & { conflicts: string[] }> {
  const leaves = await readLeaves(db, id);
  // The leaves are read after the winner; if the document changed in between, the fresh leaves decide.
  const chosen = chooseAsSeen(leaves.length ? leaves : [winner]) ?? {
    doc: winner,
    postedWins: false,
    forged: [],
  };
  const doc = { ...chosen.doc };
  delete doc._conflicts;
  return { ...chosen, doc, conflicts };
}
