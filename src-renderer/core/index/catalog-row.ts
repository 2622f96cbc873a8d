import type { Decoded, SchemaRegistry } from '../db/schema-registry';
import { typeOfId } from '../ids';
import { searchTokens, type CatalogRow } from './index-db';

/**
 * The catalog row of one document as the index stores it. `decoded` is the registry's reading
 * of `raw`, passed in so a batch decodes (zod-parses) each document once for the catalog and
 * the projections together.
 */
export function catalogRow(
  registry: SchemaRegistry,
  name: string,
  raw: Record<string, unknown>,
  decoded: Decoded<never>,
): CatalogRow {
  const def = registry.get(String(raw.type));
  const doc = decoded.doc as Record<string, unknown>;
  const base = {
    id: String(raw._id),
    db: name,
    type: String(raw.type ?? typeOfId(String(raw._id)) ?? 'unknown'),
    branch: String(raw.branch ?? ''),
    createdAt: String(raw.createdAt ?? ''),
    updatedAt: String(raw.updatedAt ?? raw.createdAt ?? ''),
    ...(Array.isArray(raw._conflicts) && raw._conflicts.length > 0
      ? { conflicts: raw._conflicts.length }
      : {}),
  };
  if (decoded.kind === 'current' && def) {
    const title = def.title(decoded.doc);
    return {
      ...base,
      title,
      tokens: searchTokens(`${title} ${def.searchText?.(decoded.doc) ?? ''}`),
      readOnly: false,
    };
  }
  // Newer or unreadable documents still appear (read-only), so nothing synced is invisible.
  const title = typeof doc.name === 'string' ? doc.name : base.id;
  return { ...base, title, tokens: searchTokens(title), readOnly: true };
}
