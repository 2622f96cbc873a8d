import type { IndexDb } from '../../../core/index/index-db';
import type { Account } from '../domain/schemas';
import type { GeneralLedgerPage } from '../rpc-contract';
import { ledgerTables, type LedgerRow } from './ledger-projection';
import { accountSpan } from './report-sums';

/**
 * One page of an account's general ledger with its opening and closing balance and line count,
 * all read for that account alone: a page costs the same with one branch or ten.
 */
export async function generalLedger(
  index: IndexDb,
  account: Account,
  q: { from: string; to: string; branch: string | null; offset?: number; limit?: number },
): Promise<GeneralLedgerPage> {
  const span = await accountSpan(index, account.code, q.from, q.to, q.branch);
  const opening = span.opening;
  const closing = opening + span.movement;
  const { lines } = ledgerTables(index);
  // The compound index yields lines by date, then by id (ULID order within a day): the page is
  // read straight off the index, so the first page costs the same with a million lines.
  const range = () => {
    const c = lines
      .where('[account+date]')
      .between([account.code, q.from], [account.code, q.to], true, true);
    return q.branch ? c.filter((x) => x.branch === q.branch) : c;
  };
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 200;
  let balance = opening;
  if (offset > 0) {
    const skipped = await range().limit(offset).toArray();
    for (const x of skipped) balance += x.debit - x.credit;
  }
  const page: LedgerRow[] = await range().offset(offset).limit(limit).toArray();
  const rows = page.map((x) => {
    balance += x.debit - x.credit;
    return { ...x, balance };
  });
  return {
    account: { code: account.code, name: account.name, kind: account.kind },
    from: q.from,
    to: q.to,
    opening,
    rows,
    total: span.lines,
    closing,
  };
}
