import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small HTTP helpers shared by the guard middlewares (plain node:http, no framework). */

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body) + '\n';
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'must-revalidate');
  // A refused body may still be arriving: close the connection after the answer rather than
  // read the rest of it.
  if (status === 413) res.setHeader('Connection', 'close');
  res.end(text);
}

/** CouchDB's error body: `{error, reason}`. */
export function sendCouchError(
  res: ServerResponse,
  status: number,
  error: string,
  reason: string,
): void {
  sendJson(res, status, { error, reason });
}

export function basicAuthHeader(username: string, password: string): string {
  return 'Basic ' + Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads and parses a JSON request body. The parsed value is left on `req.body` with
 * body-parser's `_body` flag, so express-pouchdb's own JSON parser uses it instead of
 * trying to read the (already consumed) stream again; a second call returns it too.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const withBody = req as IncomingMessage & { body?: unknown; _body?: boolean };
  if (withBody._body) return withBody.body;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Uint8Array;
    size += buf.length;
    if (size > limitBytes)
      throw new BodyError(413, 'too_large', 'The document is too large for this server.');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new BodyError(400, 'bad_request', 'invalid_json');
  }
  withBody.body = parsed;
  withBody._body = true;
  return parsed;
}

/** Path segments of the request URL, percent-decoded (`/acme-master/_design/x` → 3 parts). */
export function pathSegments(req: IncomingMessage): string[] {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

export function queryParam(req: IncomingMessage, name: string): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get(name);
}
