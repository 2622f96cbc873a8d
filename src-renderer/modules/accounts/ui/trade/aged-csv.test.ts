import { describe, expect, it } from 'vitest';
import type { AgedRow } from '../../domain/aging';
import { agedCsv, agedTotals } from './aged-csv';

describe('aged report', () => {
  const rows: AgedRow[] = [
    {
      partyId: 'p1',
      buckets: { current: 100, '1-30': 0, '31-60': 2550, '61-90': 0, '90+': 1 },
      total: 2651,
    },
    {
      partyId: 'p2',
      buckets: { current: -500, '1-30': 1000, '31-60': 0, '61-90': 0, '90+': 0 },
      total: 500,
    },
  ];
  it('totals every bucket', () => {
    expect(agedTotals(rows)).toMatchObject({
      buckets: { current: -400, '1-30': 1000, '31-60': 2550, '61-90': 0, '90+': 1 },
      total: 3151,
    });
  });
  it('exports exact decimals and quotes names', () => {
    const csv = agedCsv(rows, (id) => (id === 'p1' ? 'Acme, Inc.' : 'Bob "B"'), 'USD');
    expect(csv.split('\r\n')).toEqual([
      'Party,Current,1-30,31-60,61-90,90+,Total',
      '"Acme, Inc.",1.00,0.00,25.50,0.00,0.01,26.51',
      '"Bob ""B""",-5.00,10.00,0.00,0.00,0.00,5.00',
      'Total,-4.00,10.00,25.50,0.00,0.01,31.51',
      '',
    ]);
    expect(agedCsv(rows.slice(0, 1), () => 'X', 'JPY').split('\r\n')[1]).toBe(
      'X,100,0,2550,0,1,2651',
    );
  });
});
