/**
 * Stock valuation as a pure fold over one item's moves in one warehouse, in the order every device
 * agrees on (date, then id). The projection keeps the state after each move, so a back-dated move
 * re-values from its own position on, and the result equals a full recomputation (tested).
 *
 * Quantities are scaled integers (see quantity.ts); values are integer minor units of the base
 * currency. The one rounding rule: a share of a value is rounded half away from zero once, and a
 * move that takes everything takes the exact remaining value, so no residue is ever left on an
 * empty shelf.
 *
 * Negative stock (two offline devices deliver the last unit): the quantity beyond stock leaves at
 * the last known unit cost and is held as a negative balance. The next receipt fills it first at
 * its own cost; the difference between that cost and the provisional one is a cost-of-goods
 * adjustment on the receipt (`cogsAdjustment`), so the ledger's inventory still equals the
 * valuation and the under- or over-costing is visible, never hidden.
 */
export type ValuationMethod = 'fifo' | 'average';

export interface ValuationMove {
  id: string;
  /** Accounting date, YYYY-MM-DD. */
  date: string;
  /** Scaled quantity: positive in, negative out; never zero. */
  qty: number;
  /**
   * For an inbound move whose cost is known (a receipt at its price, a transfer arriving at the
   * cost it left with): its total value. Absent on an inbound move, the method values it (the
   * current average, or the last unit cost under FIFO). Ignored on outbound moves.
   */
  value?: number;
}

/** Quantity with its total value; a unit cost kept as a pair so it never rounds. */
export interface Lot {
  qty: number;
  value: number;
}

export interface ValuationState {
  /** On hand: may be negative after deliveries beyond stock. */
  qty: number;
  value: number;
  /** FIFO layers, oldest first (positive stock only; empty under moving average). */
  layers: Lot[];
  /** The last unit cost met, for moves that have no cost of their own. */
  lastCost: Lot | null;
}

export interface MoveValuation {
  id: string;
  /** Change of the stock's value by this move (negative for an outbound move: its cost). */
  value: number;
  /** Extra cost of goods sold when a receipt fills a negative balance (see the file comment). */
  cogsAdjustment: number;
  qtyAfter: number;
  valueAfter: number;
  /** The move took more than was on hand. */
  wentNegative: boolean;
}

export const EMPTY_STATE: ValuationState = Object.freeze({
  qty: 0,
  value: 0,
  layers: [],
  lastCost: null,
}) as ValuationState;

/** The order every device uses: accounting date, then id (ULIDs sort by creation time). */
export function compareMoves(a: { date: string; id: string }, b: { date: string; id: string }) {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** round(a × b / c), half away from zero, exact for any safe integers. */
export function shareOf(value: number, part: number, whole: number): number {
  if (whole === 0) throw new RangeError('A share of nothing.');
  const n = BigInt(value) * BigInt(part);
  const d = BigInt(whole);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  const r = Number(neg ? -q : q);
  return r === 0 ? 0 : r;
}

function costOf(qty: number, lot: Lot | null): number {
  return lot && lot.qty !== 0 ? shareOf(lot.value, qty, lot.qty) : 0;
}

function currentCost(state: ValuationState): Lot | null {
  return state.qty > 0 ? { qty: state.qty, value: state.value } : state.lastCost;
}

/** Values one move against the state before it; returns the state after it. */
export function applyMove(
  method: ValuationMethod,
  state: ValuationState,
  move: ValuationMove,
): { state: ValuationState; result: MoveValuation } {
  if (!Number.isSafeInteger(move.qty) || move.qty === 0)
    throw new RangeError(`Move ${move.id} has no quantity.`);
  const next = move.qty > 0 ? receive(method, state, move) : issue(method, state, move);
  return {
    state: next.state,
    result: {
      id: move.id,
      value: next.state.value - state.value,
      cogsAdjustment: next.cogsAdjustment,
      qtyAfter: next.state.qty,
      valueAfter: next.state.value,
      wentNegative: move.qty < 0 && next.state.qty < 0,
    },
  };
}

function receive(method: ValuationMethod, state: ValuationState, move: ValuationMove) {
  const inValue =
    move.value ??
    (method === 'average'
      ? costOf(move.qty, currentCost(state))
      : costOf(move.qty, state.lastCost));
  const inLot: Lot = { qty: move.qty, value: inValue };
  let cogsAdjustment = 0;
  let qty = state.qty;
  let value = state.value;
  let rest = inLot;
  if (qty < 0) {
    // Fill the negative balance first, at this receipt's cost.
    const fill = Math.min(move.qty, -qty);
    const fillValue = fill === move.qty ? inValue : shareOf(inValue, fill, move.qty);
    const provisional = fill === -qty ? -value : shareOf(-value, fill, -qty);
    cogsAdjustment = fillValue - provisional;
    qty += fill;
    value += provisional;
    rest = { qty: move.qty - fill, value: inValue - fillValue };
  }
  const layers = method === 'fifo' && rest.qty > 0 ? [...state.layers, rest] : state.layers.slice();
  return {
    state: {
      qty: qty + rest.qty,
      value: value + rest.value,
      layers: qty + rest.qty > 0 ? layers : [],
      lastCost: inLot.qty > 0 ? inLot : state.lastCost,
    },
    cogsAdjustment,
  };
}

function issue(method: ValuationMethod, state: ValuationState, move: ValuationMove) {
  const want = -move.qty;
  const onHand = Math.max(state.qty, 0);
  const fromStock = Math.min(want, onHand);
  let cost = 0;
  let layers = state.layers;
  let lastCost = state.lastCost;
  if (fromStock > 0) {
    if (method === 'average') {
      lastCost = { qty: state.qty, value: state.value };
      cost = fromStock === state.qty ? state.value : shareOf(state.value, fromStock, state.qty);
    } else {
      const taken = takeLayers(state.layers, fromStock);
      cost = taken.cost;
      layers = taken.layers;
      lastCost = taken.lastLayer;
    }
  }
  const beyond = want - fromStock;
  if (beyond > 0) cost += costOf(beyond, lastCost);
  return {
    state: { qty: state.qty - want, value: state.value - cost, layers, lastCost },
    cogsAdjustment: 0,
  };
}

function takeLayers(layers: readonly Lot[], qty: number) {
  const left = layers.slice();
  let need = qty;
  let cost = 0;
  let lastLayer: Lot | null = null;
  while (need > 0 && left.length > 0) {
    const layer = left[0]!;
    lastLayer = layer;
    if (layer.qty <= need) {
      cost += layer.value;
      need -= layer.qty;
      left.shift();
    } else {
      const part = shareOf(layer.value, need, layer.qty);
      cost += part;
      left[0] = { qty: layer.qty - need, value: layer.value - part };
      need = 0;
    }
  }
  return { cost, layers: left, lastLayer };
}

/** Folds moves (already in `compareMoves` order) from a state; one result per move. */
export function valueMoves(
  method: ValuationMethod,
  from: ValuationState,
  moves: readonly ValuationMove[],
): { state: ValuationState; results: MoveValuation[] } {
  let state = from;
  const results: MoveValuation[] = [];
  for (const move of moves) {
    const step = applyMove(method, state, move);
    state = step.state;
    results.push(step.result);
  }
  return { state, results };
}
