import type { PostingLine } from '../../../core/postings/posting';

/**
 * What a valued stock move posts to the ledger. Pure: the stock projection values the move
 * (valuation.ts, in the fold's order), then these rules turn the values into balanced lines.
 * Amounts are integer minor units of the company's base currency, which is also the document
 * currency of a stock move, so `debit` = `baseDebit`.
 *
 * The one invariant: every valued line posts exactly the value the fold moved on its item's
 * inventory account, in the warehouse's branch, so the inventory accounts in the ledger equal
 * the valuation report. The rest of each rule is where the other side goes:
 *
 * - receipt: Dr inventory / Cr goods received not billed (GRNI; the bill clears it).
 * - delivery: Dr cost of goods sold (the item's expense account) / Cr inventory.
 * - adjustment, count: inventory against the stock-adjustment account.
 * - internal (between warehouses of one branch): inventory to inventory; nothing when both
 *   warehouses use the same account, as they do unless items name different ones.
 * - transfer dispatch (source branch): Dr goods in transit at the dispatch's unit cost / Cr
 *   inventory at the fold's value; a difference between the two (rounding, or a back-dated
 *   move that re-valued the source after the goods left) goes to stock adjustment.
 * - transfer receipt: the two halves are in two branches' books and each must balance alone,
 *   so an inter-branch account carries the value across. Source: Dr inter-branch / Cr goods in
 *   transit; destination: Dr inventory / Cr inter-branch (consolidated, inter-branch nets to
 *   zero). A receipt that closes the transfer short also clears what never came from goods in
 *   transit to stock adjustment, in the source branch.
 * - An inbound line that fills a negative balance (valuation.ts `cogsAdjustment`) corrects the
 *   cost of what was sold before it arrived: that difference goes to cost of goods sold.
 *
 * Lines are merged per account and branch (one line each, not one per item); accounts that net
 * to zero and moves worth nothing post nothing.
 */

export type PostedMoveKind =
  | 'receipt'
  | 'delivery'
  | 'adjustment'
  | 'count'
  | 'internal'
  | 'transferDispatch'
  | 'transferReceipt';

export interface ValuedStockLine {
  item: string;
  warehouse: string;
  /** The branch that owns the warehouse. */
  branch: string;
  /** Change of the warehouse's stock value by this line, as the fold computed it (signed). */
  value: number;
  /** Extra cost of goods sold when an inbound line fills a negative balance. */
  cogsAdjustment: number;
  /**
   * Transfers only: the line's value at the dispatch's unit cost, which goods in transit
   * carries. On a transfer receipt it equals `value + cogsAdjustment`.
   */
  transitValue?: number;
}

export interface ValuedStockMove {
  /** The stock move, transfer dispatch or transfer receipt. */
  id: string;
  kind: PostedMoveKind;
  date: string;
  lines: ValuedStockLine[];
  /** Transfer receipt: the branch the goods came from (whose goods in transit it clears). */
  fromBranch?: string;
  /** Transfer receipt that closes the transfer short: the value that never came. */
  shortValue?: number;
}

/** Account codes of the chart (Inventory settings; an item may name its own). */
export interface StockAccounts {
  grni: string;
  goodsInTransit: string;
  interBranch: string;
  stockAdjustment: string;
  defaultInventory: string;
  defaultCogs: string;
  /** An item's own accounts ('' = use the default). */
  items: ReadonlyMap<string, { inventory: string; cogs: string }>;
}

const MEMO = {
  inventory: 'Stock value',
  cogs: 'Cost of goods sold',
  grni: 'Goods received not billed',
  git: 'Goods in transit',
  inter: 'Between branches',
  adjust: 'Stock adjustment',
} as const;
type Role = keyof typeof MEMO;

function need(code: string, what: string): string {
  if (!code)
    throw new RangeError(
      `Choose the ${what} account in Inventory settings; stock moves cannot post without it.`,
    );
  return code;
}

