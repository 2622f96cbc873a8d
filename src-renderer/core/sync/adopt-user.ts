import type { DeviceConfig, DeviceConfigStore, SignedInUser } from '../org/device-config';
import type { Session } from '../session';

/**
 * The sync server answered (after start, or after a failure such as a CORS refusal that an
 * administrator has since fixed): the signed-in user's roles as the server knows them now are
 * adopted and decide again which databases this device holds and syncs. Without this, head
 * office started while the server refused the app kept no roles, and so no other branch, until
 * a restart (issue 9 §14). Returns whether anything changed, so the caller can tell the UI.
 */
export async function adoptSessionUser(
  s: Session,
  store: Pick<DeviceConfigStore, 'update'>,
  user: SignedInUser,
): Promise<boolean> {
  const current = s.config.user ?? null;
  // After a sign-out nobody is signed in; another name means other credentials are on their way.
  if (s.config.signedOut || (current && current.name !== user.name)) return false;
  if (current && sameRoles(current.roles, user.roles)) return false;
  s.config = await store.update({ user } satisfies Partial<DeviceConfig>);
  await s.reconcileDatabases();
  return true;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
