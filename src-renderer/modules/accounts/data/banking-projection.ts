import type { Table } from 'dexie';
import type { IndexDb, Projection } from '../../../core/index/index-db';
import type { BankMatch, BankStatement } from '../domain/banking-schemas';

/**
 * Bank lines and matches in the index. A bank line knows the match that covers it, so the
 * reconciliation screen reads "unmatched" straight off an index instead of joining in memory.
 * Statements and matches may arrive in any order (replication, rebuild), so each side looks
 * the other up when it is projected.
 */
export const BANKING_STORES = {
  bankLines: 'id, [account+date], statementId, matchId',
  // statementLines/ledgerLines are multi-entry so "which match covers this line" is one lookup.
  bankMatches: 'id, account, *statementLines, *ledgerLines',
};

export interface BankLineRow {
  /** `<statementId>#<externalId>` */
  id: string;
  statementId: string;
  db: string;
  account: string;
  externalId: string;
  date: string;
  amount: number;
  description: string;
  reference: string;
  counterparty: string;
  balanceAfter: number | null;
  /** Empty string, not null, when unmatched: Dexie does not index null. */
  matchId: string;
}

export interface BankMatchRow {
  id: string;
  db: string;
  account: string;
  statementLines: string[];
  ledgerLines: string[];
  note: string;
  createdAt: string;
  createdBy: string;
}

export function bankingTables(index: IndexDb) {
  return {
    lines: index.table('bankLines') as Table<BankLineRow, string>,
    matches: index.table('bankMatches') as Table<BankMatchRow, string>,
  };
}

export const bankLineId = (statementId: string, externalId: string) =>
  `${statementId}#${externalId}`;

export const bankingProjection: Projection = {
  stores: BANKING_STORES,
  async apply(index, db, changes) {
    const t = bankingTables(index);
    for (const { id, type, doc } of changes) {
      if (type === 'bankStatement') {
        await t.lines.where('statementId').equals(id).delete();
        if (!doc) continue;
        const s = doc as unknown as BankStatement;
        const rows: BankLineRow[] = s.lines.map((l) => ({
          id: bankLineId(id, l.externalId),
          statementId: id,
          db,
          account: s.account,
          externalId: l.externalId,
          date: l.date,
          amount: l.amount,
          description: l.description,
          reference: l.reference,
          counterparty: l.counterparty,
          balanceAfter: l.balanceAfter,
          matchId: '',
        }));
        for (const r of rows) {
          const m = await t.matches.where('statementLines').equals(r.id).first();
          if (m) r.matchId = m.id;
        }
        await t.lines.bulkPut(rows);
      } else if (type === 'bankMatch') {
        await t.lines.where('matchId').equals(id).modify({ matchId: '' });
        await t.matches.delete(id);
        if (!doc) continue;
        const m = doc as unknown as BankMatch;
        await t.matches.put({
          id,
          db,
          account: m.account,
          statementLines: m.statementLines,
          ledgerLines: m.ledgerLines,
          note: m.note,
          createdAt: m.createdAt,
          createdBy: m.createdBy,
        });
        const lines = (await t.lines.bulkGet(m.statementLines)).filter(
          (l): l is BankLineRow => l !== undefined,
        );
        await t.lines.bulkPut(lines.map((l) => ({ ...l, matchId: id })));
      }
    }
  },
};
