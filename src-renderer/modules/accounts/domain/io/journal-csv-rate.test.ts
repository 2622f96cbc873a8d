import { describe, expect, it } from 'vitest';
import { parseJournalCsv, type JournalCsvContext } from './journal-csv';

const ctx: JournalCsvContext = {
  baseCurrency: 'USD',
  accountCodes: new Set(['1100', '2100', '4100', '6100']),
  partyCodes: new Map([['C-001', 'party:01BAYSIDE']]),
  partyNames: new Map([['bayside cafe', [{ id: 'party:01BAYSIDE', code: 'C-001' }]]]),
  branches: new Set(['NYC']),
  defaultBranch: 'NYC',
  lockDate: null,
};
const HEADER = 'date,entry reference,account code,debit,credit,currency,rate,memo,party';

describe('journal CSV rate column and party names', () => {
  it('carries the rate given on any line of a foreign entry; none means the rate table', () => {
    const r = parseJournalCsv(
      [
        HEADER,
        '2026-04-15,FX-1,6100,100.00,,EUR,,Trade fair,',
        '2026-04-15,FX-1,2100,,100.00,EUR,1.10,Trade fair,',
        '2026-04-16,FX-2,1100,50.00,,eur,,Catering,Bayside Cafe',
        '2026-04-16,FX-2,4100,,50.00,EUR,,Catering,',
      ].join('\n'),
      ctx,
    );
    expect(r.ok && r.items.map((e) => [e.reference, e.rate, e.lines[0]!.party])).toEqual([
      ['FX-1', '1.10', null],
      ['FX-2', null, 'party:01BAYSIDE'],
    ]);
  });

  it('refuses a bad rate, a rate on a base-currency line and two rates in one entry', () => {
    const r = parseJournalCsv(
      [
        HEADER,
        '2026-04-15,FX-1,6100,100.00,,EUR,"1,10",Trade fair,',
        '2026-04-15,FX-1,2100,,100.00,EUR,,Trade fair,',
        '2026-04-16,US-1,6100,10.00,,USD,1.08,Parking,',
        '2026-04-16,US-1,2100,,10.00,USD,,Parking,',
        '2026-04-17,FX-3,6100,20.00,,EUR,1.08,Taxi,',
        '2026-04-17,FX-3,2100,,20.00,EUR,1.09,Taxi,',
      ].join('\n'),
      ctx,
    );
    expect(r.ok ? [] : r.problems.map((p) => [p.line, p.column, p.message.slice(0, 40)])).toEqual([
      [2, 'rate', '"1,10" is not a rate. Write it as a deci'],
      [4, 'rate', 'This line is in USD, the base currency, '],
      [7, 'rate', 'Entry "FX-3" has rate 1.08 on an earlier'],
    ]);
  });
});
