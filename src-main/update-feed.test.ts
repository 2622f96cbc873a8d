import { describe, expect, it } from 'vitest';
import { checkFeedUrl } from './update-feed';

const packaged = { allowHttp: false };
const dev = { allowHttp: true };

describe('checkFeedUrl', () => {
  it('accepts an https feed and hands it on normalised', () => {
    expect(checkFeedUrl(' https://updates.acme-shipping.com/outpost/ ', packaged)).toEqual({
      ok: true,
      url: 'https://updates.acme-shipping.com/outpost/',
    });
    expect(checkFeedUrl('HTTPS://Mirror.NYC.acme.local:8443/outpost', packaged)).toEqual({
      ok: true,
      url: 'https://mirror.nyc.acme.local:8443/outpost',
    });
  });

  it('refuses plain http in the installed app, naming the host and what to do', () => {
    const result = checkFeedUrl('http://mirror.nyc.acme.local/outpost/', packaged);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('mirror.nyc.acme.local') });
    expect(!result.ok && result.reason).toMatch(
      /https:\/\/.*Updates are switched off.*administrator/,
    );
  });

  it('allows plain http on a development machine', () => {
    expect(checkFeedUrl('http://127.0.0.1:8080/outpost/', dev)).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8080/outpost/',
    });
  });

  it.each([
    'updates.acme-shipping.com/outpost',
    'not a url',
    '://',
    'file:///C:/outpost/updates/',
    'javascript:alert(1)',
    'ftp://updates.acme-shipping.com/outpost/',
    'data:text/plain,latest',
  ])('refuses %s, also in development', (raw) => {
    expect(checkFeedUrl(raw, dev)).toEqual({
      ok: false,
      reason: expect.stringMatching(/switched off/),
    });
    expect(checkFeedUrl(raw, packaged).ok).toBe(false);
  });

  it('refuses a user name or password in the address and does not repeat it', () => {
    for (const raw of [
      'https://deploy:Winter2024!@updates.acme-shipping.com/outpost/',
      'https://deploy@updates.acme-shipping.com/outpost/',
      'http://deploy:Winter2024!@127.0.0.1/outpost/',
    ]) {
      const result = checkFeedUrl(raw, dev);
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/user name or password/) });
      expect(JSON.stringify(result)).not.toContain('Winter2024');
    }
  });

  it('does not echo an address it cannot read (it may hold a password)', () => {
    const result = checkFeedUrl('deploy:Winter2024!updates', packaged);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Winter2024');
  });
});
