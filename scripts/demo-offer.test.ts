import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoOffer, demoOfferHandler, withDemoOffer, type DemoOffer } from './demo-offer';

const dir = mkdtempSync(join(tmpdir(), 'outpost-demo-offer-'));
const indexFile = join(dir, 'index.html');
writeFileSync(
  indexFile,
  '<!doctype html>\n<html>\n  <head>\n    <title>Outpost</title>\n  </head>\n</html>',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the preview server answers for `url`: the page with the offer, or 'next' (static files). */
function ask(url: string, current: () => DemoOffer | undefined) {
  return new Promise<{ status: number; body: string } | 'next'>((resolve) => {
    const res = {
      statusCode: 0,
      setHeader: () => undefined,
      end: (body: string) => resolve({ status: res.statusCode, body }),
    };
    demoOfferHandler(current, indexFile)(
      { url } as IncomingMessage,
      res as unknown as ServerResponse,
      () => resolve('next'),
    );
  });
}

describe('the demo offer in the page npm start serves', () => {
  const offer = demoOffer('http://127.0.0.1:5984');

  it('names the server, the demo organisation and its two demo users', () => {
    expect(offer).toEqual({
      serverUrl: 'http://127.0.0.1:5984',
      orgCode: 'demo',
      branchCode: 'HQ',
      headOffice: { username: 'demo-admin', password: 'demo-admin-pass' },
      branchOffice: { username: 'demo-clerk', password: 'demo-clerk-pass' },
    });
  });

  it('goes into the index page as a meta tag whose content is the JSON', () => {
    const html = withDemoOffer('<html><head><title>Outpost</title></head></html>', offer);
    const content = /<meta name="outpost-demo-server" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(JSON.parse(content.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))).toEqual(offer);
  });

  it('is added to / and /index.html once the server is ready, and to nothing else', async () => {
    expect(await ask('/', () => undefined)).toBe('next');
    expect(await ask('/assets/index.js', () => offer)).toBe('next');
    for (const url of ['/', '/index.html?x=1']) {
      const got = await ask(url, () => offer);
      expect(got).not.toBe('next');
      if (got !== 'next') {
        expect(got.status).toBe(200);
        expect(got.body).toContain('<meta name="outpost-demo-server"');
        expect(got.body).toContain('<title>Outpost</title>');
      }
    }
  });
});
