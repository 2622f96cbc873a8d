import type { HandlersOf } from '../../core/rpc/define';
import type { BankingContract } from './banking-contract';
import type { ModuleContext } from '../../core/module-context';
import { createEntryForLine, matchLines, unmatch } from './data/bank-matching';
import { importStatement, listStatements, previewStatement } from './data/bank-statements';
import { reconciliationView } from './data/reconciliation-view';

/** Banking's RPC handlers; the Accounts module spreads them into its own. */
export function bankingHandlers(session: () => ModuleContext): HandlersOf<BankingContract> {
  return {
    'banking.importStatement': (input) => importStatement(session(), input),
    'banking.reconciliation': (q) => reconciliationView(session(), q),
    'banking.match': (input) => matchLines(session(), input),
    'banking.unmatch': (input) => unmatch(session(), input),
    'banking.createEntry': (input) => createEntryForLine(session(), input),
    'banking.listStatements': (q) => listStatements(session(), q ?? {}),
    'banking.previewStatement': async (input) => previewStatement(input),
  };
}
