import type { z } from 'zod';
import type { SerializedError } from '../core/errors';

export type FieldErrors = Record<string, string>;

/** The same zod schema the core checks, run before sending, so errors show next to fields at once. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

export function errorMessage(e: unknown): string {
  if (
    e &&
    typeof e === 'object' &&
    'message' in e &&
    typeof (e as SerializedError).message === 'string'
  ) {
    return (e as SerializedError).message;
  }
  return 'Something went wrong. Nothing was saved; try again.';
}

export function errorFields(e: unknown): FieldErrors {
  if (e && typeof e === 'object' && 'fields' in e) return (e as SerializedError).fields ?? {};
  return {};
}
