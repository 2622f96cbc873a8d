import type { SchemaRegistry } from '../../../core/db/schema-registry';
import {
  accountSchema,
  currencyRateSchema,
  journalEntrySchema,
  ledgerSettingsSchema,
  partySchema,
  paymentSchema,
  taxCodeSchema,
  tradeDocSchema,
  type Account,
  type CurrencyRate,
  type JournalEntry,
  type LedgerLine,
  type LedgerSettings,
  type Party,
  type Payment,
  type TaxCode,
  type TradeDoc,
} from '../domain/schemas';

const TRADE_TITLES = {
  sales: { invoice: 'Invoice', credit: 'Credit note' },
  purchase: { invoice: 'Bill', credit: 'Supplier credit' },
} as const;

export function tradeDocLabel(d: Pick<TradeDoc, 'side' | 'kind'>): string {
  return TRADE_TITLES[d.side][d.kind];
}

// Only posted facts post (DESIGN §3): a draft's lines are the clerk's work in progress, may not
// balance yet, and never reach the ledger. An entry carries its lines; an invoice, bill or
// payment the journal lines it was issued with.
const postedLines =
  <T extends { status: string }>(linesOf: (d: T) => LedgerLine[]) =>
  (d: T) =>
    d.status === 'posted' ? linesOf(d) : [];

export function registerAccountsTypes(registry: SchemaRegistry): void {
  registry.register<Account>({
    type: 'account',
    words: 'account',
    version: 1,
    schema: accountSchema,
    home: 'master',
    title: (a) => `${a.code} ${a.name}`,
    searchText: (a) => `${a.code} ${a.name} ${a.kind} ${a.subtype}`,
  });
  registry.register<TaxCode>({
    type: 'taxCode',
    words: 'tax code',
    version: 1,
    schema: taxCodeSchema,
    home: 'master',
    title: (t) => `${t.code} ${t.name}`,
  });
  registry.register<Party>({
    type: 'party',
    words: 'customer or supplier',
    version: 1,
    schema: partySchema,
    home: 'master',
    title: (p) => p.name,
    searchText: (p) => `${p.code} ${p.name} ${p.email} ${p.taxId}`,
  });
  registry.register<LedgerSettings>({
    type: 'ledgerSettings',
    words: 'ledger settings',
    version: 1,
    schema: ledgerSettingsSchema,
    home: 'master',
    title: () => 'Ledger settings',
  });
  registry.register<CurrencyRate>({
    type: 'currencyRate',
    words: 'exchange rate',
    version: 1,
    schema: currencyRateSchema,
    home: 'master',
    title: (r) => `${r.currency} ${r.date} ${r.rate}`,
  });
  registry.register<JournalEntry>({
    type: 'journalEntry',
    words: 'journal entry',
    version: 1,
    schema: journalEntrySchema,
    home: 'branch',
    title: (e) => `${e.number ?? 'Draft entry'} ${e.memo}`.trim(),
    // No date: lists filter by date, and three date tokens per entry are index writes at scale.
    searchText: (e) =>
      `${e.number ?? ''} ${e.memo} ${e.reference} ${e.lines.map((l) => l.memo).join(' ')}`,
    postings: postedLines<JournalEntry>((e) => e.lines),
  });
  registry.register<TradeDoc>({
    type: 'tradeDoc',
    words: 'invoice or bill',
    version: 1,
    schema: tradeDocSchema,
    home: 'branch',
    title: (d) => `${tradeDocLabel(d)} ${d.number ?? '(draft)'}`,
    searchText: (d) =>
      `${d.number ?? ''} ${d.reference} ${d.memo} ${d.lines.map((l) => l.description).join(' ')}`,
    postings: postedLines<TradeDoc>((d) => d.posting),
  });
  registry.register<Payment>({
    type: 'payment',
    words: 'receipt or payment',
    version: 1,
    schema: paymentSchema,
    home: 'branch',
    title: (p) => `${p.side === 'receipt' ? 'Receipt' : 'Payment'} ${p.number ?? '(draft)'}`,
    searchText: (p) => `${p.number ?? ''} ${p.reference} ${p.memo}`,
    postings: postedLines<Payment>((p) => p.posting),
  });
}
