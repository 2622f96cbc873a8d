import type { Change } from '../db/changes-batch';
import type { Db } from '../db/pouch';
import { asSeenFromWinner, type Leaf } from '../db/posted-leaf';
import type { SchemaRegistry } from '../db/schema-registry';
import { typeOfId } from '../ids';
import { catalogRow } from './catalog-row';
import type { CatalogRow, ProjectedChange } from './index-db';

export type { Change };

/** What one batch of changes writes to the index, worked out before its transaction opens. */
export interface PreparedBatch {
  puts: CatalogRow[];
  deletes: string[];
  types: Set<string>;
  projected: ProjectedChange[];
  /** Documents whose posted leaf wins over another live leaf (a forged change of a fact). */
  forged: string[];
}

export async function prepareBatch(
  registry: SchemaRegistry,
  name: string,
  db: Db,
  changes: Change[],
): Promise<PreparedBatch> {
  const puts: CatalogRow[] = [];
  const deletes: string[] = [];
  const types = new Set<string>();
  const projected: ProjectedChange[] = [];
  const seen = await asSeen(db, changes);
  for (const ch of changes) {
    const type = typeOfId(ch.id);
    if (ch.id.startsWith('_design/') || !type) continue;
    types.add(type);
    if (ch.deleted || !ch.doc) {
      deletes.push(ch.id);
      projected.push({ id: ch.id, type, doc: null });
      continue;
    }
    const doc = seen.docs.get(ch.id) ?? ch.doc;
    // Decoded once for the catalog and the projections: a schema check per document adds up
    // over an import of tens of thousands.
    const decoded = registry.decode<never>(doc);
    puts.push(catalogRow(registry, name, doc, decoded));
    // With `style: 'all_docs'` the change lists every leaf, deleted ones too: a single leaf at
    // generation 1 is the document's only revision ever (a conflict is a second leaf).
    const fresh = ch.changes.length === 1 && String(doc._rev ?? '').startsWith('1-');
    // Projections read only documents this build understands (upcast to the current version).
    projected.push({
      id: ch.id,
      type,
      doc: decoded.kind === 'current' ? (decoded.doc as Record<string, unknown>) : null,
      fresh,
    });
  }
  return { puts, deletes, types, projected, forged: seen.forged };
}

/**
 * A document in conflict is projected as every device must see it (DESIGN §10: a posted leaf
 * wins over CouchDB's winner). The feed already carries `_conflicts`, so only conflicted
 * documents cost a read of their leaves; the usual batch reads nothing more.
 */
async function asSeen(
  db: Db,
  changes: Change[],
): Promise<{ docs: Map<string, Record<string, unknown>>; forged: string[] }> {
  const docs = new Map<string, Record<string, unknown>>();
  const forged: string[] = [];
  for (const ch of changes) {
    const conflicts = ch.doc?._conflicts;
    if (ch.deleted || !ch.doc || !Array.isArray(conflicts) || conflicts.length === 0) continue;
    const seen = await asSeenFromWinner(
      db,
      ch.doc as Leaf & { _id: string; _conflicts?: string[] },
    );
    if (seen.doc._rev !== ch.doc._rev) docs.set(ch.id, { ...seen.doc, _conflicts: conflicts });
    if (seen.postedWins) forged.push(ch.id);
  }
  return { docs, forged };
}
