import { describe, expect, it } from 'vitest';
import { addressesOf, chooseAddress, parseServerAddresses } from './server-addresses';

describe('server addresses', () => {
  it('reads one per line or comma-separated, keeps the order, drops repeats and trailing slashes', () => {
    expect(
      parseServerAddresses(
        'http://10.0.0.11:5984/\nhttp://10.0.0.12:5984, https://sync.acme.example\n\nhttp://10.0.0.11:5984',
      ),
    ).toEqual({
      urls: ['http://10.0.0.11:5984', 'http://10.0.0.12:5984', 'https://sync.acme.example'],
      invalid: [],
    });
    expect(parseServerAddresses('http://10.0.0.11:5984, 10.0.0.12:5984').invalid).toEqual([
      '10.0.0.12:5984',
    ]);
  });

  it('reads credentials saved with one address as a list of one', () => {
    expect(addressesOf({ serverUrl: 'http://10.0.0.11:5984/' })).toEqual(['http://10.0.0.11:5984']);
    expect(
      addressesOf({ serverUrl: 'http://a:5984', serverUrls: ['http://a:5984', 'http://b:5984'] }),
    ).toEqual(['http://a:5984', 'http://b:5984']);
  });

  it('takes the first node that answers; with none, shows the reason that says most', () => {
    const net = {
      kind: 'down' as const,
      problem: { kind: 'network' as const, message: 'cannot reach' },
    };
    const cors = { kind: 'down' as const, problem: { kind: 'cors' as const, message: 'cors' } };
    const user = { name: 'jane', roles: ['hq'] };
    expect(chooseAddress(['a', 'b'], [net, { kind: 'up', user }])).toEqual({ url: 'b', user });
    expect(chooseAddress(['a', 'b'], [net, cors])).toMatchObject({
      url: null,
      problem: { kind: 'cors' },
      refused: false,
    });
    expect(
      chooseAddress(['a'], [{ kind: 'refused', problem: { kind: 'locked', message: 'locked' } }]),
    ).toMatchObject({ url: null, refused: true });
  });
});
