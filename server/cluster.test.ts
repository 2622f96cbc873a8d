import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { provision } from './provision';
import { describeCors } from './provision-cors';

/**
 * Provisioning against a CouchDB cluster. No CouchDB runs here, so a small loopback server
 * answers like a 3-node CouchDB 3 would: `/_membership`, per-node `/_node/<name>/_config`,
 * and a plain 201/404 for the database calls. It records every config write.
 */

const NODES = [
  'couchdb@node1.example.com',
  'couchdb@node2.example.com',
  'couchdb@node3.example.com',
];
const admin = { username: 'admin', password: 'cluster-pass-1' };

interface FakeCouch {
  url: string;
  /** "<node> <section>/<key>" → value, for every config PUT. */
  writes: Map<string, string>;
  close(): Promise<void>;
}

const open: FakeCouch[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function fakeCouch(opts: {
  membership: boolean;
  down?: string;
  origins?: Record<string, string>;
}): Promise<FakeCouch> {
  const writes = new Map<string, string>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === '/_membership') {
        return opts.membership
          ? send(200, { all_nodes: NODES.slice(0, 2), cluster_nodes: NODES })
          : send(404, { error: 'not_found' });
      }
      const config =
        /^\/_node\/([^/]+)\/_config\/([^/]+)(?:\/([^/]+))?$/.exec(path) ??
        /^()\/_config\/([^/]+)(?:\/([^/]+))?$/.exec(path);
      if (config) {
        const [, node = '', section = '', key] = config;
        if (!opts.membership && node !== '')
          return send(400, { error: 'bad_request', reason: 'no _node here' });
        if (node === opts.down)
          return send(500, { error: 'nodedown', reason: `${node} is not connected` });
        if (req.method === 'PUT' && key) {
          writes.set(`${node || '/_config'} ${section}/${key}`, JSON.parse(body) as string);
          return send(200, '');
        }
        if (key === 'origins' && opts.origins?.[node]) return send(200, opts.origins[node]);
        return key
          ? send(404, { error: 'not_found', reason: 'unknown_config_value' })
          : send(200, {});
      }
      // Databases, _security, design documents: created / not there yet.
      return req.method === 'GET'
        ? send(404, { error: 'not_found', reason: 'missing' })
        : send(201, { ok: true });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const fake: FakeCouch = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    writes,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
  open.push(fake);
  return fake;
}

describe('provisioning a CouchDB cluster', () => {
  it('writes every CORS setting on every node /_membership lists, and names them', async () => {
    const couch = await fakeCouch({
      membership: true,
      origins: { [NODES[1]!]: 'https://old.example.com' },
    });
    const report = await provision({
      url: couch.url,
      admin,
      org: 'acme',
      branches: ['NYC'],
      corsOrigins: ['https://books.example.com'],
    });

    expect(report.cors).toMatchObject({ configured: true, nodes: NODES, failed: [] });
    for (const node of NODES) {
      expect(couch.writes.get(`${node} chttpd/enable_cors`)).toBe('true');
      expect(couch.writes.get(`${node} cors/credentials`)).toBe('true');
      expect(couch.writes.get(`${node} cors/headers`)).toMatch(/authorization/);
      // The same list everywhere, keeping what node 2 already allowed.
      expect(couch.writes.get(`${node} cors/origins`)).toBe(report.cors.origins.join(', '));
    }
    expect(report.cors.origins).toEqual(
      expect.arrayContaining([
        'https://old.example.com',
        'https://books.example.com',
        'http://127.0.0.1:4173',
        'app://outpost',
      ]),
    );
    // Nothing went only to whichever node answered.
    expect([...couch.writes.keys()].some((k) => k.startsWith('_local '))).toBe(false);
    expect(describeCors(report.cors).join('\n')).toContain(`CORS written on: ${NODES.join(', ')}`);
  });

  it('says which node could not be written instead of reporting success', async () => {
    const couch = await fakeCouch({ membership: true, down: NODES[2] });
    const report = await provision({ url: couch.url, admin, org: 'acme', branches: ['NYC'] });

    expect(report.cors.configured).toBe(false);
    expect(report.cors.nodes).toEqual(NODES.slice(0, 2));
    expect(report.cors.failed).toEqual([
      {
        node: NODES[2],
        reason: expect.stringMatching(
          /refused \(HTTP 500: couchdb@node3.example.com is not connected\)/,
        ),
      },
    ]);
    const text = describeCors(report.cors).join('\n');
    expect(text).toContain(`CORS NOT written on ${NODES[2]}`);
    expect(text).toMatch(/run this command again/);
  });

  it('falls back to /_config on a server without /_membership or /_node', async () => {
    const couch = await fakeCouch({ membership: false });
    const report = await provision({ url: couch.url, admin, org: 'acme', branches: ['NYC'] });

    expect(report.cors).toMatchObject({ configured: true, nodes: ['the server (/_config)'] });
    expect(couch.writes.get('/_config cors/credentials')).toBe('true');
    expect(couch.writes.get('/_config chttpd/enable_cors')).toBe('true');
  });
});