export function stockPostings(move: ValuedStockMove, accounts: StockAccounts): PostingLine[] {
  const net = new Map<string, { account: string; branch: string; role: Role; amount: number }>();
  /** Debit positive, credit negative. */
  const post = (account: string, branch: string, role: Role, amount: number) => {
    if (amount === 0) return;
    const key = `${branch}\u0000${account}`;
    const at = net.get(key);
    if (at) at.amount += amount;
    else net.set(key, { account, branch, role, amount });
  };
  const itemAccount = (item: string, side: 'inventory' | 'cogs') => {
    const own = accounts.items.get(item)?.[side];
    if (own) return own;
    return side === 'inventory'
      ? need(accounts.defaultInventory, 'default inventory')
      : need(accounts.defaultCogs, 'default cost of goods sold');
  };
  const other = {
    grni: () => need(accounts.grni, 'goods received not billed'),
    git: () => need(accounts.goodsInTransit, 'goods in transit'),
    inter: () => need(accounts.interBranch, 'between branches'),
    adjust: () => need(accounts.stockAdjustment, 'stock adjustment'),
  };

  for (const l of move.lines) {
    if (l.value === 0 && l.cogsAdjustment === 0 && !l.transitValue) continue;
    post(itemAccount(l.item, 'inventory'), l.branch, 'inventory', l.value);
    post(itemAccount(l.item, 'cogs'), l.branch, 'cogs', l.cogsAdjustment);
    // What the line brought in (or took out) at its full cost: the other side of the entry.
    const brought = l.value + l.cogsAdjustment;
    switch (move.kind) {
      case 'receipt':
        post(other.grni(), l.branch, 'grni', -brought);
        break;
      case 'delivery':
        post(itemAccount(l.item, 'cogs'), l.branch, 'cogs', -brought);
        break;
      case 'adjustment':
      case 'count':
        post(other.adjust(), l.branch, 'adjust', -brought);
        break;
      case 'internal':
        // Both warehouses' lines are in the move: their values are each other's other side.
        break;
      case 'transferDispatch': {
        const transit = l.transitValue ?? -brought;
        post(other.git(), l.branch, 'git', transit);
        post(other.adjust(), l.branch, 'adjust', -brought - transit);
        break;
      }
      case 'transferReceipt': {
        const from = move.fromBranch;
        if (!from) throw new RangeError(`Transfer receipt ${move.id} does not say where from.`);
        post(other.inter(), l.branch, 'inter', -brought);
        post(other.inter(), from, 'inter', brought);
        post(other.git(), from, 'git', -brought);
        break;
      }
    }
  }
  if (move.kind === 'transferReceipt' && move.shortValue) {
    // A receipt that only closes the transfer (nothing came) has no lines to say where from.
    const from = move.fromBranch;
    if (!from) throw new RangeError(`Transfer receipt ${move.id} does not say where from.`);
    post(other.adjust(), from, 'adjust', move.shortValue);
    post(other.git(), from, 'git', -move.shortValue);
  }

  return [...net.values()]
    .filter((n) => n.amount !== 0)
    .map((n) => {
      const debit = n.amount > 0 ? n.amount : 0;
      const credit = n.amount < 0 ? -n.amount : 0;
      return {
        account: n.account,
        debit,
        credit,
        baseDebit: debit,
        baseCredit: credit,
        branch: n.branch,
        memo: MEMO[n.role],
      };
    });
}

/** Settings fields that must be chosen before stock moves can post, in words for a clerk. */
export const STOCK_ACCOUNT_WORDS = {
  inventoryAccount: 'Inventory (when an item names none)',
  cogsAccount: 'Cost of goods sold (when an item names none)',
  grniAccount: 'Goods received not billed',
  goodsInTransitAccount: 'Goods in transit',
  interBranchAccount: 'Between branches',
  stockAdjustmentAccount: 'Stock adjustments and shortages',
} as const;
export type StockAccountField = keyof typeof STOCK_ACCOUNT_WORDS;

/**
 * Every account Inventory settings chooses: the ones stock moves post to, and the one a bill
 * from receipts posts a price difference to (orders-flow.ts). Stock moves do not need the
 * latter, so it is not among the missing accounts that stop them posting.
 */
export const SETTINGS_ACCOUNT_WORDS = {
  ...STOCK_ACCOUNT_WORDS,
  priceDifferenceAccount: 'Purchase price differences',
} as const;
export type SettingsAccountField = keyof typeof SETTINGS_ACCOUNT_WORDS;

/** The accounts still to choose (empty when stock moves can post). */
export function missingStockAccounts(
  settings: Partial<Record<StockAccountField, string>> | null | undefined,
): string[] {
  return (Object.keys(STOCK_ACCOUNT_WORDS) as StockAccountField[])
    .filter((f) => !settings?.[f])
    .map((f) => STOCK_ACCOUNT_WORDS[f]);
}

/** The posting rules' accounts from the settings and the items' own. */
export function stockAccountsOf(
  settings: Partial<Record<StockAccountField, string>>,
  items: readonly { _id: string; inventoryAccount: string; expenseAccount: string }[],
): StockAccounts {
  return {
    grni: settings.grniAccount ?? '',
    goodsInTransit: settings.goodsInTransitAccount ?? '',
    interBranch: settings.interBranchAccount ?? '',
    stockAdjustment: settings.stockAdjustmentAccount ?? '',
    defaultInventory: settings.inventoryAccount ?? '',
    defaultCogs: settings.cogsAccount ?? '',
    items: new Map(
      items.map((i) => [i._id, { inventory: i.inventoryAccount, cogs: i.expenseAccount }]),
    ),
  };
}
