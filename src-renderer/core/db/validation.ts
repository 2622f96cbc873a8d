import type { z } from 'zod';
import { OutpostError } from '../errors';

/** Turns a zod failure into the one error shape forms show next to their fields. */
export function validationError(
  error: z.ZodError,
  summary = 'Some fields need attention.',
): OutpostError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in fields)) fields[path] = issue.message;
  }
  const first = error.issues[0];
  const detail = first ? ` ${first.message}` : '';
  return new OutpostError('validation', `${summary}${detail}`, fields);
}

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  summary?: string,
): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, summary);
  return r.data;
}
