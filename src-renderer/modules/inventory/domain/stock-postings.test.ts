import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PostingLine } from '../../../core/postings/posting';
import { parseQty } from './quantity';
import {
  missingStockAccounts,
  stockPostings,
  type StockAccounts,
  type ValuedStockMove,
} from './stock-postings';
import { EMPTY_STATE, valueMoves, type ValuationMethod, type ValuationMove } from './valuation';

const BEANS = 'item:01BEANS';
const MUGS = 'item:01MUGS';
const accounts: StockAccounts = {
  grni: '2150',
  goodsInTransit: '1350',
  interBranch: '1900',
  stockAdjustment: '5300',
  defaultInventory: '1300',
  defaultCogs: '5100',
  // Mugs keep their own inventory and cost accounts; beans use the defaults.
  items: new Map([
    [MUGS, { inventory: '1310', cogs: '5110' }],
    [BEANS, { inventory: '', cogs: '' }],
  ]),
};
const INVENTORY = new Set(['1300', '1310']);

/** Signed net per account (debit positive), one branch or all. */
function net(lines: PostingLine[], branch?: string) {
  const out: Record<string, number> = {};
  for (const l of lines)
    if (!branch || l.branch === branch)
      out[l.account] = (out[l.account] ?? 0) + l.baseDebit - l.baseCredit;
  // An account that cleared (goods in transit once everything arrived) is left out.
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}
const sum = (o: Record<string, number>) => Object.values(o).reduce((n, v) => n + v, 0);
const q = (n: number) => parseQty(String(n))!;

/** The Odoo worked example as the fold values it, in New York's main store. */
function odooMoves(method: ValuationMethod): ValuedStockMove[] {
  const moves: (ValuationMove & { kind: 'receipt' | 'delivery' })[] = [
    { id: 'm1', date: '2026-03-02', qty: q(8), value: 8_000, kind: 'receipt' },
    { id: 'm2', date: '2026-03-03', qty: q(4), value: 6_400, kind: 'receipt' },
    { id: 'm3', date: '2026-03-04', qty: -q(10), kind: 'delivery' },
    { id: 'm4', date: '2026-03-05', qty: q(2), value: 1_200, kind: 'receipt' },
  ];
  const { results } = valueMoves(method, EMPTY_STATE, moves);
  return moves.map((m, i) => ({
    id: m.id,
    kind: m.kind,
    date: m.date,
    lines: [
      {
        item: BEANS,
        warehouse: 'warehouse:NYC-MAIN',
        branch: 'NYC',
        value: results[i]!.value,
        cogsAdjustment: results[i]!.cogsAdjustment,
      },
    ],
  }));
}

describe('stock postings: the Odoo worked example', () => {
  it('moving average: cost of goods sold 120.00, inventory 36.00, GRNI 156.00', () => {
    const lines = odooMoves('average').flatMap((m) => stockPostings(m, accounts));
    expect(net(lines)).toEqual({ '1300': 3_600, '5100': 12_000, '2150': -15_600 });
  });

  it('FIFO: cost of goods sold 112.00, inventory 44.00', () => {
    const moves = odooMoves('fifo');
    expect(stockPostings(moves[2]!, accounts)).toEqual([
      {
        account: '1300',
        debit: 0,
        credit: 11_200,
        baseDebit: 0,
        baseCredit: 11_200,
        branch: 'NYC',
        memo: 'Stock value',
      },
      {
        account: '5100',
        debit: 11_200,
        credit: 0,
        baseDebit: 11_200,
        baseCredit: 0,
        branch: 'NYC',
        memo: 'Cost of goods sold',
      },
    ]);
    expect(net(moves.flatMap((m) => stockPostings(m, accounts)))).toEqual({
      '1300': 4_400,
      '5100': 11_200,
      '2150': -15_600,
    });
  });
});

