import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import {
  guessStatementMapping,
  parseStatementCsv,
  statementHeaderIndex,
  type StatementCsvMapping,
} from './statement-csv';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/**
 * statement-revolut.csv follows Revolut's account statement export (Started/Completed Date with
 * times, a PENDING row without a completed date); statement-dkb-preamble.csv follows DKB's
 * Girokonto export (account, period and balance lines above the table, ";" and decimal comma).
 */
describe('bank CSV exports as banks write them', () => {
  it('guesses Revolut columns, reads dates with a time, and skips the pending row with a warning', () => {
    const text = fixture('statement-revolut.csv');
    const guess = guessStatementMapping(readCsv(text).rows[0]!.fields);
    expect(guess).toMatchObject({ date: 'Completed Date', description: 'Description' });
    expect(guess.amount).toBe('Amount');
    const mapping: StatementCsvMapping = {
      date: guess.date!,
      amount: guess.amount!,
      description: guess.description!,
      balance: guess.balance!,
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
      currency: 'EUR',
    };
    const r = parseStatementCsv(text, mapping);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((i) => [i.date, i.amount, i.description, i.balanceAfter])).toEqual([
      ['2022-01-03', 50_000, 'Top-Up by *4421', 51_230],
      ['2022-01-06', -3499, 'Amazon', 47_731],
      ['2022-01-07', -12_000, 'To Lena Berger', 35_731],
    ]);
    expect(r.warnings.map((w) => [w.line, w.column])).toEqual([[5, 'Completed Date']]);
    expect(r.warnings[0]!.message).toMatch(/no date \(a pending transaction\?\) and was skipped/);
  });

  it('finds the header below a 13-line preamble, with or without a saved mapping', () => {
    const text = fixture('statement-dkb-preamble.csv');
    const rows = readCsv(text).rows;
    const at = statementHeaderIndex(rows);
    expect(rows[at]!.line).toBe(14);
    const guess = guessStatementMapping(rows[at]!.fields);
    expect(guess).toMatchObject({
      date: 'Buchungstag',
      amount: 'Betrag (EUR)',
      description: 'Verwendungszweck',
    });
    const r = parseStatementCsv(text, {
      date: 'Buchungstag',
      amount: 'Betrag (EUR)',
      description: 'Verwendungszweck',
      counterparty: 'Auftraggeber / Begünstigter',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      currency: 'EUR',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((i) => [i.date, i.amount, i.counterparty])).toEqual([
      ['2026-03-28', -8600, 'Stadtwerke München'],
      ['2026-03-15', 125_000, 'Alpen Versand AG'],
    ]);
  });

  it('recognises "Transaction Description" and "Completed Date" headers', () => {
    // Lloyds Bank's CSV header, and a Completed Date column as in Revolut and Wise exports.
    expect(
      guessStatementMapping([
        'Transaction Date',
        'Transaction Type',
        'Sort Code',
        'Account Number',
        'Transaction Description',
        'Debit Amount',
        'Credit Amount',
        'Balance',
      ]),
    ).toEqual({
      date: 'Transaction Date',
      description: 'Transaction Description',
      debit: 'Debit Amount',
      credit: 'Credit Amount',
      balance: 'Balance',
    });
    expect(guessStatementMapping(['Completed Date', 'Amount', 'Details']).date).toBe(
      'Completed Date',
    );
  });
});
