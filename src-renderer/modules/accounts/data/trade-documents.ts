import { OutpostError } from '../../../core/errors';
import { takeNextNumber } from '../../../core/db/series';
import { parseOrThrow } from '../../../core/db/validation';
import { addDays, todayLocal } from '../../../core/dates';
import type { ModuleContext } from '../../../core/module-context';
import { checkLockDate } from '../domain/journal';
import { documentTotals } from '../domain/tax';
import { tradePosting } from '../domain/trade-posting';
import { toBase } from '../domain/fx';
import type { TradeDoc } from '../domain/schemas';
import { tradeInputSchema } from '../domain/trade-inputs';
import type { TradeDocView } from '../rpc-contract';
import { ledgerTables } from './ledger-projection';
import { repos, requireSettings } from './ledger-repos';
import { openItems } from './open-items';
import { resolveRate } from './rates-service';
import { tradeRepos, type Fields } from './trade-repos';

/**
 * Invoices, credit notes, bills and supplier credits. Issuing a document posts its journal
 * lines in the same document write (DESIGN §3); open amounts are derived in the index, never
 * stored.
 */

const SERIES: Record<TradeDoc['side'], Record<TradeDoc['kind'], string>> = {
  sales: { invoice: 'INV', credit: 'CN' },
  purchase: { invoice: 'BILL', credit: 'SC' },
};

