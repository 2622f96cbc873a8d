import { useState } from 'react';
import { z } from 'zod';

/**
 * A form schema for pages whose money, date and quantity inputs hold null until what was typed
 * reads: the domain schema checks the values, and a field left empty gets the page's own words
 * ("Enter the date.") instead of zod's "expected string, received null".
 */
export function withEmptyMessages<S extends z.ZodType>(
  schema: S,
  empty: Readonly<Record<string, string>>,
): z.ZodType<z.output<S>, unknown> {
  return z.unknown().transform((values, ctx) => {
    const v = (values ?? {}) as Record<string, unknown>;
    const missing = Object.keys(empty).filter((k) => v[k] === null || v[k] === undefined);
    for (const k of missing) ctx.addIssue({ code: 'custom', path: [k], message: empty[k]! });
    const parsed = schema.safeParse(values);
    if (parsed.success && missing.length === 0) return parsed.data as z.output<S>;
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      if (missing.includes(String(issue.path[0]))) continue;
      ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message });
    }
    return z.NEVER;
  });
}

/**
 * Which typed inputs hold a slip (text that does not read). Such an input already says why
 * beside itself, so the form's "Enter the …" for its null value is kept off it.
 */
export function useSlips() {
  const [slips, setSlips] = useState<Readonly<Record<string, boolean>>>({});
  return {
    /** Call from an input's onChange(value, text). */
    note(path: string, value: unknown, text: string) {
      const slip = value === null && text.trim() !== '';
      setSlips((s) => (s[path] === slip ? s : { ...s, [path]: slip }));
    },
    any: Object.values(slips).some(Boolean),
    has: (path: string) => !!slips[path],
    /** The form's error for a field, unless the input is showing its own reason. */
    error: (path: string, formError: string | undefined) => (slips[path] ? undefined : formError),
  };
}
