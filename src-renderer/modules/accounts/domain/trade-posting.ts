import { withBaseAmounts } from './fx';
import type { DocLine } from './fx';
import { lineAmounts } from './tax';
import type { TaxLineInput, TaxRate } from './tax';
import type {
  LedgerLine,
  LedgerSettings,
  TaxCode,
  TaxMode,
  TradeKind,
  TradeLine,
  TradeSide,
} from './schemas';

export type PostingTaxCode = TaxRate & Pick<TaxCode, 'salesAccount' | 'purchaseAccount'>;

export interface TradePostingInput {
  doc: {
    side: TradeSide;
    kind: TradeKind;
    lines: readonly (TaxLineInput & Pick<TradeLine, 'account'>)[];
    taxMode: TaxMode;
    currency: string;
    rate: string;
    partyId: string;
    branch?: string | null;
  };
  taxCodes: ReadonlyMap<string, PostingTaxCode>;
  settings: Pick<LedgerSettings, 'receivableAccount' | 'payableAccount' | 'roundingAccount'>;
  baseCurrency: string;
}

/**
 * The journal lines an issued sales or purchase document posts.
 *
 * Sales invoice:   Dr receivable (gross, party) / Cr income per account (net) / Cr tax per sales tax account.
 * Purchase bill:   Dr expense per account (net) / Dr tax per purchase tax account / Cr payable (gross, party).
 * Credit note and supplier credit post the mirror image of their side's invoice.
 *
 * Everything is first summed as a signed, debit-positive amount per account, so a negative line
 * (a discount line, a returned item) nets inside its account instead of producing a line with a
 * negative amount; an account that nets to zero posts nothing. Because the gross on the party
 * line is the sum of the per-line nets and taxes, the result balances exactly in the document
 * currency, and `withBaseAmounts` keeps it balanced in base.
 */
export function tradePosting(input: TradePostingInput): LedgerLine[] {
  const { doc, taxCodes, settings, baseCurrency } = input;
  const sign = (doc.side === 'sales' ? -1 : 1) * (doc.kind === 'invoice' ? 1 : -1);
  const partyAccount = doc.side === 'sales' ? settings.receivableAccount : settings.payableAccount;

  const lineNets = new Map<string, number>();
  const taxes = new Map<string, number>();
  let gross = 0;
  for (const line of doc.lines) {
    const a = lineAmounts(line, taxCodes, doc.taxMode, doc.currency);
    gross += a.gross;
    addTo(lineNets, line.account, sign * a.net);
    if (a.tax !== 0 && line.taxCode) {
      // lineAmounts has already refused unknown codes, so a non-zero tax has its code.
      const code = taxCodes.get(line.taxCode) as PostingTaxCode;
      addTo(taxes, doc.side === 'sales' ? code.salesAccount : code.purchaseAccount, sign * a.tax);
    }
  }

  const branch = doc.branch ?? null;
  const draft: DocLine[] = [];
  const push = (account: string, debitPositive: number, party: string | null, memo: string) => {
    if (debitPositive === 0) return;
    draft.push({
      account,
      debit: Math.max(debitPositive, 0),
      credit: Math.max(-debitPositive, 0),
      party,
      memo,
      branch,
    });
  };
  push(partyAccount, -sign * gross, doc.partyId, '');
  for (const [account, amount] of lineNets) push(account, amount, null, '');
  for (const [account, amount] of taxes) push(account, amount, null, 'Tax');

  return withBaseAmounts(draft, doc.currency, baseCurrency, doc.rate, settings.roundingAccount);
}

function addTo(map: Map<string, number>, key: string, amount: number): void {
  const total = (map.get(key) ?? 0) + amount;
  if (!Number.isSafeInteger(total)) throw new RangeError('Amount too large.');
  map.set(key, total);
}
