import { isAdministrator, ROLES } from '../core/roles';
import { useAppStateQuery } from './api';

export interface Permissions {
  /** Company master data (branches, chart, customers and suppliers, rates, lock date): admin or head office. */
  manageMaster: boolean;
}

/** What a set of roles may do, as the server's validate_doc_update decides it (the UI only hides). */
export function permissionsFor(user: { roles: string[] } | null, signedOut = false): Permissions {
  // After a sign-out on a shared desktop nobody's rights apply: company master data waits for
  // someone who may change it to sign in.
  if (signedOut) return { manageMaster: false };
  // A device that never signed in to a server is its own authority (a single office keeping
  // its books locally); the server checks everything once it connects.
  if (!user) return { manageMaster: true };
  return { manageMaster: isAdministrator(user.roles) || user.roles.includes(ROLES.headOffice) };
}

export function usePermissions(): Permissions {
  const { data } = useAppStateQuery();
  return data?.phase === 'ready' ? permissionsFor(data.user, data.signedOut) : permissionsFor(null);
}
