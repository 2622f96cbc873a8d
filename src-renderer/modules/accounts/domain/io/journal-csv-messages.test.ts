import { describe, expect, it } from 'vitest';
import { parseJournalCsv, type JournalCsvContext } from './journal-csv';

/** A Manila branch exists, but this device books only into New York. */
const ctx: JournalCsvContext = {
  baseCurrency: 'USD',
  accountCodes: new Set(['1100', '1200', '2100', '4000', '6100', '6200']),
  groupAccounts: new Map([['6000', ['6100', '6200']]]),
  archivedAccounts: new Set(['6150']),
  partyCodes: new Map([['C-0042', 'party:01HX42']]),
  branches: new Set(['NYC']),
  knownBranches: new Set(['NYC', 'LON', 'MNL']),
  defaultBranch: 'NYC',
  lockDate: '2022-12-31',
};

const HEADER = 'date,entry reference,account code,debit,credit,currency,memo,party,branch';

function problems(lines: string[]) {
  const r = parseJournalCsv([HEADER, ...lines].join('\n'), ctx);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

describe('journal import messages say what is really wrong, once', () => {
  it('another branch that exists: says so and what to do, not "there is no branch"', () => {
    const p = problems([
      '2023-03-31,MNL-ACC-03,6100,850.00,,USD,Manila office rent,,MNL',
      '2023-03-31,MNL-ACC-03,2100,,850.00,USD,Manila office rent,,MNL',
    ]);
    expect(p).toHaveLength(2);
    expect(p[0]).toMatchObject({ line: 2, column: 'branch' });
    expect(p[0]!.message).toContain('Branch MNL exists');
    expect(p[0]!.message).toContain('you can book into NYC');
    expect(p[0]!.message).not.toContain('There is no branch');
    // A branch that does not exist anywhere is still called missing.
    const typo = problems([
      '2023-03-31,A,6100,1.00,,USD,,,MNX',
      '2023-03-31,A,2100,,1.00,USD,,,MNX',
    ]);
    expect(typo[0]!.message).toContain('There is no branch "MNX"');
  });

  it('a group account: says it is a group and names its sub-accounts', () => {
    const p = problems([
      '2023-03-31,ADJ-0301,6000,1250.00,,USD,March expenses,,',
      '2023-03-31,ADJ-0301,2100,,1250.00,USD,March expenses,,',
    ]);
    expect(p).toEqual([
      {
        line: 2,
        column: 'account code',
        message:
          '6000 is a group account: it only adds up its sub-accounts and cannot be booked to. Use one of its sub-accounts (6100, 6200).',
      },
    ]);
  });

  it('an archived account is called archived, not missing', () => {
    const p = problems([
      '2023-03-31,ADJ-0302,6150,40.00,,USD,Old phone line,,',
      '2023-03-31,ADJ-0302,2100,,40.00,USD,Old phone line,,',
    ]);
    expect(p[0]!.message).toContain('Account 6150 is archived');
  });

  it('a day that does not exist is called that, not a format problem', () => {
    const p = problems([
      '2023-02-30,ADJ-0228,6100,100.00,,USD,Month-end accrual,,',
      '2023-02-30,ADJ-0228,2100,,100.00,USD,Month-end accrual,,',
    ]);
    expect(p[0]).toMatchObject({ line: 2, column: 'date' });
    expect(p[0]!.message).toBe(
      '"2023-02-30" is not a real date: February 2023 has 28 days. Check the day and the month.',
    );
    expect(
      problems(['2024-13-01,X,6100,1.00,,USD,,,', '2024-13-01,X,2100,,1.00,USD,,,'])[0]!.message,
    ).toContain('there is no month 13');
    expect(
      problems(['31/03/2023,X,6100,1.00,,USD,,,', '31/03/2023,X,2100,,1.00,USD,,,'])[0]!.message,
    ).toContain('not a date in the format YYYY-MM-DD');
  });

  it('an unquoted 1,234.50: one message per line naming the cause, no follow-on errors', () => {
    const p = problems([
      '2023-03-31,ADJ-0331,6100,1,234.50,,USD,March rent accrual,,',
      '2023-03-31,ADJ-0331,2100,,1,234.50,USD,March rent accrual,,',
      '2023-03-31,ADJ-0332,6200,"2,100.00",,USD,Utilities,,',
      '2023-03-31,ADJ-0332,2100,,1,002,100.00,USD,Utilities,,',
    ]);
    expect(p.map((x) => x.line)).toEqual([2, 3, 5]);
    expect(p[0]!.message).toBe(
      'The amount 1,234.50 is not in quotes, so its comma split it into two columns. Put amounts with a comma in double quotes ("1,234.50"), or write 1234.50.',
    );
    expect(p[2]!.message).toContain('1,002,100.00');
    // The entry 0332 does not balance (2,100.00 against 1,002,100.00) but its line is already
    // refused: fixing the quotes comes first, and nothing else is said about it.
    for (const x of p) expect(x.message).not.toMatch(/values but the header|currency|balance/);
  });

  it('a comma in an unquoted memo still gets the column-count message', () => {
    const p = problems([
      '2023-03-31,ADJ-0333,6100,300.00,,USD,Rent, March,,NYC',
      '2023-03-31,ADJ-0333,2100,,300.00,USD,Rent March,,',
    ]);
    expect(p[0]!.message).toContain('This line has 10 values but the header has 9 columns');
  });
});
