import { describe, expect, it } from 'vitest';
import type { StockMove } from '../../domain/schemas';
import { beans, mainStore, backRoom } from '../testing/fixtures';
import { correctionOf, countDifference, fieldsOnRows, moveInput, newLine } from './move-lines';

const move = (kind: StockMove['kind'], qty: string, toWarehouse: string | null = null) =>
  ({
    _id: 'stockMove:01JMOVE0000000000000000000',
    kind,
    date: '2026-03-04',
    warehouse: mainStore._id,
    toWarehouse,
    lines: [{ item: beans._id, qty, unit: 'bag', factor: '1', unitCost: 850 }],
  }) as unknown as StockMove;

describe('move lines', () => {
  it('undoes a receipt by taking it out, a delivery by putting it back at its cost, an internal move by moving it back', () => {
    expect(correctionOf(move('receipt', '12'))).toMatchObject({
      kind: 'adjustment',
      warehouse: mainStore._id,
      lines: [{ item: beans._id, qty: '-12', unitCost: null }],
    });
    expect(correctionOf(move('delivery', '3'))).toMatchObject({
      kind: 'adjustment',
      lines: [{ qty: '3', unitCost: 850 }],
    });
    expect(correctionOf(move('count', '-2')).lines[0]?.qty).toBe('2');
    expect(correctionOf(move('internal', '5', backRoom._id))).toMatchObject({
      kind: 'internal',
      warehouse: backRoom._id,
      toWarehouse: mainStore._id,
      lines: [{ qty: '5' }],
    });
  });

  it('sends a count as shelf minus books, leaves out what matches and puts refusals back on their rows', () => {
    expect(countDifference('18', '20')).toBe('-2');
    expect(countDifference('0.5', '0.25')).toBe('0.25');
    expect(countDifference('lots', '20')).toBeNull();
    const lines = [
      newLine({ item: 'item:matches', counted: '6' }),
      newLine({ item: beans._id, counted: '18' }),
      newLine(),
    ];
    const onHand = new Map([
      ['item:matches', '6'],
      [beans._id, '20'],
    ]);
    const { input, rows } = moveInput(
      { kind: 'count', date: '2026-03-31', warehouse: mainStore._id },
      lines,
      onHand,
    );
    expect(input.lines).toEqual([{ item: beans._id, qty: '-2' }]);
    expect(rows).toEqual([1]);
    expect(fieldsOnRows({ 'lines.0.qty': 'Too many.', warehouse: 'Archived.' }, rows)).toEqual({
      'lines.1.qty': 'Too many.',
      warehouse: 'Archived.',
    });
  });
});
