import type { Db } from '../db/pouch';

/**
 * Every document of a database with its whole revision tree: each leaf (winning or not,
 * deleted or not) with the chain of revision ids down to the root. Two replicas hold the same
 * data, revision for revision, exactly when these maps are equal. Revision bodies are not
 * compared: a pushed document's older revisions are ids only on the server, as in CouchDB.
 */
export type RevTrees = Map<string, string[]>;

const PAGE = 1000;

export async function revTrees(db: Db): Promise<RevTrees> {
  // The http adapter asks for the changes feed 25 at a time unless told otherwise.
  const feed = await db.changes({
    since: 0,
    style: 'all_docs',
    batch_size: 5000,
    return_docs: true,
  } as PouchDB.Core.ChangesOptions);
  const leaves = feed.results
    .filter((r) => !r.id.startsWith('_design/'))
    .flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })));
  const trees: RevTrees = new Map();
  for (let i = 0; i < leaves.length; i += PAGE) {
    const got = await db.bulkGet({ docs: leaves.slice(i, i + PAGE), revs: true });
    for (const result of got.results) {
      for (const d of result.docs) {
        if ('error' in d)
          throw new Error(`Could not read ${result.id}: ${JSON.stringify(d.error)}`);
        const doc = d.ok as { _revisions: { start: number; ids: string[] }; _deleted?: boolean };
        const path = `${doc._deleted ? 'deleted ' : ''}${doc._revisions.start}:${doc._revisions.ids.join('<')}`;
        trees.set(result.id, [...(trees.get(result.id) ?? []), path].sort());
      }
    }
  }
  return trees;
}

/** The first few differences between two replicas, for a failure message a person can read. */
export function treeDifferences(
  a: RevTrees,
  b: RevTrees,
  names: [string, string],
  max = 5,
): string[] {
  const out: string[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = JSON.stringify(a.get(id) ?? null);
    const y = JSON.stringify(b.get(id) ?? null);
    if (x !== y) out.push(`${id}: ${names[0]} ${x}, ${names[1]} ${y}`);
    if (out.length >= max) break;
  }
  return out;
}
