import { describe, expect, it } from 'vitest';
import { emptyTradeRow, patchTradeRow, withTrailingTradeBlank } from './trade-lines';

const defaults = { account: '4100', taxCode: 'STD' };

describe('the blank line below follows the line above while untouched', () => {
  it('a tax code or account chosen after the blank line appeared carries down to it', () => {
    const first = {
      ...emptyTradeRow(defaults),
      description: 'Consulting, March',
      unitPrice: '950',
    };
    const rows = withTrailingTradeBlank([first], defaults);
    expect(rows).toHaveLength(2);
    const after = patchTradeRow(rows, first.key, { taxCode: 'RED', account: '4200' }, defaults);
    expect(after[1]).toMatchObject({ taxCode: 'RED', account: '4200', description: '' });
    expect(after).toHaveLength(2);
  });

  it('a blank line whose tax code the clerk set stays as set; lines further up do not reach it', () => {
    const a = { ...emptyTradeRow(defaults), description: 'Travel', unitPrice: '120' };
    const b = { ...emptyTradeRow(defaults), description: 'Books', unitPrice: '30' };
    const blank = { ...emptyTradeRow(defaults), taxCode: 'ZERO' };
    const after = patchTradeRow([a, b, blank], b.key, { taxCode: 'RED' }, defaults);
    expect(after[2]!.taxCode).toBe('ZERO');
    const up = patchTradeRow(
      [a, b, { ...blank, taxCode: 'STD' }],
      a.key,
      { taxCode: 'RED' },
      defaults,
    );
    expect(up[2]!.taxCode).toBe('STD');
  });
});
