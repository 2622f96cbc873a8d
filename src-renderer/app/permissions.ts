import { useAppStateQuery } from './api';

export interface Permissions {
  /** Company master data (branches, chart, customers and suppliers, rates, lock date): admin or head office. */
  manageMaster: boolean;
}

/** What a set of roles may do, as the server's validate_doc_update decides it (the UI only hides). */
export function permissionsFor(user: { roles: string[] } | null): Permissions {
  // A device that never signed in to a server is its own authority (a single office keeping
  // its books locally); the server checks everything once it connects.
  if (!user) return { manageMaster: true };
  const r = new Set(user.roles);
  return { manageMaster: r.has('admin') || r.has('hq') || r.has('_admin') };
}

export function usePermissions(): Permissions {
  const { data } = useAppStateQuery();
  return permissionsFor(data?.phase === 'ready' ? data.user : null);
}
