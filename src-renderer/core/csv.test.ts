import { describe, expect, it } from 'vitest';
import { csvCell, isFormulaRisk, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes only fields that need it, doubles quotes and ends every record with CRLF', () => {
    expect(toCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', 12, ' edge ']])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",12," edge "\r\n',
    );
    expect(
      toCsv([
        ['a', ''],
        ['', 'b'],
      ]),
    ).toBe('a,\r\n,b\r\n');
    expect(toCsv([])).toBe('');
    expect(toCsv([['a;b', 'c']], ';')).toBe('"a;b";c\r\n');
  });
});

describe('formula cells', () => {
  const attacks = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1+1',
    '\0=1',
    ' =HYPERLINK("http://x","y")',
    '\u00a0=1+1',
    '\u2007+1',
    '\u202f@SUM(A1)',
    '\u3000=1',
    '\u200b=1',
    '\ufeff=1',
    '\uff1dHYPERLINK("http://x")',
    '\uff0b1',
    '\uff0d1',
    '\uff20SUM(A1)',
    '-',
    '=',
  ];

  it.each(attacks)('defuses %j with an apostrophe inside quotes', (text) => {
    expect(isFormulaRisk(text)).toBe(true);
    const out = csvCell(text);
    expect(out.startsWith(`"'`)).toBe(true);
    expect(out).toBe(`"'${text.replace(/"/g, '""')}"`);
  });

  it('leaves plain numbers as numbers so money columns still add up', () => {
    for (const n of ['-12.50', '12.50', '0.00', '-0.07', '1234', '-1234'])
      expect(csvCell(n)).toBe(n);
    expect(csvCell(-7)).toBe('-7');
  });

  it('leaves ordinary text alone', () => {
    for (const t of ['Rent, March', 'Acme Ltd', '2026-03-31', "O'Brien", '1-30', 'Total'])
      expect(isFormulaRisk(t)).toBe(false);
    expect(csvCell('Acme Ltd')).toBe('Acme Ltd');
  });

  it('treats number look-alikes that are not plain decimals as text', () => {
    for (const t of ['-1e5', '+12', '-1,000.00', '- 5', '-12.50x'])
      expect(isFormulaRisk(t)).toBe(true);
  });
});
