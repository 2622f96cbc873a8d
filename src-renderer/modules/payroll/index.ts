import type { DatabaseKind } from '../../core/db/kinds';
import type { CoreModule } from '../../core/module';
import { ROLES } from '../../core/roles';

/**
 * Payroll's database (issue 13): one per organisation, readable and writable only by payroll
 * staff and administrators, held only on a device where such a user is signed in.
 */
export const PAYROLL_KIND: DatabaseKind = {
  kind: 'payroll',
  scope: 'company',
  readers: [ROLES.payroll],
  writers: [ROLES.payroll],
  docBranch: 'any',
  whoMayWrite: 'Only payroll staff or an administrator may change payroll records',
};

/** Payroll is not built yet: it declares its database (provisioned and secured today) and a page saying so. */
export const payrollModule: CoreModule = {
  name: 'payroll',
  databases: [PAYROLL_KIND],
  registerTypes() {},
  worker: async () => ({ projections: [], handlers: () => ({}) }),
  ui: async () => (await import('./ui/module')).payrollUi,
};
