import type { z } from 'zod';
import { SchemaRegistry } from '../../src-renderer/core/db/schema-registry';
import { registerForgeryTypes } from '../../src-renderer/core/conflicts/forgery';
import { registerOrgTypes } from '../../src-renderer/core/org/doc-types';
import { registerAccountsTypes } from '../../src-renderer/modules/accounts/data/doc-types';
import { registerBankingTypes } from '../../src-renderer/modules/accounts/domain/banking-schemas';

/**
 * What the server checks per document type, derived from the app's own zod schemas (one
 * source of truth): which kind of database the type lives in, the newest schema version this
 * server knows, and the fields a document of that version must carry. The result is written
 * into validate_doc_update as a JSON literal.
 */
export interface DocRule {
  home: string;
  version: number;
  required: string[];
}

export function appRegistry(): SchemaRegistry {
  const registry = new SchemaRegistry();
  registerOrgTypes(registry);
  registerForgeryTypes(registry);
  registerAccountsTypes(registry);
  registerBankingTypes(registry);
  return registry;
}

interface ZodLike {
  def?: { type?: string; left?: ZodLike; right?: ZodLike; in?: ZodLike };
  shape?: Record<string, z.ZodType>;
}

/** Top-level fields that must be present: those the schema refuses when missing. */
export function requiredFields(schema: z.ZodType): string[] {
  const s = schema as unknown as ZodLike;
  const type = s.def?.type;
  if (type === 'intersection' && s.def?.left && s.def?.right) {
    return [...new Set([...requiredFields(s.def.left as unknown as z.ZodType), ...requiredFields(s.def.right as unknown as z.ZodType)])].sort();
  }
  if (type === 'pipe' && s.def?.in) return requiredFields(s.def.in as unknown as z.ZodType);
  if (!s.shape) return [];
  return Object.entries(s.shape)
    .filter(([key, field]) => !key.startsWith('_') && !field.safeParse(undefined).success)
    .map(([key]) => key)
    .sort();
}

export function docRules(registry: SchemaRegistry = appRegistry()): Record<string, DocRule> {
  const rules: Record<string, DocRule> = {};
  for (const type of registry.types()) {
    const def = registry.require(type);
    rules[type] = { home: def.home, version: def.version, required: requiredFields(def.schema) };
  }
  return rules;
}
