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
  // The account's key yields documents by date, then by id (ULID order within a day): the page
  // is read straight off the index up to its last line, so the first page costs the same with a
  // million lines.
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 200;
  const read = await lines.onAccount(account.code, q.from, q.to, {
    branch: q.branch,
    take: offset + limit,
  });
  let balance = opening;
  for (const x of read.slice(0, offset)) balance += x.debit - x.credit;
  const page: LedgerRow[] = read.slice(offset);
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
