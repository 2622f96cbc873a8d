import { describe, expect, it } from 'vitest';
import beforePack, { releaseFeedProblem } from './release-checks.mjs';

describe('release build checks (electron-builder beforePack)', () => {
  it('lets an https feed through', () => {
    expect(
      releaseFeedProblem({ OUTPOST_UPDATE_URL: 'https://updates.acme-shipping.com/outpost/' }),
    ).toBeNull();
  });

  it.each([
    [undefined, /not set/],
    ['  ', /not set/],
    ['updates.acme-shipping.com/outpost/', /not a web address/],
    ['http://updates.acme-shipping.com/outpost/', /must be an https:\/\/ address, not http:/],
    ['file:///srv/outpost/', /must be an https:\/\/ address/],
    ['https://deploy:Winter2024!@updates.acme-shipping.com/outpost/', /user name or password/],
  ])('stops the build for OUTPOST_UPDATE_URL=%s', (value, why) => {
    const problem = releaseFeedProblem({ OUTPOST_UPDATE_URL: value });
    expect(problem).toMatch(why);
    expect(problem).not.toContain('Winter2024');
  });

  it('throws from the hook so electron-builder stops before packaging', async () => {
    const saved = process.env.OUTPOST_UPDATE_URL;
    try {
      process.env.OUTPOST_UPDATE_URL = 'http://updates.acme-shipping.com/outpost/';
      await expect(beforePack()).rejects.toThrow(/https:\/\//);
      process.env.OUTPOST_UPDATE_URL = 'https://updates.acme-shipping.com/outpost/';
      await expect(beforePack()).resolves.toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.OUTPOST_UPDATE_URL;
      else process.env.OUTPOST_UPDATE_URL = saved;
    }
  });
});
