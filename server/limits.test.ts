import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader } from './http-util';
import { addUser, provision } from './provision';
import { startSyncServer } from './sync-server';
import type { SyncServer } from './sync-server';

// What one request may cost (server/limits.ts), against a real in-memory server whose limits
// are set low so the tests send megabytes, not gigabytes.

const MiB = 1024 * 1024;
const admin = { username: 'admin', password: 'admin-pass-limits' };
const clerk = { name: 'bob', password: 'bob-pass-12' };
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({
    port: 0,
    inMemory: true,
    admin,
    limits: { maxDocumentSize: 1 * MiB, maxAttachmentSize: 1 * MiB, maxHttpRequestSize: 4 * MiB },
  });
  await provision({ url: server.url, admin, org: 'acme', branches: ['NYC'] });
  await addUser({ url: server.url, admin, ...clerk, roles: ['clerk'], branches: ['NYC'] });
});
afterAll(async () => {
  await server?.close();
});

const asClerk = basicAuthHeader(clerk.name, clerk.password);
const asAdmin = basicAuthHeader(admin.username, admin.password);
const sale = (id: string, pad = 0) => ({
  _id: id,
  type: 'sale',
  v: 1,
  branch: 'NYC',
  createdAt: '2024-03-01T09:30:00.000Z',
  createdBy: 'bob',
  device: 'NYC-A',
  memo: 'x'.repeat(pad),
});

async function send(method: string, path: string, body: unknown, authorization?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const res = await fetch(server.url + path, {
    method,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Streams `total` bytes chunked (no Content-Length) and resolves when the answer arrives,
 * with how much had been handed to the socket by then.
 */
function streamUpload(path: string, total: number, authorization: string) {
  return new Promise<{ status: number; body: string; sentWhenAnswered: number }>((ok, fail) => {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    let answered = false;
    const req = request(server.url + path, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/octet-stream' },
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, sentWhenAnswered }));
      res.on('error', () => ok({ status: res.statusCode ?? 0, body, sentWhenAnswered }));
    });
    req.on('error', (e) => {
      if (!answered) fail(e);
    });
    pump();
  });
}

describe('request limits', () => {
  it('refuses a document over max_document_size with 413 document_too_large', async () => {
    const big = await send(
      'PUT',
      '/acme-branch-nyc/sale:big',
      sale('sale:big', 1.2 * MiB),
      asClerk,
    );
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ error: 'document_too_large', reason: 'sale:big' });
    const missing = await fetch(`${server.url}/acme-branch-nyc/sale:big`, {
      headers: { authorization: asClerk },
    });
    expect(missing.status).toBe(404);

    const fits = await send(
      'PUT',
      '/acme-branch-nyc/sale:fits',
      sale('sale:fits', 900_000),
      asClerk,
    );
    expect(fits.status).toBe(201);
  });

  it('refuses a _bulk_docs batch holding one document over the limit, writing none of it', async () => {
    const docs = [sale('sale:b1', 10), sale('sale:b2', 1.1 * MiB), sale('sale:b3', 10)];
    const res = await send('POST', '/acme-branch-nyc/_bulk_docs', { docs }, asClerk);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'document_too_large', reason: 'sale:b2' });
    const b1 = await fetch(`${server.url}/acme-branch-nyc/sale:b1`, {
      headers: { authorization: asClerk },
    });
    expect(b1.status).toBe(404);
  });

  it('refuses a batch over max_http_request_size as too_large', async () => {
    const docs = Array.from({ length: 6 }, (_, i) => sale(`sale:m${i}`, 0.9 * MiB));
    const res = await send('POST', '/acme-branch-nyc/_bulk_docs', { docs }, asClerk);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'too_large', reason: 'the request entity is too large' });
  });

  it('keeps anonymous bodies and sign-in bodies small', async () => {
    const signIn = await send('POST', '/_session', { name: 'bob', password: 'p'.repeat(100_000) });
    expect(signIn.status).toBe(413);
    const signUp = await send('PUT', '/_users/org.couchdb.user:mallory', {
      _id: 'org.couchdb.user:mallory',
      type: 'user',
      name: 'mallory',
      roles: [],
      password: 'x',
      junk: 'j'.repeat(200_000),
    });
    expect(signUp.status).toBe(413);
    expect(signUp.body.error).toBe('too_large');
    const bogusCookie = await fetch(`${server.url}/_users/org.couchdb.user:mallory`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: 'AuthSession=bm9ib2R5OjA' },
      body: JSON.stringify({ junk: 'j'.repeat(200_000) }),
    });
    expect(bogusCookie.status).toBe(413);
  });

  it('refuses a streamed attachment over the limit while it is still arriving, in bounded memory', async () => {
    await send('PUT', '/acme-files-nyc/file:scan', { type: 'file', v: 1 }, asAdmin);
    const rev = (
      (await (
        await fetch(`${server.url}/acme-files-nyc/file:scan`, {
          headers: { authorization: asAdmin },
        })
      ).json()) as { _rev: string }
    )._rev;
    const total = 20 * MiB;
    const before = process.memoryUsage();
    const res = await streamUpload(`/acme-files-nyc/file:scan/scan.pdf?rev=${rev}`, total, asAdmin);
    const after = process.memoryUsage();

    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ error: 'attachment_too_large', reason: 'scan.pdf' });
    // The answer came after about the limit, not after the whole 20 MiB.
    expect(res.sentWhenAnswered).toBeLessThan(total / 2);
    // A sanity check, not a benchmark: the server did not hold the body.
    expect(after.rss - before.rss).toBeLessThan(total / 2);
    expect(
      after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers,
    ).toBeLessThan(total / 2);
  });
});
