import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQty } from './quantity';
import {
  EMPTY_STATE,
  compareMoves,
  shareOf,
  valueMoves,
  type ValuationMethod,
  type ValuationMove,
} from './valuation';

const q = (n: number) => parseQty(String(n))!;
const receipt = (id: string, date: string, qty: number, unitPrice: number): ValuationMove => ({
  id,
  date,
  qty: q(qty),
  value: qty * unitPrice * 100,
});
const delivery = (id: string, date: string, qty: number): ValuationMove => ({
  id,
  date,
  qty: -q(qty),
});

/**
 * Odoo 17 documentation, "Inventory valuation methods" (Inventory › Product management ›
 * Product valuation › Using inventory valuation): receive 8 @ $10, receive 4 @ $16, deliver 10,
 * receive 2 @ $6. Average cost: COGS $120, 4 units worth $36. FIFO: COGS $112, 4 units worth $44.
 */
const odoo: ValuationMove[] = [
  receipt('m1', '2026-01-02', 8, 10),
  receipt('m2', '2026-01-03', 4, 16),
  delivery('m3', '2026-01-04', 10),
  receipt('m4', '2026-01-05', 2, 6),
];

describe('the Odoo worked example', () => {
  it('moving average: COGS 120.00, ending 4 units worth 36.00', () => {
    const { state, results } = valueMoves('average', EMPTY_STATE, odoo);
    expect(-results[2]!.value).toBe(12_000);
    expect(state.qty).toBe(q(4));
    expect(state.value).toBe(3_600);
  });

  it('FIFO: COGS 112.00, ending 4 units worth 44.00', () => {
    const { state, results } = valueMoves('fifo', EMPTY_STATE, odoo);
    expect(-results[2]!.value).toBe(11_200);
    expect(state.value).toBe(4_400);
    expect(state.layers).toEqual([
      { qty: q(2), value: 3_200 },
      { qty: q(2), value: 1_200 },
    ]);
  });

  it('a unit bought at 10 returned to the vendor under moving average leaves at the average, 12', () => {
    const moves = [...odoo.slice(0, 2), delivery('r1', '2026-01-03', 1)];
    const { results } = valueMoves('average', EMPTY_STATE, moves);
    expect(results[2]!.value).toBe(-1_200);
  });
});

describe('negative stock', () => {
  it('delivers beyond stock at the last cost, and the next receipt posts the difference to COGS', () => {
    const moves = [
      receipt('a', '2026-02-01', 1, 10),
      delivery('b', '2026-02-02', 1), // device A sells the last unit
      delivery('c', '2026-02-02', 1), // device B, offline, sells it too
      receipt('d', '2026-02-05', 3, 16),
    ];
    for (const method of ['average', 'fifo'] as ValuationMethod[]) {
      const { state, results } = valueMoves(method, EMPTY_STATE, moves);
      expect(results[2]).toMatchObject({ value: -1_000, qtyAfter: -q(1), wentNegative: true });
      // The receipt fills the missing unit at 16, not 10: 6.00 more cost of goods sold.
      expect(results[3]).toMatchObject({ cogsAdjustment: 600, value: 4_800 - 600 });
      expect(state).toMatchObject({ qty: q(2), value: 3_200 });
    }
  });

  it('a first-ever delivery with no cost known leaves at zero and is corrected by the receipt', () => {
    const { results, state } = valueMoves('fifo', EMPTY_STATE, [
      delivery('a', '2026-02-01', 2),
      receipt('b', '2026-02-03', 2, 5),
    ]);
    expect(results[0]!.value).toBe(0);
    expect(results[1]!.cogsAdjustment).toBe(1_000);
    expect(state).toMatchObject({ qty: 0, value: 0 });
  });
});

describe('shareOf', () => {
  it('rounds half away from zero', () => {
    expect(shareOf(1, 1, 2)).toBe(1);
    expect(shareOf(-1, 1, 2)).toBe(-1);
    expect(shareOf(10, 1, 3)).toBe(3);
    expect(shareOf(20, 1, 3)).toBe(7);
  });
});

const dates = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
const arbMoves = fc
  .array(
    fc.record({
      date: fc.constantFrom(...dates),
      qty: fc.integer({ min: 1, max: 50_000 }),
      out: fc.boolean(),
      price: fc.integer({ min: 0, max: 5_000 }),
      priced: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i): ValuationMove => ({
      id: `move:${String(i).padStart(4, '0')}`,
      date: r.date,
      qty: r.out ? -r.qty : r.qty,
      ...(r.out || !r.priced ? {} : { value: shareOf(r.price, r.qty, 10_000) }),
    })),
  );
const arbMethod = fc.constantFrom<ValuationMethod>('fifo', 'average');

describe('valuation invariants', () => {
  it('is the same whatever order the moves arrive in (sync order)', () => {
    fc.assert(
      fc.property(arbMethod, arbMoves, fc.infiniteStream(fc.nat()), (method, moves, seeds) => {
        const shuffled = moves
          .map((m) => ({ m, k: seeds.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.m);
        const a = valueMoves(method, EMPTY_STATE, [...moves].sort(compareMoves));
        const b = valueMoves(method, EMPTY_STATE, [...shuffled].sort(compareMoves));
        expect(b).toEqual(a);
      }),
    );
  });

  it('on hand is the sum of the moves, and the value is the sum of what each move changed', () => {
    fc.assert(
      fc.property(arbMethod, arbMoves, (method, moves) => {
        const { state, results } = valueMoves(method, EMPTY_STATE, [...moves].sort(compareMoves));
        expect(state.qty).toBe(moves.reduce((s, m) => s + m.qty, 0));
        expect(state.value).toBe(results.reduce((s, r) => s + r.value, 0));
        if (method === 'fifo' && state.qty > 0)
          expect(state.value).toBe(state.layers.reduce((s, l) => s + l.value, 0));
        if (state.qty === 0) expect(state.value).toBe(0);
      }),
    );
  });

  it('re-valuing from a back-dated move equals a full recomputation', () => {
    fc.assert(
      fc.property(arbMethod, arbMoves, fc.nat(), (method, moves, at) => {
        const sorted = [...moves].sort(compareMoves);
        const k = sorted.length === 0 ? 0 : at % (sorted.length + 1);
        const full = valueMoves(method, EMPTY_STATE, sorted);
        const before = valueMoves(method, EMPTY_STATE, sorted.slice(0, k));
        const rest = valueMoves(method, before.state, sorted.slice(k));
        expect(rest.state).toEqual(full.state);
        expect([...before.results, ...rest.results]).toEqual(full.results);
      }),
    );
  });

  it('never leaves value on an empty shelf and never gives a negative cost to stock bought at a positive price', () => {
    fc.assert(
      fc.property(arbMethod, arbMoves, (method, moves) => {
        const { results } = valueMoves(method, EMPTY_STATE, [...moves].sort(compareMoves));
        for (const r of results) {
          if (r.qtyAfter === 0) expect(r.valueAfter).toBe(0);
          if (r.qtyAfter > 0) expect(r.valueAfter).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
