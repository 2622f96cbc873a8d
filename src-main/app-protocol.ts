/**
 * Serves the built renderer (dist/) on app://outpost/. A custom standard scheme instead of
 * file:// gives the app a stable origin for IndexedDB and for CouchDB CORS (DESIGN §1), and
 * lets us refuse anything outside dist/.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution =
  | { ok: true; path: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const refuse = (status: 400 | 403 | 404, reason: string): AppPathResolution => ({
  ok: false,
  status,
  reason,
});

/**
 * Maps an app:// URL to a file under `distRoot`, or says why not. Chromium already collapses
 * `..` before we see the URL, but percent-encoded separators survive it, so every decoded
 * segment is checked again and the final path must still lie inside the root.
 */
export function resolveAppPath(
  distRoot: string,
  requestUrl: string,
  isFile: (path: string) => boolean = defaultIsFile,
): AppPathResolution {
  // Checked on the raw string too: the URL parser would silently normalise some of these away.
  if (/\\|%5c|%00|\0/i.test(requestUrl)) return refuse(400, 'backslash or NUL in URL');
  if (/(^|[/])(\.|%2e){2}([/?#]|%2f|%5c|$)/i.test(requestUrl)) return refuse(403, 'path traversal');

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'malformed URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
    return refuse(404, 'not an app URL');

  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '.' || segment === '..') return refuse(403, 'path traversal');
    if (/[/\\\0]/.test(segment)) return refuse(403, 'separator or NUL inside a path segment');
    // A drive letter ("C:") or a UNC-ish segment would make path.resolve jump out of the root.
    if (/^[A-Za-z]:/.test(segment) || isAbsolute(segment)) return refuse(403, 'absolute path');
    segments.push(segment);
  }

  const root = resolve(distRoot);
  const index = resolve(root, 'index.html');
  if (segments.length === 0) return { ok: true, path: index, contentType: contentTypeFor(index) };

  const candidate = resolve(root, ...segments);
  if (!candidate.startsWith(root + sep)) return refuse(403, 'outside the app root');

  if (isFile(candidate))
    return { ok: true, path: candidate, contentType: contentTypeFor(candidate) };
  // Client-side routes (/sync, /accounts/123) have no extension; the SPA handles them.
  if (extname(candidate) === '')
    return { ok: true, path: index, contentType: contentTypeFor(index) };
  return refuse(404, 'not found');
}

function defaultIsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Headers for every response: the CSP has to ride on each one, workers included. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // After an update dist/ changes under the same URLs; never serve a stale copy.
    'Cache-Control': 'no-cache',
  };
}

/** The protocol.handle callback, with file reading injectable for tests. */
export function createAppProtocolHandler(
  distRoot: string,
  read: (path: string) => Promise<Uint8Array | Buffer> = (p) => readFile(p),
  isFile?: (path: string) => boolean,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', {
        status: 405,
        headers: responseHeaders('text/plain; charset=utf-8'),
      });
    }
    const resolved = resolveAppPath(distRoot, request.url, isFile);
    if (!resolved.ok) {
      return new Response(resolved.reason, {
        status: resolved.status,
        headers: responseHeaders('text/plain; charset=utf-8'),
      });
    }
    try {
      const data = await read(resolved.path);
      // A view, not a copy: asset files can be megabytes.
      const body = new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: responseHeaders(resolved.contentType),
      });
    } catch {
      return new Response('not found', {
        status: 404,
        headers: responseHeaders('text/plain; charset=utf-8'),
      });
    }
  };
}
