import { OutpostError } from '../../../core/errors';
import { MASTER_DB } from '../../../core/db/names';
import type { ModuleContext } from '../../../core/module-context';
import {
  LEDGER_SETTINGS_ID,
  type Account,
  type JournalEntry,
  type LedgerSettings,
  type Party,
  type TaxCode,
} from '../domain/schemas';

/** The ledger's documents (chart, tax codes, parties, settings on master; entries on this branch). */

export function repos(s: ModuleContext) {
  return {
    accounts: s.repository<Account>(MASTER_DB, 'account'),
    taxCodes: s.repository<TaxCode>(MASTER_DB, 'taxCode'),
    parties: s.repository<Party>(MASTER_DB, 'party'),
    settings: s.repository<LedgerSettings>(MASTER_DB, 'ledgerSettings'),
    journals: s.repository<JournalEntry>(s.homeBranchDbName, 'journalEntry'),
  };
}

export async function loadSettings(s: ModuleContext): Promise<LedgerSettings | null> {
  try {
    return await repos(s).settings.get(LEDGER_SETTINGS_ID);
  } catch (e) {
    if (e instanceof OutpostError && e.code === 'not-found') return null;
    throw e;
  }
}

export async function requireSettings(s: ModuleContext): Promise<LedgerSettings> {
  const settings = await loadSettings(s);
  if (!settings) {
    throw new OutpostError(
      'state',
      // A company that started from its own chart has accounts but has not yet picked these.
      'The special accounts (receivable, payable, retained earnings, exchange gains and losses, rounding) are not chosen yet. Open Accounts → Ledger settings and choose them, or set up the starter chart.',
    );
  }
  return settings;
}
