import type { z } from 'zod';
import type { SchemaRegistry } from '../../src-renderer/core/db/schema-registry';
import type { DatabaseKind } from '../../src-renderer/core/db/kinds';
import { allKinds, createRegistry } from '../../src-renderer/core/app-registry';
import { MODULES } from '../../src-renderer/modules/registry';

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

/** Every document type of this build: core's and those of every module in the one list. */
export function appRegistry(): SchemaRegistry {
  return createRegistry(MODULES);
}

/** Every database kind of this build: master, branch and those the modules declare. */
export function appKinds(): DatabaseKind[] {
  return allKinds(MODULES);
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
    return [
      ...new Set([
        ...requiredFields(s.def.left as unknown as z.ZodType),
        ...requiredFields(s.def.right as unknown as z.ZodType),
      ]),
    ].sort();
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
