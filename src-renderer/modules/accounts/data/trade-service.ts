import { OutpostError } from '../../../core/errors';
import { MASTER_DB } from '../../../core/db/names';
import { takeNextNumber } from '../../../core/db/series';
import { readAsSeen } from '../../../core/db/posted-leaf';
import { parseOrThrow } from '../../../core/db/validation';
import { addDays, todayLocal } from '../../../core/dates';
import { COMPANY_WIDE, type DocBase } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import { allocate, paymentPosting } from '../domain/allocation';
import { checkLockDate } from '../domain/journal';
import { documentTotals } from '../domain/tax';
import { tradePosting } from '../domain/trade-posting';
import { toBase } from '../domain/fx';
import { partyFieldsSchema, type Party, type Payment, type TradeDoc } from '../domain/schemas';
import { paymentInputSchema, tradeInputSchema } from '../domain/trade-inputs';
import type { TradeDocView } from '../rpc-contract';
import { ledgerTables } from './ledger-projection';
import { repos, requireSettings } from './ledger-repos';
import { openItems } from './open-items';
import { resolveRate } from './rates-service';

/**
 * Sales and purchases: customers and suppliers, invoices, credit notes, bills, supplier
 * credits, receipts and payments. Issuing a document posts its journal lines in the same
 * document write (DESIGN §3); open amounts are derived in the index, never stored.
 */
function tradeRepos(s: ModuleContext) {
  return {
    parties: s.repository<Party>(MASTER_DB, 'party'),
    docs: s.repository<TradeDoc>(s.homeBranchDbName, 'tradeDoc'),
    payments: s.repository<Payment>(s.homeBranchDbName, 'payment'),
  };
}

type Fields<T> = Omit<T, keyof DocBase>;

// ── Parties ──────────────────────────────────────────────────────────────────

export async function saveParty(
  s: ModuleContext,
  input: { id?: string; fields: unknown },
): Promise<Party> {
  const fields = parseOrThrow(
    partyFieldsSchema,
    input.fields,
    'The customer or supplier was not saved.',
  );
  const r = tradeRepos(s).parties;
  const clash = (await r.list()).find((p) => p.code === fields.code && p._id !== input.id);
  if (clash)
    throw new OutpostError('validation', `Code ${fields.code} is already used by ${clash.name}.`, {
      code: 'This code is already used.',
    });
  return input.id ? r.update(input.id, fields) : r.create(fields, COMPANY_WIDE);
}

// ── Invoices, credit notes, bills, supplier credits ─────────────────────────

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

// ── Receipts and payments ────────────────────────────────────────────────────

export async function recordPayment(s: ModuleContext, input: unknown): Promise<Payment> {
  const data = parseOrThrow(paymentInputSchema, input, 'The payment was not recorded.');
  const [company, settings, accounts] = await Promise.all([
    s.company(),
    requireSettings(s),
    repos(s).accounts.list(),
  ]);
  const bank = accounts.find((a) => a.code === data.account);
  if (!bank || bank.isGroup || (bank.subtype !== 'bank' && bank.subtype !== 'cash')) {
    throw new OutpostError('validation', 'Choose a bank or cash account for the money.', {
      account: 'Choose a bank or cash account.',
    });
  }
  const locked = checkLockDate(data.date, settings.lockDate);
  if (locked) throw new OutpostError('validation', locked, { date: locked });
  const rate = await resolveRate(s, {
    currency: data.currency,
    baseCurrency: company.baseCurrency,
    date: data.date,
    typed: data.rate,
  });
  await s.settle();
  const side = data.side === 'receipt' ? 'sales' : 'purchase';
  const open = (await openItems(s.index, { side, partyId: data.partyId, today: data.date }))
    // Money settles documents in their own currency only.
    .filter((d) => d.currency === data.currency && d.kind === 'invoice' && d.open > 0);
  let result;
  try {
    result = allocate(
      data.amount,
      open.map((d) => ({ documentId: d.docId, open: d.open, label: d.number })),
      data.allocations,
      data.currency,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new OutpostError('validation', message, { allocations: message });
  }
  const byId = new Map(open.map((d) => [d.docId, d]));
  let posting;
  try {
    posting = paymentPosting({
      payment: {
        side: data.side,
        amount: data.amount,
        account: data.account,
        currency: data.currency,
        rate,
        partyId: data.partyId,
      },
      allocations: result.allocations.map((a) => ({
        ...a,
        documentRate: byId.get(a.documentId)!.rate,
        label: byId.get(a.documentId)!.number,
      })),
      settings,
      baseCurrency: company.baseCurrency,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new OutpostError('validation', message);
  }
  const number = await takeNextNumber(s.pouch(s.homeBranchDbName), {
    branchCode: s.config.branchCode,
    deviceLetter: s.config.letter,
    kind: data.side === 'receipt' ? 'RCPT' : 'PAY',
  });
  const fields: Fields<Payment> = {
    side: data.side,
    number,
    reference: data.reference,
    partyId: data.partyId,
    date: data.date,
    currency: data.currency,
    rate,
    amount: data.amount,
    account: data.account,
    allocations: result.allocations,
    memo: data.memo,
    status: 'posted',
    posting,
    postedAt: s.writeContext().now().toISOString(),
    postedBy: s.config.userName,
  };
  return tradeRepos(s).payments.create(fields, s.config.branchCode);
}

export async function getTradeDoc(s: ModuleContext, id: string): Promise<TradeDocView> {
  await s.settle();
  // As every device sees it: a posted leaf wins over a forged draft beside it (DESIGN §10).
  // Routed by id: on a head-office device another branch's invoice opens from its own database.
  const db = await s.locate(id);
  const raw = db ? (await readAsSeen(s.pouch(db), id).catch(() => null))?.doc : null;
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