describe('stock postings: rules', () => {
  const line = (item: string, value: number, branch = 'NYC', cogsAdjustment = 0) => ({
    item,
    warehouse: `warehouse:${branch}-MAIN`,
    branch,
    value,
    cogsAdjustment,
  });

  it('merges lines per account: a receipt of two items and three lines is three ledger lines', () => {
    const lines = stockPostings(
      {
        id: 'stockMove:1',
        kind: 'receipt',
        date: '2026-03-02',
        lines: [line(BEANS, 8_000), line(BEANS, 2_000), line(MUGS, 4_500)],
      },
      accounts,
    );
    expect(lines.map((l) => [l.account, l.baseDebit, l.baseCredit])).toEqual([
      ['1300', 10_000, 0],
      ['2150', 0, 14_500],
      ['1310', 4_500, 0],
    ]);
  });

  it('a move worth nothing, and an internal move within one account, post nothing', () => {
    expect(
      stockPostings(
        { id: 'stockMove:2', kind: 'count', date: '2026-03-02', lines: [line(BEANS, 0)] },
        accounts,
      ),
    ).toEqual([]);
    const internal: ValuedStockMove = {
      id: 'stockMove:3',
      kind: 'internal',
      date: '2026-03-02',
      lines: [line(BEANS, -2_400), { ...line(BEANS, 2_400), warehouse: 'warehouse:NYC-BACK' }],
    };
    expect(stockPostings(internal, accounts)).toEqual([]);
  });

  it('a receipt that fills a negative balance charges the difference to cost of goods sold', () => {
    const lines = stockPostings(
      {
        id: 'stockMove:4',
        kind: 'receipt',
        date: '2026-03-05',
        lines: [line(BEANS, 4_200, 'NYC', 600)],
      },
      accounts,
    );
    expect(net(lines)).toEqual({ '1300': 4_200, '5100': 600, '2150': -4_800 });
  });

  it('a transfer: each branch balances on its own, goods in transit and inter-branch clear', () => {
    const dispatch: ValuedStockMove = {
      id: 'transferDispatch:1',
      kind: 'transferDispatch',
      date: '2026-03-10',
      // The fold took 107.41 out; at the dispatch unit cost the goods carry 107.40.
      lines: [{ ...line(BEANS, -10_741), transitValue: 10_740 }],
    };
    const receipt: ValuedStockMove = {
      id: 'transferReceipt:1',
      kind: 'transferReceipt',
      date: '2026-03-14',
      fromBranch: 'NYC',
      lines: [{ ...line(BEANS, 8_950, 'MNL'), transitValue: 8_950 }],
      shortValue: 1_790,
    };
    const all = [dispatch, receipt].flatMap((m) => stockPostings(m, accounts));
    expect(net(stockPostings(dispatch, accounts))).toEqual({
      '1300': -10_741,
      '1350': 10_740,
      '5300': 1,
    });
    expect(net(all, 'NYC')).toEqual({ '1300': -10_741, '1900': 8_950, '5300': 1_791 });
    expect(net(all, 'MNL')).toEqual({ '1300': 8_950, '1900': -8_950 });
    expect(net(all)).toEqual({ '1300': -1_791, '5300': 1_791 });
  });

  it('a receipt that only closes the transfer short clears goods in transit in the source', () => {
    const closing: ValuedStockMove = {
      id: 'transferReceipt:2',
      kind: 'transferReceipt',
      date: '2026-03-20',
      lines: [],
      shortValue: 1_790,
    };
    expect(() => stockPostings(closing, accounts)).toThrow('does not say where from');
    expect(net(stockPostings({ ...closing, fromBranch: 'NYC' }, accounts), 'NYC')).toEqual({
      '5300': 1_790,
      '1350': -1_790,
    });
  });

  it('says which account to choose when one is missing', () => {
    const none = { ...accounts, grni: '' };
    expect(() =>
      stockPostings(
        { id: 's', kind: 'receipt', date: '2026-03-02', lines: [line(BEANS, 100)] },
        none,
      ),
    ).toThrow('Choose the goods received not billed account in Inventory settings');
    expect(missingStockAccounts({ grniAccount: '2150', inventoryAccount: '1300' })).toEqual([
      'Cost of goods sold (when an item names none)',
      'Goods in transit',
      'Between branches',
      'Stock adjustments and shortages',
    ]);
  });
});

