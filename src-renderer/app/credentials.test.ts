import { describe, expect, it } from 'vitest';
import type { CredentialVault } from '../platform';
import {
  forgetCredentials,
  replaceCredentials,
  resumableCredentials,
  vaultAccount,
} from './credentials';

const ALICE = { serverUrl: 'http://127.0.0.1:5984', username: 'alice', password: 'alice-pass-1' };
const JANE = { serverUrl: 'http://127.0.0.1:5984', username: 'jane', password: 'jane-pass-1' };

function vault(opts: { failSave?: boolean; failRemove?: boolean } = {}) {
  const entries = new Map<string, string>();
  const v: CredentialVault = {
    encrypted: true,
    save: async (a, s) => {
      if (opts.failSave) throw new Error('no keyring');
      entries.set(a, s);
    },
    load: async (a) => entries.get(a) ?? null,
    remove: async (a) => {
      if (opts.failRemove) throw new Error('no keyring');
      entries.delete(a);
    },
  };
  return { v, entries };
}

describe('credentials on a shared desktop', () => {
  it('switching replaces the previous user’s entry', async () => {
    const { v, entries } = vault();
    entries.set(vaultAccount('acme'), JSON.stringify(ALICE));
    expect(await replaceCredentials(v, 'acme', JANE)).toBe(true);
    expect(JSON.parse(entries.get(vaultAccount('acme'))!)).toEqual(JANE);
  });

  it('when the new entry cannot be stored, the previous user’s is removed anyway', async () => {
    const { v, entries } = vault({ failSave: true });
    entries.set(vaultAccount('acme'), JSON.stringify(ALICE));
    expect(await replaceCredentials(v, 'acme', JANE)).toBe(false);
    expect(entries.has(vaultAccount('acme'))).toBe(false);
  });

  it('sign out removes the entry, and says when the vault refused', async () => {
    const ok = vault();
    ok.entries.set(vaultAccount('acme'), JSON.stringify(ALICE));
    expect(await forgetCredentials(ok.v, 'acme')).toBe(true);
    expect(ok.entries.size).toBe(0);
    expect(await forgetCredentials(vault({ failRemove: true }).v, 'acme')).toBe(false);
  });

  it('a stored entry is used at start only for the user who last signed in, never after a sign-out', () => {
    expect(resumableCredentials({ signedOut: false, user: null }, ALICE)).toEqual(ALICE);
    expect(resumableCredentials({ signedOut: false, user: { name: 'alice' } }, ALICE)).toEqual(
      ALICE,
    );
    expect(resumableCredentials({ signedOut: false, user: { name: 'jane' } }, ALICE)).toBeNull();
    expect(resumableCredentials({ signedOut: true, user: null }, ALICE)).toBeNull();
    expect(resumableCredentials({ signedOut: false, user: null }, null)).toBeNull();
  });
});
