import { describe, expect, it } from 'vitest';
import { parseChartCsv } from './chart-csv';
import type { ImportResult } from './report';

const HEADER = 'code,name,kind,subtype,parent code,currency,description';

function problemsOf<T>(r: ImportResult<T>) {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

describe('parseChartCsv', () => {
  it('reads accounts, derives group accounts and orders parents first', () => {
    const text = [
      HEADER,
      '1210,Euro account,asset,bank,1200,eur,"Held at Commerzbank, Frankfurt"',
      '1200,Bank accounts,asset,bank,1000,,',
      '4000,Sales,,sales,,,',
    ].join('\r\n');
    const r = parseChartCsv(text, new Set(['1000']));
    // toMatchObject: fields added to accounts later (bank identifiers…) take their defaults.
    expect(r).toMatchObject({
      ok: true,
      warnings: [],
      guessed: [],
      items: [
        {
          code: '1200',
          name: 'Bank accounts',
          kind: 'asset',
          subtype: 'bank',
          parentCode: '1000',
          isGroup: true,
          currency: null,
          description: '',
          archived: false,
        },
        {
          code: '1210',
          name: 'Euro account',
          kind: 'asset',
          subtype: 'bank',
          parentCode: '1200',
          isGroup: false,
          currency: 'EUR',
          description: 'Held at Commerzbank, Frankfurt',
          archived: false,
        },
        {
          code: '4000',
          name: 'Sales',
          kind: 'income',
          subtype: 'sales',
          parentCode: null,
          isGroup: false,
          currency: null,
          description: '',
          archived: false,
        },
      ],
    });
  });

  it('maps schema issues to lines and columns, and reports all of them', () => {
    const text = [
      HEADER,
      'bad code!,Cash,asset,cash,,,', // 2 code
      '1300,,asset,cash,,,', // 3 name
      '1400,Stock,assets,inventory,,,', // 4 kind
      '1500,Rent,expense,sales,,,', // 5 subtype of another kind
      '1600,Misc,expense,sundry,,,', // 6 unknown subtype
      '1700,Dollar cash,asset,cash,,US,', // 7 currency
    ].join('\n');
    const problems = problemsOf(parseChartCsv(text, new Set()));
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'code'],
      [3, 'name'],
      [4, 'kind'],
      [5, 'subtype'],
      [6, 'subtype'],
      [7, 'currency'],
    ]);
    expect(problems[2]!.message).toMatch(/"assets" is not a kind of account/);
    expect(problems[3]!.message).toMatch(/belongs to income accounts, not expense/);
  });

  it('refuses duplicate codes, codes already in the chart, unknown parents and parent loops', () => {
    const text = [
      HEADER,
      '1200,Bank,asset,bank,,,', // 2
      '1200,Bank again,asset,bank,,,', // 3 duplicate in file
      '1100,Debtors,asset,receivable,,,', // 4 exists
      '1300,Cash,asset,cash,9999,,', // 5 unknown parent
      '1400,A,asset,cash,1500,,', // 6 loop
      '1500,B,asset,cash,1400,,', // 7 loop
      '1600,Self,asset,cash,1600,,', // 8 self
    ].join('\n');
    const problems = problemsOf(parseChartCsv(text, new Set(['1100'])));
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'code'],
      [4, 'code'],
      [5, 'parent code'],
      [6, 'parent code'],
      [8, 'parent code'],
    ]);
    expect(problems[0]!.message).toMatch(/already used on line 2/);
    expect(problems[3]!.message).toMatch(/1400 → 1500 → 1400/);
  });

  it('refuses a file without the required columns (the sub-type may be left out)', () => {
    const problems = problemsOf(parseChartCsv('code,name\n1200,Bank\n', new Set()));
    expect(problems.map((p) => p.column)).toEqual(['kind']);
    expect(problems.every((p) => p.line === 1)).toBe(true);
  });
});
