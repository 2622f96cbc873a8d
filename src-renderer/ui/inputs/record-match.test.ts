import { describe, expect, it } from 'vitest';
import { matchRank, rankOptions } from './record-match';

const chart = [
  { value: '41000', label: '41000 Sales to related companies' },
  { value: '1410', label: '1410 Prepaid rent' },
  { value: '4100', label: '4100 Sales — consulting' },
  { value: '6100', label: '6100 Office supplies' },
  { value: '6110', label: '6110 Rent' },
  { value: '6700', label: '6700 Bank charges' },
];

describe('which option Enter takes', () => {
  it('the exact code first, then codes starting with it, then codes containing it', () => {
    expect(rankOptions(chart, '4100').map((o) => o.value)).toEqual(['4100', '41000']);
    expect(rankOptions(chart, '41').map((o) => o.value)).toEqual(['41000', '4100', '1410']);
  });

  it('a name: its first word before a word inside, every typed word must be there', () => {
    expect(rankOptions(chart, 'rent').map((o) => o.value)).toEqual(['1410', '6110']);
    expect(rankOptions(chart, 'off sup').map((o) => o.value)).toEqual(['6100']);
    expect(rankOptions(chart, 'consult').map((o) => o.value)).toEqual(['4100']);
    expect(rankOptions(chart, 'payroll')).toEqual([]);
  });

  it('nothing typed keeps the list as it is, up to the limit; case does not matter', () => {
    expect(rankOptions(chart, '  ', 2).map((o) => o.value)).toEqual(['41000', '1410']);
    expect(matchRank('C-0042 Acme Ltd', 'c-0042')).toBe(0);
    expect(matchRank('C-0042 Acme Ltd', 'acme')).toBe(3);
    expect(matchRank('C-0042 Acme Ltd', 'globex')).toBeNull();
  });
});
