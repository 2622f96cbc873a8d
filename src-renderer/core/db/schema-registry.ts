import type { z } from 'zod';
import type { DocBase } from '../org/schemas';
import type { PostingLine } from '../postings/posting';

/**
 * One entry per document type: its current schema version, its zod schema, the upcasters
 * that lift older versions, and how it is titled in lists and search (DESIGN §3).
 * Readers upcast in memory only: synced history is never rewritten.
 */
export interface DocTypeDef<T extends DocBase = DocBase> {
  type: string;
  /** The schema version this build writes. */
  version: number;
  schema: z.ZodType<T>;
  /** upcast[n] turns a version-n document into version n+1. */
  upcast?: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
  /** Which kind of database holds it ('master', 'branch' or a kind a module declares). */
  home: string;
  /**
   * What a clerk calls one document of this type, lower case ('journal entry'): screens and
   * messages show it, never the type name. Without it the type name is split into words.
   */
  words?: string;
  title(doc: T): string;
  /** Words that search should find the document by. */
  searchText?(doc: T): string;
  /**
   * The ledger lines this document posts (none while it is a draft). Declared: every write of
   * the type is refused unless its lines balance in base currency, and the ledger projection
   * reads it (core/postings).
   */
  postings?(doc: T): PostingLine[];
  /**
   * Fields that name the document's own branch again (a receipt's `toBranch`): the server
   * refuses the document unless each equals `branch`, whose writer rule the kind declares.
   */
  sameAsBranch?: readonly string[];
}

export type Decoded<T> =
  | { kind: 'current'; doc: T; readOnly: false }
  /** Written by a newer Outpost: shown read-only and never overwritten. */
  | { kind: 'newer'; doc: Record<string, unknown> & DocBase; readOnly: true }
  | { kind: 'invalid'; doc: Record<string, unknown>; readOnly: true; problem: string };

export class SchemaRegistry {
  private readonly defs = new Map<string, DocTypeDef>();

  register<T extends DocBase>(def: DocTypeDef<T>): void {
    if (this.defs.has(def.type)) throw new Error(`Document type "${def.type}" registered twice`);
    this.defs.set(def.type, def as unknown as DocTypeDef);
  }

  get(type: string): DocTypeDef | undefined {
    return this.defs.get(type);
  }

  require<T extends DocBase>(type: string): DocTypeDef<T> {
    const def = this.defs.get(type);
    if (!def) throw new Error(`Unknown document type "${type}"`);
    return def as unknown as DocTypeDef<T>;
  }

  /** The type in a clerk's words ('journalEntry' → 'journal entry'); unknown types split into words. */
  words(type: string): string {
    return this.defs.get(type)?.words ?? typeToWords(type);
  }

  types(): string[] {
    return [...this.defs.keys()];
  }

  /** The types that declare postings: what the ledger reads. */
  postingTypes(): string[] {
    return [...this.defs.values()].filter((d) => d.postings).map((d) => d.type);
  }

  decode<T extends DocBase>(raw: Record<string, unknown>): Decoded<T> {
    const type = typeof raw.type === 'string' ? raw.type : '';
    const def = this.defs.get(type);
    if (!def)
      return { kind: 'invalid', doc: raw, readOnly: true, problem: `unknown type "${type}"` };
    const v = typeof raw.v === 'number' ? raw.v : 0;
    if (v > def.version)
      return { kind: 'newer', doc: raw as Record<string, unknown> & DocBase, readOnly: true };
    let doc = raw;
    for (let from = v; from < def.version; from++) {
      const step = def.upcast?.[from];
      if (!step) {
        return {
          kind: 'invalid',
          doc: raw,
          readOnly: true,
          problem: `no upcaster from v${from} for ${type}`,
        };
      }
      doc = { ...step(doc), v: from + 1 };
    }
    const parsed = def.schema.safeParse(doc);
    if (!parsed.success) {
      return {
        kind: 'invalid',
        doc: raw,
        readOnly: true,
        problem: parsed.error.issues[0]?.message ?? 'invalid',
      };
    }
    return { kind: 'current', doc: parsed.data as unknown as T, readOnly: false };
  }
}

/** 'bankStatement' → 'bank statement': a type name split into words, for types that declare none. */
export function typeToWords(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
