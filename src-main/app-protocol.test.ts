import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

const root = resolve('/opt/outpost/dist');
const files = new Set([
  join(root, 'index.html'),
  join(root, 'assets', 'index-abc.js'),
  join(root, 'assets', 'app.css'),
  join(root, 'logo.svg'),
]);
const isFile = (p: string) => files.has(p);
const resolveUrl = (url: string) => resolveAppPath(root, url, isFile);

describe('resolveAppPath', () => {
  it('serves files under dist with their content type', () => {
    expect(resolveUrl('app://outpost/assets/index-abc.js')).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveUrl('app://outpost/assets/app.css')).toMatchObject({
      ok: true,
      contentType: 'text/css; charset=utf-8',
    });
    expect(resolveUrl('app://outpost/logo.svg')).toMatchObject({
      ok: true,
      contentType: 'image/svg+xml',
    });
  });

  it('serves index.html for the root and for client-side routes without an extension', () => {
    for (const url of [
      'app://outpost/',
      'app://outpost',
      'app://outpost/sync',
      'app://outpost/accounts/entries/42?x=1#top',
    ]) {
      expect(resolveUrl(url)).toEqual({
        ok: true,
        path: join(root, 'index.html'),
        contentType: 'text/html; charset=utf-8',
      });
    }
  });

  it('answers 404 for missing files that have an extension', () => {
    expect(resolveUrl('app://outpost/assets/missing.js')).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    'app://outpost/../../etc/passwd',
    'app://outpost/assets/../../secret.txt',
    'app://outpost/%2e%2e/%2e%2e/etc/passwd',
    'app://outpost/%2E%2E/secret.txt',
    'app://outpost/.%2e/secret.txt',
    'app://outpost/assets/..%2f..%2fsecret.txt',
    'app://outpost/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://outpost/..%5c..%5csecret.txt',
    'app://outpost/assets\\..\\..\\secret.txt',
    'app://outpost/index.html%00.png',
    'app://outpost/%2fetc%2fpasswd',
    'app://outpost/C:%5cWindows%5cwin.ini',
    'app://outpost/C:/Windows/win.ini',
    'app://outpost/%252e%252e/secret',
  ])('refuses traversal attempt %s', (url) => {
    const result = resolveUrl(url);
    if (result.ok) {
      // Double-encoded input may decode to a literal "%2e%2e" name, which is harmless only if it stays inside.
      expect(result.path.startsWith(root + '/')).toBe(true);
      expect(result.path).not.toContain('..');
    } else {
      expect([400, 403, 404]).toContain(result.status);
    }
  });

  it('refuses other origins and schemes', () => {
    expect(resolveUrl('app://evil/index.html')).toMatchObject({ ok: false, status: 404 });
    expect(resolveUrl('https://outpost/index.html')).toMatchObject({ ok: false, status: 404 });
    expect(resolveUrl('not a url')).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveUrl('app://outpost/%E0%A4%A.js')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('createAppProtocolHandler', () => {
  const read = async (p: string) => new TextEncoder().encode(`content of ${p}`);
  const handler = createAppProtocolHandler(root, read, isFile);

  it('answers with the file, its content type and the CSP', async () => {
    const response = await handler(new Request('app://outpost/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(`content of ${join(root, 'assets', 'index-abc.js')}`);
  });

  it('refuses traversal with a 4xx and still sends the CSP', async () => {
    const response = await handler(new Request('app://outpost/assets/..%2f..%2f..%2fetc%2fpasswd'));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('only allows GET and HEAD', async () => {
    expect(
      (await handler(new Request('app://outpost/', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
    const head = await handler(new Request('app://outpost/', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 when the file vanished between resolve and read', async () => {
    const failing = createAppProtocolHandler(
      root,
      () => Promise.reject(new Error('ENOENT')),
      isFile,
    );
    expect((await failing(new Request('app://outpost/logo.svg'))).status).toBe(404);
  });
});
