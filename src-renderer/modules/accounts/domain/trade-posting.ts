import { Dec, roundMinor } from './amounts';
import { toBase, withBaseAmounts } from './fx';
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
    lines: readonly (TaxLineInput &
      Pick<TradeLine, 'account'> &
      Pick<Partial<TradeLine>, 'received'>)[];
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
 *
 * A line for goods already received (`received`, a bill made from goods receipts) posts exactly
 * what the receipts put in its account (goods received not billed) for its quantity, in base
 * currency, and the rest of its net to the price difference account, as Odoo's "price
 * difference account" does: so goods received not billed nets to zero once the goods are
 * billed, whatever the supplier charged. In a base-currency document the split is in the
 * document's amounts; in another currency the line is converted at the bill's rate first and
 * the difference is moved in base (lines with base amounts only, like the rounding line).
 */
export function tradePosting(input: TradePostingInput): LedgerLine[] {
  const { doc, taxCodes, settings, baseCurrency } = input;
  const sign = (doc.side === 'sales' ? -1 : 1) * (doc.kind === 'invoice' ? 1 : -1);
  const partyAccount = doc.side === 'sales' ? settings.receivableAccount : settings.payableAccount;

  const lineNets = new Map<string, number>();
  const taxes = new Map<string, number>();
  const received = new ReceivedGoods(doc.currency === baseCurrency);
  let gross = 0;
  for (const line of doc.lines) {
    const a = lineAmounts(line, taxCodes, doc.taxMode, doc.currency);
    gross += a.gross;
    if (line.received)
      received.add(lineNets, { ...line, received: line.received }, sign * a.net, sign);
    else addTo(lineNets, line.account, sign * a.net);
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

  const out = withBaseAmounts(
    draft,
    doc.currency,
    baseCurrency,
    doc.rate,
    settings.roundingAccount,
  );
  return received.moveDifferences(out, lineNets, (n) =>
    toBase(n, doc.currency, baseCurrency, doc.rate),
  );
}

type ReceivedLine = Pick<TradeLine, 'account' | 'quantity'> & {
  received: NonNullable<TradeLine['received']>;
};

/** Lines for goods already received: what their account clears, and where the difference goes. */
class ReceivedGoods {
  /** Per account: the receipts' value the bill clears there (base, debit positive). */
  private readonly cleared = new Map<string, number>();
  private readonly differenceAccount = new Map<string, string>();
  /** Per account: the document-currency net of these lines (the rest is other lines'). */
  private readonly nets = new Map<string, number>();

  constructor(private readonly inBase: boolean) {}

  add(lineNets: Map<string, number>, line: ReceivedLine, net: number, sign: number): void {
    const { value, quantity, differenceAccount } = line.received;
    // The receipts' value for the quantity billed (all of it when the bill has what came).
    const whole = quantity === line.quantity || new Dec(quantity).isZero();
    const cleared =
      sign * (whole ? value : roundMinor(new Dec(value).mul(line.quantity).div(quantity)));
    if (this.inBase) {
      addTo(lineNets, line.account, cleared);
      addTo(lineNets, differenceAccount, net - cleared);
      return;
    }
    addTo(lineNets, line.account, net);
    addTo(this.nets, line.account, net);
    addTo(this.cleared, line.account, cleared);
    this.differenceAccount.set(line.account, differenceAccount);
  }

  /**
   * Another currency: after conversion at the bill's rate, moves in base what the account got
   * beyond the receipts' value to the difference account, so the account clears exactly.
   */
  moveDifferences(
    out: LedgerLine[],
    lineNets: ReadonlyMap<string, number>,
    base: (docAmount: number) => number,
  ): LedgerLine[] {
    for (const [account, cleared] of this.cleared) {
      const posted = out
        .filter((l) => l.account === account && l.party === null && l.memo === '')
        .reduce((n, l) => n + l.baseDebit - l.baseCredit, 0);
      const others = (lineNets.get(account) ?? 0) - (this.nets.get(account) ?? 0);
      const difference = posted - cleared - (others ? base(others) : 0);
      if (difference === 0) continue;
      const line = (to: string, debitPositive: number): LedgerLine => ({
        account: to,
        debit: 0,
        credit: 0,
        baseDebit: Math.max(debitPositive, 0),
        baseCredit: Math.max(-debitPositive, 0),
        party: null,
        memo: 'Price difference',
        branch: out[0]?.branch ?? null,
      });
      out.push(line(this.differenceAccount.get(account)!, difference), line(account, -difference));
    }
    return out;
  }
}

function addTo(map: Map<string, number>, key: string, amount: number): void {
  const total = (map.get(key) ?? 0) + amount;
  if (!Number.isSafeInteger(total)) throw new RangeError('Amount too large.');
  map.set(key, total);
}
