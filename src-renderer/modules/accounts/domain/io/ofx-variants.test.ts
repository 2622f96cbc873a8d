import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOfx, parseOfxAccounts } from './ofx';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const checking = fixture('ofx1-checking.ofx');

/** A second statement block as OFX 1.02 writes it (the specification's CCSTMTTRNRS layout). */
const cardBlock = (acctId: string) =>
  [
    '<CREDITCARDMSGSRSV1>',
    '<CCSTMTTRNRS>',
    '<TRNUID>2',
    '<STATUS>',
    '<CODE>0',
    '<SEVERITY>INFO',
    '</STATUS>',
    '<CCSTMTRS>',
    '<CURDEF>USD',
    '<CCACCTFROM>',
    `<ACCTID>${acctId}`,
    '</CCACCTFROM>',
    '<BANKTRANLIST>',
    '<DTSTART>20260301',
    '<DTEND>20260331',
    '<STMTTRN>',
    '<TRNTYPE>DEBIT',
    '<DTPOSTED>20260312',
    '<TRNAMT>-64.20',
    '<FITID>CC-5512',
    '<NAME>OFFICE DEPOT',
    '</STMTTRN>',
    '</BANKTRANLIST>',
    '</CCSTMTRS>',
    '</CCSTMTTRNRS>',
    '</CREDITCARDMSGSRSV1>',
    '',
  ].join('\r\n');

describe('OFX files banks send that are not one plain statement', () => {
  it('reads an OFX 2 XML header over an SGML body', () => {
    const body = checking.slice(checking.indexOf('<OFX>'));
    const text =
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\r\n' +
      body;
    const r = parseOfx(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((i) => i.amount)).toEqual([1_250_000, -125_000, -1550, -475]);
  });

  it('refuses a bank plus a credit-card statement, naming both accounts', () => {
    const r = parseOfx(checking.replace('</OFX>', cardBlock('4000123412341234') + '</OFX>'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/2 bank accounts \(000123456789, 4000123412341234\)/);
  });

  it('reads two statements of the same account as one', () => {
    const r = parseOfx(checking.replace('</OFX>', cardBlock('000123456789') + '</OFX>'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items).toHaveLength(5);
  });

  it("uses the bank account's currency when CURDEF is empty, with a warning", () => {
    const text = checking.replace('<CURDEF>USD', '<CURDEF>');
    expect(parseOfx(text).ok).toBe(false);
    const r = parseOfx(text, { currency: 'USD' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items).toHaveLength(4);
    expect(r.warnings.map((w) => w.message)).toContain(
      "The statement names no currency (CURDEF); the bank account's currency USD was assumed.",
    );
  });

  it('imports the lines with a warning when the closing balance is empty', () => {
    const r = parseOfx(checking.replace('<BALAMT>45230.25', '<BALAMT>'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items).toHaveLength(4);
    expect(r.meta.closingBalance).toBeNull();
    expect(r.warnings[0]!.column).toBe('BALAMT');
  });

  // Modelled on the OFX 2.1.1 specification's investment statement (INVSTMTRS, INVBANKTRAN).
  it('reads the cash lines of an investment statement and leaves the trades out', () => {
    const r = parseOfx(fixture('ofx2-investment-cash.ofx'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.meta.accountId).toBe('8877665544');
    expect(r.items.map((i) => [i.date, i.amount, i.counterparty])).toEqual([
      ['2026-03-02', 500_000, 'TRANSFER FROM CHECKING'],
      ['2026-03-31', 137, 'CREDIT INTEREST'],
    ]);
  });
});

describe('OFX files for several accounts, split for routing', () => {
  it('gives the bank and the credit-card statement apart, each with its ids', () => {
    const r = parseOfxAccounts(
      checking.replace('</OFX>', cardBlock('4000123412341234') + '</OFX>'),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(
      r.statements.map((s) => [s.meta.bankId, s.meta.accountId, s.items.map((i) => i.amount)]),
    ).toEqual([
      ['021000021', '000123456789', [1_250_000, -125_000, -1550, -475]],
      [undefined, '4000123412341234', [-6420]],
    ]);
  });
});