describe('stock postings: properties', () => {
  const KINDS = ['receipt', 'delivery', 'adjustment', 'count', 'internal'] as const;
  const moveArb = fc.record({
    kind: fc.constantFrom(...KINDS),
    item: fc.constantFrom(BEANS, MUGS),
    qty: fc.integer({ min: 1, max: 40 }),
    unitCost: fc.integer({ min: 0, max: 5_000 }),
    up: fc.boolean(),
  });

  it('every move balances per branch, and the inventory accounts end at the valuation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ValuationMethod>('fifo', 'average'),
        fc.array(moveArb, { minLength: 1, maxLength: 40 }),
        (method, specs) => {
          // Folds per item × warehouse (two warehouses of New York), as the projection does.
          const states = new Map<string, typeof EMPTY_STATE>();
          const fold = (item: string, wh: string, id: string, qty: number, value?: number) => {
            const key = `${item}|${wh}`;
            const r = valueMoves(method, states.get(key) ?? EMPTY_STATE, [
              { id, date: '2026-03-01', qty, value },
            ]);
            states.set(key, r.state);
            const res = r.results[0]!;
            return { item, warehouse: wh, branch: 'NYC', ...res };
          };
          const posted: PostingLine[] = [];
          specs.forEach((s, i) => {
            const qty = q(s.qty);
            const id = `m${i}`;
            const lines =
              s.kind === 'receipt'
                ? [fold(s.item, 'MAIN', id, qty, s.qty * s.unitCost)]
                : s.kind === 'delivery'
                  ? [fold(s.item, 'MAIN', id, -qty)]
                  : s.kind === 'internal'
                    ? (() => {
                        const out = fold(s.item, 'MAIN', id, -qty);
                        return [out, fold(s.item, 'BACK', `${id}>`, qty, -out.value)];
                      })()
                    : [fold(s.item, s.up ? 'MAIN' : 'BACK', id, s.up ? qty : -qty)];
            const lines2 = stockPostings({ id, kind: s.kind, date: '2026-03-01', lines }, accounts);
            expect(sum(net(lines2, 'NYC'))).toBe(0);
            for (const l of lines2) expect(l.baseDebit === 0 || l.baseCredit === 0).toBe(true);
            posted.push(...lines2);
          });
          const ledger = net(posted);
          const inventory = Object.entries(ledger)
            .filter(([a]) => INVENTORY.has(a))
            .reduce((n, [, v]) => n + v, 0);
          const valuation = [...states.values()].reduce((n, st) => n + st.value, 0);
          expect(inventory).toBe(valuation);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('transfers: each branch balances alone, goods in transit is what is still on the way', () => {
    const transferArb = fc.record({
      item: fc.constantFrom(BEANS, MUGS),
      stock: fc.integer({ min: 0, max: 30 }),
      cost: fc.integer({ min: 1, max: 9_999 }),
      sent: fc.integer({ min: 1, max: 20 }),
      received: fc.nat(),
      closesShort: fc.boolean(),
      /** Manila sells before the goods arrive (offline): the receipt then fills a negative balance. */
      soldEarly: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<ValuationMethod>('fifo', 'average'),
        fc.array(transferArb, { minLength: 1, maxLength: 12 }),
        (method, specs) => {
          const states = new Map<string, typeof EMPTY_STATE>();
          const fold = (item: string, branch: string, id: string, qty: number, value?: number) => {
            const key = `${item}|${branch}`;
            const r = valueMoves(method, states.get(key) ?? EMPTY_STATE, [
              { id, date: '2026-03-01', qty, value },
            ]);
            states.set(key, r.state);
            return { item, warehouse: `warehouse:${branch}`, branch, ...r.results[0]! };
          };
          const posted: PostingLine[] = [];
          let onTheWay = 0;
          const post = (m: ValuedStockMove) => {
            const lines = stockPostings(m, accounts);
            for (const b of ['NYC', 'MNL']) expect(sum(net(lines, b))).toBe(0);
            posted.push(...lines);
          };
          specs.forEach((s, i) => {
            if (s.stock > 0)
              post({
                id: `r${i}`,
                kind: 'receipt',
                date: '2026-03-01',
                lines: [fold(s.item, 'NYC', `r${i}`, q(s.stock), s.stock * s.cost)],
              });
            // The dispatch leaves at the source's valuation, rounded to a unit cost (transfer-cost.ts).
            const out = fold(s.item, 'NYC', `d${i}`, -q(s.sent));
            const unitCost = Math.max(0, Math.round(-out.value / s.sent));
            post({
              id: `d${i}`,
              kind: 'transferDispatch',
              date: '2026-03-01',
              lines: [{ ...out, transitValue: s.sent * unitCost }],
            });
            if (s.soldEarly > 0)
              post({
                id: `s${i}`,
                kind: 'delivery',
                date: '2026-03-01',
                lines: [fold(s.item, 'MNL', `s${i}`, -q(s.soldEarly))],
              });
            const got = s.received % (s.sent + 1);
            const short = s.closesShort ? s.sent - got : 0;
            onTheWay += (s.sent - got - short) * unitCost;
            if (got === 0 && !short) return;
            const arrived = got > 0 ? [fold(s.item, 'MNL', `t${i}`, q(got), got * unitCost)] : [];
            post({
              id: `t${i}`,
              kind: 'transferReceipt',
              date: '2026-03-01',
              fromBranch: 'NYC',
              lines: arrived.map((l) => ({ ...l, transitValue: got * unitCost })),
              shortValue: short * unitCost,
            });
          });
          const ledger = net(posted);
          const inventory = (ledger['1300'] ?? 0) + (ledger['1310'] ?? 0);
          const valuation = [...states.values()].reduce((n, st) => n + st.value, 0);
          expect(inventory).toBe(valuation);
          expect(ledger['1350'] ?? 0).toBe(onTheWay);
          expect(ledger['1900'] ?? 0).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
