import type { IndexDb } from '../../../core/index/index-db';
import type { GeneralLedgerPage } from '../rpc-contract';
import { ledgerTables } from './ledger-projection';

/**
 * A receipt's or payment's bank line carries no party or memo of its own (they sit on the
 * receivable or payable side): the ledger page names whom the money came from or went to and
 * the payment's reference, from the index's document rows (one read for the page).
 */
export async function withPaymentHeads(
  index: IndexDb,
  page: GeneralLedgerPage,
): Promise<GeneralLedgerPage> {
  const ids = [...new Set(page.rows.filter((x) => x.docType === 'payment').map((x) => x.docId))];
  if (ids.length === 0) return page;
  const docs = await ledgerTables(index).docs.bulkGet(ids);
  const heads = new Map(docs.filter((d) => d !== undefined).map((d) => [d.id, d]));
  return {
    ...page,
    rows: page.rows.map((x) => {
      const head = heads.get(x.docId);
      if (!head || x.party !== null) return x;
      const memo = [head.reference, x.memo].filter(Boolean).join(' · ');
      return { ...x, party: head.partyId, memo };
    }),
  };
}
