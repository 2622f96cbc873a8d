/**
 * Errors that cross the RPC boundary. A clerk reads `message`, so it says what happened and
 * what to do; `code` lets the UI decide how to show it; `fields` maps form fields to messages
 * for validation errors.
 */
export type ErrorCode =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'auth'
  | 'network'
  | 'server'
  | 'denied'
  | 'cors'
  | 'state'
  | 'read-only'
  | 'internal';

export interface SerializedError {
  code: ErrorCode;
  message: string;
  /** Form field path ("company.name") → message, for validation errors. */
  fields?: Record<string, string>;
}

export class OutpostError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'OutpostError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toJSON(): SerializedError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }

  static from(e: unknown): OutpostError {
    if (e instanceof OutpostError) return e;
    if (isSerializedError(e)) return new OutpostError(e.code, e.message, e.fields);
    const detail = e instanceof Error ? e.message : String(e);
    return new OutpostError(
      'internal',
      `Something went wrong inside Outpost (${detail}). Nothing was saved; try again, and if it keeps happening send this message to your administrator.`,
    );
  }
}

export function isSerializedError(e: unknown): e is SerializedError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as SerializedError).code === 'string' &&
    typeof (e as SerializedError).message === 'string'
  );
}
