import type { ServerCredentials } from '../core/rpc/contract';
import type { CredentialVault } from '../platform';

/** One vault entry per company; the worker only ever holds the password in memory. */
export const vaultAccount = (orgCode: string) => `sync:${orgCode}`;

export async function saveCredentials(vault: CredentialVault, orgCode: string, creds: ServerCredentials): Promise<void> {
  await vault.save(vaultAccount(orgCode), JSON.stringify(creds));
}

export async function loadCredentials(vault: CredentialVault, orgCode: string): Promise<ServerCredentials | null> {
  const raw = await vault.load(vaultAccount(orgCode));
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as ServerCredentials;
    return typeof c.serverUrl === 'string' && typeof c.username === 'string' && typeof c.password === 'string' ? c : null;
  } catch {
    return null;
  }
}
