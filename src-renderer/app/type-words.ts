import { createRegistry } from '../core/app-registry';
import type { SchemaRegistry } from '../core/db/schema-registry';
import { MODULES } from '../modules/registry';

let registry: SchemaRegistry | null = null;

/**
 * A document type as a clerk reads it at the start of a label ('journalEntry' → "Journal
 * entry"): the words each module declares with its types, the same the core's messages use.
 */
export function typeWord(type: string): string {
  registry ??= createRegistry(MODULES);
  const words = registry.words(type);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
