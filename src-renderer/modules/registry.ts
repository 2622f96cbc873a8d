import type { CoreModule } from '../core/module';
import { accountsModule } from './accounts';
import { inventoryModule } from './inventory';
import { payrollModule } from './payroll';
import { filesModule } from './files';

/**
 * The one list of modules (issue 10). The worker, the shell and navigation, the store's
 * invalidation, the server's doc rules and validate_doc_update, provisioning, the bench and
 * the test helpers all read it; core/ and server/ name no module. Adding a module is a new
 * folder and one line here (docs/ARCHITECTURE.md, "Adding a module"). The order is the
 * navigation's.
 *
 * Each entry is a module's declaration only (database kinds, document types): its worker part
 * and UI part load on demand, so importing this list costs no module's services or pages.
 */
export const MODULES = [
  accountsModule,
  payrollModule,
  inventoryModule,
  filesModule,
] as const satisfies readonly CoreModule[];
