import type { DatabaseKind } from '../../core/db/kinds';
import type { SchemaRegistry } from '../../core/db/schema-registry';
import { ALL_ROLES } from '../../core/roles';
import {
  transferDispatchSchema,
  transferReceiptSchema,
  type TransferDispatch,
  type TransferReceipt,
} from './domain/transfer-schemas';

/**
 * Where inter-branch transfers live (docs/ARCHITECTURE.md, "Inventory: where a transfer
 * lives"): one company-wide database every member reads and every device holds, so the
 * destination sees what is on its way without head office online, and each branch writes only
 * its own part — the source its dispatch, the destination its receipts (`docBranch: 'member'`,
 * enforced by validate_doc_update). No declared writers: head office records neither for a
 * branch (give the user that branch's role when someone must); administrators always may.
 */
export const TRANSFERS_KIND: DatabaseKind = {
  kind: 'transfers',
  scope: 'company',
  readers: ALL_ROLES,
  writers: [],
  docBranch: 'member',
  whoMayWrite: 'Only the branch that sent or received the goods may record a transfer',
};

export function registerTransferTypes(registry: SchemaRegistry): void {
  registry.register<TransferDispatch>({
    type: 'transferDispatch',
    words: 'transfer',
    version: 1,
    schema: transferDispatchSchema,
    home: TRANSFERS_KIND.kind,
    // The catalog's title has no branch names (it is worked out from the document alone): the
    // number says which branch sent it, and the transfer's page names both branches.
    title: (d) => `Transfer ${d.number}`,
    searchText: (d) => `${d.number} ${d.branch} ${d.toBranch} ${d.memo}`,
  });
  registry.register<TransferReceipt>({
    type: 'transferReceipt',
    words: 'transfer receipt',
    version: 1,
    schema: transferReceiptSchema,
    home: TRANSFERS_KIND.kind,
    // The server refuses a receipt whose destination is not the writer's branch.
    sameAsBranch: ['toBranch'],
    title: (r) => `Transfer received ${r.date}`,
    searchText: (r) => `${r.branch} ${r.memo}`,
  });
}
