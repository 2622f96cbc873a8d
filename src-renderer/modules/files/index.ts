import type { DatabaseKind } from '../../core/db/kinds';
import type { CoreModule } from '../../core/module';
import { ROLES } from '../../core/roles';

/**
 * Files' databases (issue 14): one per branch, for the branch's members and head office; on
 * devices other than the branch's own the content is fetched on demand.
 */
export const FILES_KIND: DatabaseKind = {
  kind: 'files',
  scope: 'branch',
  readers: [ROLES.headOffice],
  writers: [ROLES.headOffice],
  branchMembers: true,
  docBranch: 'own',
  onDemand: true,
  whoMayWrite: 'Only members of the branch, head office or an administrator may change its files',
};

/** Files is not built yet: it declares its databases (provisioned and secured today) and a page saying so. */
export const filesModule: CoreModule = {
  name: 'files',
  databases: [FILES_KIND],
  registerTypes() {},
  worker: async () => ({ projections: [], handlers: () => ({}) }),
  ui: async () => (await import('./ui/module')).filesUi,
};
