import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { demoOffer, demoOfferHandler, type DemoOffer } from './demo-offer';

function ask(current: () => DemoOffer | undefined) {
  const headers: Record<string, string> = {};
  let body = '';
  const res = {
    statusCode: 0,
    setHeader: (k: string, v: string) => void (headers[k] = v),
    end: (text: string) => void (body = text),
  };
  demoOfferHandler(current)({} as IncomingMessage, res as unknown as ServerResponse);
  return { status: res.statusCode, headers, body };
}

describe('demo-server.json of npm start', () => {
  it('is 404 until the sync server is ready, so the app offers nothing it cannot reach', () => {
    expect(ask(() => undefined).status).toBe(404);
  });

  it('then names the server, the demo organisation and its two demo users', () => {
    const got = ask(() => demoOffer('http://127.0.0.1:5984'));
    expect(got.status).toBe(200);
    expect(got.headers['Cache-Control']).toBe('no-store');
    expect(JSON.parse(got.body)).toEqual({
      serverUrl: 'http://127.0.0.1:5984',
      orgCode: 'demo',
      branchCode: 'HQ',
      headOffice: { username: 'demo-admin', password: 'demo-admin-pass' },
      branchOffice: { username: 'demo-clerk', password: 'demo-clerk-pass' },
    });
  });
});