async function prepareTrade(
  s: ModuleContext,
  input: unknown,
  status: 'draft' | 'posted',
): Promise<{ id?: string; fields: Fields<TradeDoc> }> {
  const data = parseOrThrow(
    tradeInputSchema,
    input,
    status === 'posted' ? 'The document was not issued.' : 'The document was not saved.',
  );
  const [company, settings, party, taxCodes, accounts] = await Promise.all([
    s.cachedMaster('company', () => s.company()),
    s.cachedMaster('ledgerSettings', () => requireSettings(s)),
    tradeRepos(s)
      .parties.get(data.partyId)
      .catch(() => null),
    s.cachedMaster('taxCodes', () => repos(s).taxCodes.list()),
    s.cachedMaster('accounts', () => repos(s).accounts.list()),
  ]);
  if (!party)
    throw new OutpostError('validation', 'Choose a customer or supplier that exists.', {
      partyId: 'Unknown customer or supplier.',
    });
  const wanted = data.side === 'sales' ? 'customer' : 'supplier';
  if (party.kind !== wanted && party.kind !== 'both') {
    throw new OutpostError('validation', `${party.name} is not set up as a ${wanted}.`, {
      partyId: `Choose a ${wanted}.`,
    });
  }
  const codes = new Map(taxCodes.map((t) => [t.code, t]));
  const leaf = new Map(accounts.filter((a) => !a.isGroup && !a.archived).map((a) => [a.code, a]));
  const fields: Record<string, string> = {};
  data.lines.forEach((l, i) => {
    if (!leaf.has(l.account))
      fields[`lines.${i}.account`] = `There is no account ${l.account} to post to.`;
    if (l.received && !leaf.has(l.received.differenceAccount))
      fields[`lines.${i}.account`] =
        `There is no account ${l.received.differenceAccount} for the price difference; choose one in Inventory settings.`;
    if (l.taxCode && !codes.has(l.taxCode))
      fields[`lines.${i}.taxCode`] = `There is no tax code ${l.taxCode}.`;
  });
  if (Object.keys(fields).length)
    throw new OutpostError(
      'validation',
      `The document was not saved: ${Object.values(fields)[0]}`,
      fields,
    );
  const rate =
    status === 'posted'
      ? await resolveRate(s, {
          currency: data.currency,
          baseCurrency: company.baseCurrency,
          date: data.date,
          typed: data.rate,
        })
      : data.currency === company.baseCurrency
        ? '1'
        : (data.rate ?? '1');
  if (status === 'posted') {
    const locked = checkLockDate(data.date, settings.lockDate);
    if (locked) throw new OutpostError('validation', locked, { date: locked });
  }
  if (data.creditFor) {
    const original = await s
      .repositoryOf<TradeDoc>(data.creditFor, 'tradeDoc')
      .then((r) => r.get(data.creditFor!))
      .catch(() => null);
    if (
      !original ||
      original.status !== 'posted' ||
      original.kind !== 'invoice' ||
      original.side !== data.side ||
      original.partyId !== data.partyId
    ) {
      throw new OutpostError(
        'validation',
        'A credit must point at an issued invoice or bill of the same customer or supplier.',
        { creditFor: 'Choose the original document.' },
      );
    }
  }
  let totals;
  let posting: TradeDoc['posting'] = [];
  try {
    totals = documentTotals(data.lines, codes, data.taxMode, data.currency);
    if (status === 'posted') {
      posting = tradePosting({
        doc: { ...data, rate, branch: null },
        taxCodes: codes,
        settings,
        baseCurrency: company.baseCurrency,
      });
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new OutpostError('validation', message, { lines: message });
  }
  const { net, tax, gross } = totals;
  const taxBreakdown =
    status === 'posted'
      ? totals.byTaxCode.map((t) => ({
          code: t.code,
          rateBp: codes.get(t.code)?.rateBp ?? 0,
          net: t.net,
          tax: t.tax,
          baseNet: toBase(t.net, data.currency, company.baseCurrency, rate),
          baseTax: toBase(t.tax, data.currency, company.baseCurrency, rate),
        }))
      : [];
  return {
    ...(data.id ? { id: data.id } : {}),
    fields: {
      side: data.side,
      kind: data.kind,
      number: null,
      reference: data.reference,
      partyId: data.partyId,
      date: data.date,
      dueDate: data.dueDate ?? addDays(data.date, party.paymentTermsDays),
      currency: data.currency,
      rate,
      taxMode: data.taxMode,
      lines: data.lines,
      memo: data.memo,
      status,
      totals: { net, tax, gross },
      posting,
      taxBreakdown,
      creditFor: data.creditFor,
      postedAt: null,
      postedBy: null,
    },
  };
}

export async function saveTradeDraft(s: ModuleContext, input: unknown): Promise<TradeDoc> {
  const { id, fields } = await prepareTrade(s, input, 'draft');
  // An existing draft is saved where it lives (head office may finish another branch's draft).
  if (id) return (await s.repositoryOf<TradeDoc>(id, 'tradeDoc')).update(id, fields);
  return tradeRepos(s).docs.create(fields, s.config.branchCode);
}

/** Issues (posts) an invoice, credit note, bill or supplier credit: numbered, posted, immutable. */
export async function issueTradeDoc(s: ModuleContext, input: unknown): Promise<TradeDoc> {
  const { id, fields } = await prepareTrade(s, input, 'posted');
  const number = await takeNextNumber(s.pouch(s.homeBranchDbName), {
    branchCode: s.config.branchCode,
    deviceLetter: s.config.letter,
    kind: SERIES[fields.side][fields.kind],
  });
  const posted = {
    ...fields,
    number,
    postedAt: s.writeContext().now().toISOString(),
    postedBy: s.config.userName,
  };
  // No wait for the index here: the clerk's save returns as soon as PouchDB has it, and the
  // lists refresh from the change event a moment later.
  if (id) return (await s.repositoryOf<TradeDoc>(id, 'tradeDoc')).update(id, posted);
  return tradeRepos(s).docs.create(posted, s.config.branchCode);
}

export async function getTradeDoc(s: ModuleContext, id: string): Promise<TradeDocView> {
  await s.settle();
  // As every device sees it: a posted leaf wins over a forged draft beside it (DESIGN §10).
  // Routed by id: on a head-office device another branch's invoice opens from its own database.
  const raw = (await s.read(id))?.doc;
  if (!raw) throw new OutpostError('not-found', 'That document is not on this device.');
  const decoded = s.registry.decode<TradeDoc>(raw);
  const doc = decoded.doc as TradeDoc;
  const t = ledgerTables(s.index);
  const allocations = await t.allocations.where('documentId').equals(id).toArray();
  const payDocs = await t.docs.bulkGet(allocations.map((a) => a.paymentId));
  const credits = await t.tradeItems.where('creditFor').equals(id).toArray();
  const item = (
    await openItems(s.index, { side: doc.side, partyId: doc.partyId, today: todayLocal() })
  ).find((i) => i.docId === id);
  return {
    doc,
    readOnly: decoded.readOnly || doc.status === 'posted',
    open: item?.open ?? (doc.status === 'posted' ? 0 : doc.totals.gross),
    status: item?.status ?? (doc.status === 'posted' ? 'paid' : 'draft'),
    payments: allocations.map((a, i) => ({
      id: a.paymentId,
      number: payDocs[i]?.number ?? '',
      date: a.date,
      amount: a.amount,
    })),
    credits: credits.map((c) => ({ id: c.docId, number: c.number, date: c.date, gross: c.gross })),
  };
}
