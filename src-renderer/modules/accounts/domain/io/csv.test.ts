import { describe, expect, it } from 'vitest';
import { detectSeparator, mapHeader, readCsv } from './csv';

describe('CSV reader', () => {
  it('reads quoted fields with separators, quotes and line breaks, keeping the physical start line', () => {
    const { rows, problems } = readCsv(
      '\ufeffa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(rows[0]!.fields).toEqual(['a', 'b', 'c']);
    expect(rows[1]!.fields).toEqual(['x, y', 'say "hi"', 'two\r\nlines']);
    expect(rows[1]!.quoted).toEqual([true, true, true]);
    expect(rows[2]!.fields).toEqual(['last', '', '']);
  });

  it('detects the separator from the header, ignoring quoted text', () => {
    expect(detectSeparator('date;"memo, long";amount\n1,2,3,4')).toBe(';');
    expect(detectSeparator('date,amount')).toBe(',');
    expect(detectSeparator('date\tamount')).toBe('\t');
  });

  it('reports an unclosed quote at the line where it opened', () => {
    const { problems } = readCsv('a,b\n1,"open\n2,3\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(2);
  });

  it('maps headers regardless of case, spacing and order, and reports missing and doubled columns', () => {
    const header = readCsv('Account_Code, DEBIT ,extra,debit').rows[0]!;
    const m = mapHeader(header, [
      { key: 'account', names: ['account code'], required: true },
      { key: 'debit', names: ['debit'], required: true },
      { key: 'date', names: ['date'], required: true },
    ]);
    expect(m.index).toEqual({ account: 0, debit: 1 });
    expect(m.problems.map((p) => p.column)).toEqual(['debit', 'date']);
    expect(m.warnings.map((p) => p.column)).toEqual(['extra']);
  });
});
