import type { FieldErrors } from '../form-errors';

/**
 * How a refusal from the core is shown: on its field when it names one, else as an alert.
 * Takes the RPC error shape (`{ code, message, fields? }`) and also a single `field`.
 */
export interface ShownError {
  fields: FieldErrors;
  alert: string | null;
}

const FALLBACK = 'Something went wrong. Nothing was saved; try again.';

export function showServerError(e: unknown): ShownError {
  if (!e || typeof e !== 'object') return { fields: {}, alert: FALLBACK };
  const err = e as { message?: unknown; field?: unknown; fields?: unknown };
  const message = typeof err.message === 'string' && err.message ? err.message : FALLBACK;
  if (typeof err.field === 'string' && err.field)
    return { fields: { [err.field]: message }, alert: null };
  const fields = err.fields && typeof err.fields === 'object' ? (err.fields as FieldErrors) : {};
  // Several fields: each shows its own words, and the message says what happened overall.
  return { fields, alert: message };
}
