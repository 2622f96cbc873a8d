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
  /** Its schema allows only `status: 'posted'`: a fact from its first revision, never a draft. */
  fact?: true;
  /** Fields that must equal the document's `branch` (DocTypeDef.sameAsBranch). */
  sameAsBranch?: string[];
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

/** A schema whose `status` can only be 'posted' describes facts (transfers, stock moves). */
export function onlyPosted(schema: z.ZodType): boolean {
  const s = schema as unknown as ZodLike;
  if (s.def?.type === 'intersection' && s.def.left && s.def.right)
    return onlyPosted(s.def.left as never) || onlyPosted(s.def.right as never);
  if (s.def?.type === 'pipe' && s.def.in) return onlyPosted(s.def.in as never);
  const status = s.shape?.status;
  return !!status && status.safeParse('posted').success && !status.safeParse('draft').success;
}

export function docRules(registry: SchemaRegistry = appRegistry()): Record<string, DocRule> {
  const rules: Record<string, DocRule> = {};
  for (const type of registry.types()) {
    const def = registry.require(type);
    // Optional keys only when set, so the validate text (and every design document) of types
    // without them stays byte for byte what it was.
    rules[type] = {
      home: def.home,
      version: def.version,
      required: requiredFields(def.schema),
      ...(onlyPosted(def.schema) ? { fact: true as const } : {}),
      ...(def.sameAsBranch?.length ? { sameAsBranch: [...def.sameAsBranch] } : {}),
    };
  }
  return rules;
}
