import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  guessStatementMapping,
  parseStatementCsv,
  type StatementCsvMapping,
} from './statement-csv';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const DE: StatementCsvMapping = {
  date: 'Buchungstag',
  amount: 'Betrag',
  description: 'Verwendungszweck',
  counterparty: 'Auftraggeber',
  balance: 'Saldo',
  dateFormat: 'DD.MM.YYYY',
  decimalSeparator: ',',
  currency: 'EUR',
};

describe('parseStatementCsv', () => {
  it('reads a German bank export (BOM, ";", decimal comma, thousands dots) to exact amounts', () => {
    const r = parseStatementCsv(fixture('statement-de.csv'), DE);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map(({ externalId: _id, ...l }) => l)).toEqual([
      {
        date: '2026-03-02',
        amount: -125000,
        description: 'Miete März; Büro',
        reference: '',
        counterparty: 'Hausverwaltung Nord',
        balanceAfter: 875000,
      },
      {
        date: '2026-03-03',
        amount: 357000,
        description: 'Rechnung 17',
        reference: '',
        counterparty: 'Müller GmbH',
        balanceAfter: 1232000,
      },
      {
        date: '2026-03-03',
        amount: -450,
        description: 'Kaffee',
        reference: '',
        counterparty: 'Café Central',
        balanceAfter: 1231550,
      },
      {
        date: '2026-03-03',
        amount: -450,
        description: 'Kaffee',
        reference: '',
        counterparty: 'Café Central',
        balanceAfter: 1231100,
      },
    ]);
    // Two identical coffees stay two lines; re-reading the file gives the same ids.
    expect(new Set(r.items.map((i) => i.externalId)).size).toBe(4);
    const again = parseStatementCsv(fixture('statement-de.csv'), DE);
    expect(again.ok && again.items.map((i) => i.externalId)).toEqual(
      r.items.map((i) => i.externalId),
    );
    expect(r.meta).toMatchObject({
      currency: 'EUR',
      periodStart: '2026-03-02',
      periodEnd: '2026-03-03',
      openingBalance: null,
    });
  });

  it('reads separate money-out / money-in columns', () => {
    const text =
      'Date,Details,Paid out,Paid in,Ref\n03/31/2026,Fee,"1,015.00",,F1\n04/01/2026,Deposit,,250.5,D1\n04/02/2026,Refund of fee,-15.00,,R1\n';
    const r = parseStatementCsv(text, {
      date: 'Date',
      debit: 'Paid out',
      credit: 'Paid in',
      description: 'Details',
      reference: 'Ref',
      dateFormat: 'MM/DD/YYYY',
      decimalSeparator: '.',
      currency: 'USD',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((i) => [i.date, i.amount, i.reference])).toEqual([
      ['2026-03-31', -101500, 'F1'],
      ['2026-04-01', 25050, 'D1'],
      ['2026-04-02', -1500, 'R1'],
    ]);
  });

  it('refuses bad dates and amounts with line numbers, and missing mapped columns', () => {
    const text =
      'Buchungstag;Verwendungszweck;Betrag\n31.02.2026;A;1,00\n01.03.2026;B;1,005\n2026-03-02;C;x\n02.03.2026;D;\n';
    const r = parseStatementCsv(text, { ...DE, balance: undefined, counterparty: undefined });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'Buchungstag'],
      [3, 'Betrag'],
      [4, 'Buchungstag'],
      [4, 'Betrag'],
      [5, 'Betrag'],
    ]);
    expect(r.problems[0]!.message).toMatch(/DD\.MM\.YYYY/);
    const missing = parseStatementCsv(text, DE);
    expect(missing.ok === false && missing.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'Auftraggeber'],
      [1, 'Saldo'],
    ]);
  });

  it('guesses a mapping from common bank headers', () => {
    expect(guessStatementMapping(['Buchungstag', 'Verwendungszweck', 'Betrag', 'Saldo'])).toEqual({
      date: 'Buchungstag',
      description: 'Verwendungszweck',
      amount: 'Betrag',
      balance: 'Saldo',
    });
    expect(
      guessStatementMapping([
        'Transaction Date',
        'Description',
        'Money Out',
        'Money In',
        'Balance',
        'Reference',
      ]),
    ).toEqual({
      date: 'Transaction Date',
      description: 'Description',
      debit: 'Money Out',
      credit: 'Money In',
      balance: 'Balance',
      reference: 'Reference',
    });
  });
});

describe('parseStatementCsv refuses what it cannot read for sure', () => {
  const US: StatementCsvMapping = {
    date: 'Date',
    amount: 'Amount',
    description: 'Description',
    dateFormat: 'MM/DD/YYYY',
    decimalSeparator: '.',
    currency: 'USD',
  };

  it('refuses an amount with both brackets and a minus instead of reading it as money in', () => {
    const text =
      'Date,Description,Amount\n03/02/2026,Wire fee,(15.00)\n03/03/2026,Chargeback,(-5.00)\n';
    const r = parseStatementCsv(text, US);
    expect(r.ok === false && r.problems).toEqual([
      {
        line: 3,
        column: 'Amount',
        message: expect.stringContaining('both brackets and a sign'),
      },
    ]);
  });

  it('refuses text decoded from bytes that were not UTF-8, naming the line', () => {
    const text = 'Date,Description,Amount\n03/02/2026,Caf\ufffd Central,-4.50\n';
    const r = parseStatementCsv(text, US);
    expect(r.ok === false && r.problems[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('not valid UTF-8'),
    });
  });
});
