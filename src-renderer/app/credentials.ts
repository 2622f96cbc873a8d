import type { ServerCredentials } from '../core/rpc/contract';
import type { CredentialVault } from '../platform';

/** One vault entry per company; the worker only ever holds the password in memory. */
export const vaultAccount = (orgCode: string) => `sync:${orgCode}`;

export async function saveCredentials(
  vault: CredentialVault,
  orgCode: string,
  creds: ServerCredentials,
): Promise<void> {
  await vault.save(vaultAccount(orgCode), JSON.stringify(creds));
}

export async function loadCredentials(
  vault: CredentialVault,
  orgCode: string,
): Promise<ServerCredentials | null> {
  const raw = await vault.load(vaultAccount(orgCode));
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as ServerCredentials;
    return typeof c.serverUrl === 'string' &&
      typeof c.username === 'string' &&
      typeof c.password === 'string'
      ? c
      : null;
  } catch {
    return null;
  }
}

/**
 * After the core accepted a new user (switch user, or sign in after a sign-out): their
 * credentials replace the previous user's in the vault. If they cannot be stored, the previous
 * user's entry is removed anyway, so a restart can never sign the previous user back in.
 * Returns whether the new credentials were stored.
 */
export async function replaceCredentials(
  vault: CredentialVault,
  orgCode: string,
  creds: ServerCredentials,
): Promise<boolean> {
  try {
    await saveCredentials(vault, orgCode, creds);
    return true;
  } catch {
    await vault.remove(vaultAccount(orgCode)).catch(() => undefined);
    return false;
  }
}

/** Sign out: the stored credentials are removed. Returns false when the vault refused. */
export async function forgetCredentials(vault: CredentialVault, orgCode: string): Promise<boolean> {
  try {
    await vault.remove(vaultAccount(orgCode));
    return true;
  } catch {
    return false;
  }
}

/**
 * The vault entry to hand to the core at start, if it may be used: never after a sign-out,
 * and never when it belongs to someone other than the user this device last signed in.
 */
export function resumableCredentials(
  state: { signedOut: boolean; user: { name: string } | null },
  creds: ServerCredentials | null,
): ServerCredentials | null {
  if (!creds || state.signedOut) return null;
  if (state.user && state.user.name !== creds.username) return null;
  return creds;
}
