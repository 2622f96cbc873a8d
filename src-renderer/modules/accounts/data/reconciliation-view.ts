import { z } from 'zod';
import { parseOrThrow } from '../../../core/db/validation';
import { todayLocal } from '../../../core/dates';
import type { ModuleContext } from '../../../core/module-context';
import type {
  BankLineView,
  BookLineView,
  MatchView,
  ReconciliationView,
} from '../banking-contract';
import { reconciliationSummary, suggestMatches } from '../domain/banking';
import { accountCodeSchema, isoDateSchema } from '../domain/schemas';
import { bankAccount } from './banking-repos';
import { bankingTables, type BankLineRow } from './banking-projection';
import { listStatements } from './bank-statements';
import { ledgerTables, type LedgerRow } from './ledger-rows';

/**
 * Reconciliation out: one bank account's statement lines beside its book entries, what is
 * matched, what the matcher suggests, and whether the bank's balance and the books agree.
 */

function bankLineView(r: BankLineRow): BankLineView {
  return {
    id: r.id,
    statementId: r.statementId,
    date: r.date,
    amount: r.amount,
    description: r.description,
    reference: r.reference,
    counterparty: r.counterparty,
    matchId: r.matchId || null,
  };
}

/** Ledger rows with their document's reference, and the numbers of what a payment settled. */
async function bookLines(
  s: ModuleContext,
  bankAccountCode: string,
  rows: LedgerRow[],
): Promise<(BookLineView & { related: string[] })[]> {
  const l = ledgerTables(s.index);
  const docIds = [...new Set(rows.map((r) => r.docId))];
  const docs = new Map(
    (await l.docs.bulkGet(docIds)).filter((d) => d !== undefined).map((d) => [d.id, d]),
  );
  // A receipt's other lines carry the invoice numbers it settled, which banks quote.
  const siblings = await l.lines.ofDocs(docIds.filter((id) => docs.get(id)?.type === 'payment'));
  const related = new Map<string, string[]>();
  for (const r of siblings)
    if (r.memo && r.account !== bankAccountCode)
      related.set(r.docId, [...(related.get(r.docId) ?? []), r.memo]);
  return rows.map((r) => ({
    id: r.id,
    docId: r.docId,
    docType: r.docType,
    number: r.number,
    date: r.date,
    amount: r.debit - r.credit,
    memo: r.memo,
    reference: docs.get(r.docId)?.reference ?? '',
    related: related.get(r.docId) ?? [],
  }));
}

const viewInputSchema = z.object({
  account: accountCodeSchema,
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export async function reconciliationView(
  s: ModuleContext,
  input: unknown,
): Promise<ReconciliationView> {
  const q = parseOrThrow(viewInputSchema, input, 'The reconciliation could not be shown.');
  await s.settle();
  const { account, currency } = await bankAccount(s, q.account);
  const code = account.code;
  const from = q.from ?? '';
  const to = q.to ?? '\uffff';
  const t = bankingTables(s.index);
  const l = ledgerTables(s.index);

  const bankRows = await t.lines
    .where('[account+date]')
    .between([code, from], [code, to], true, true)
    .toArray();
  bankRows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const matchRows = await t.matches.where('account').equals(code).toArray();
  const matchedLedger = new Set(matchRows.flatMap((m) => m.ledgerLines));
  const ledgerRows = (await l.lines.onAccount(code, from, to)).filter(
    (r) => !matchedLedger.has(r.id) && r.debit !== r.credit,
  );
  ledgerRows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const unmatchedBook = await bookLines(s, code, ledgerRows);
  const unmatchedBank = bankRows.filter((r) => !r.matchId);

  const suggestions = suggestMatches(
    unmatchedBank.map((r) => ({
      id: r.id,
      date: r.date,
      amount: r.amount,
      description: r.description,
      reference: r.reference,
      counterparty: r.counterparty,
    })),
    unmatchedBook,
  );

  const inPeriod = new Set(bankRows.map((r) => r.id));
  const shownMatches = matchRows.filter((m) => m.statementLines.some((id) => inPeriod.has(id)));
  const matchedBankRows = new Map(
    (await t.lines.bulkGet(shownMatches.flatMap((m) => m.statementLines)))
      .filter((r): r is BankLineRow => r !== undefined)
      .map((r) => [r.id, r]),
  );
  const matchedBook = new Map(
    (
      await bookLines(
        s,
        code,
        (await l.lines.bulkGet(shownMatches.flatMap((m) => m.ledgerLines))).filter(
          (r): r is LedgerRow => r !== undefined,
        ),
      )
    ).map((r) => [r.id, r]),
  );
  const matches: MatchView[] = shownMatches
    .map((m) => ({
      id: m.id,
      note: m.note,
      createdAt: m.createdAt,
      createdBy: m.createdBy,
      statementLines: m.statementLines.flatMap((id) => {
        const r = matchedBankRows.get(id);
        return r ? [bankLineView(r)] : [];
      }),
      ledgerLines: m.ledgerLines.flatMap((id) => {
        const r = matchedBook.get(id);
        return r ? [stripRelated(r)] : [];
      }),
    }))
    .sort(
      (a, b) =>
        (a.statementLines[0]?.date ?? '').localeCompare(b.statementLines[0]?.date ?? '') ||
        a.id.localeCompare(b.id),
    );

  const statements = (await listStatements(s, { account: code })).filter(
    (st) => !q.to || st.statementDate <= q.to,
  );
  const latest = statements[0] ?? null;
  const asOf = q.to ?? latest?.statementDate ?? todayLocal();
  const upTo = await l.lines.onAccount(code, '', asOf);
  const bookBalance = upTo.reduce((n, r) => n + r.debit - r.credit, 0);
  const matched = bankRows.filter((r) => r.matchId).reduce((n, r) => n + r.amount, 0);
  const unmatched = unmatchedBank.reduce((n, r) => n + r.amount, 0);

  return {
    account: { code, name: account.name, currency },
    statementLines: bankRows.map(bankLineView),
    unmatchedBook: unmatchedBook.map(stripRelated),
    suggestions,
    matches,
    asOf,
    summary: reconciliationSummary({
      statementClosing: latest?.closingBalance ?? null,
      matched,
      unmatchedStatement: unmatched,
      bookBalance,
    }),
  };
}

function stripRelated(r: BookLineView & { related: string[] }): BookLineView {
  const { related: _related, ...rest } = r;
  return rest;
}
