import { describe, expect, it } from 'vitest';
import {
  decodeStatement,
  guessDateFormat,
  guessDecimalSeparator,
  initialMapping,
  selectionState,
} from './selection';

describe('selectionState', () => {
  it('shows the live difference and enables matching only when it is zero', () => {
    expect(selectionState([12_500], [7_500])).toMatchObject({ difference: 5_000, canMatch: false });
    expect(selectionState([12_500], [7_500, 5_000])).toMatchObject({
      difference: 0,
      canMatch: true,
      hint: null,
    });
    expect(selectionState([], [])).toMatchObject({ canMatch: false });
    expect(selectionState([50, 50], [60, 40])).toMatchObject({ difference: 0, canMatch: false });
  });
});

describe('CSV mapping guesses', () => {
  it('reads date and number layouts off sample cells', () => {
    expect(guessDateFormat(['02.03.2026', '13.03.2026'])).toBe('DD.MM.YYYY');
    expect(guessDateFormat(['2026-03-02'])).toBe('YYYY-MM-DD');
    expect(guessDateFormat(['03/13/2026'])).toBe('MM/DD/YYYY');
    expect(guessDateFormat(['13/03/2026'])).toBe('DD/MM/YYYY');
    expect(guessDecimalSeparator(['-1.250,00', '3.570,00'])).toBe(',');
    expect(guessDecimalSeparator(['-1,250.00', '4.5'])).toBe('.');
    expect(
      initialMapping(
        { date: 'Date', amount: 'Amount', description: 'Details' },
        ['2026-03-02'],
        ['1.50'],
      ),
    ).toMatchObject({
      date: 'Date',
      amount: 'Amount',
      description: 'Details',
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
    });
  });

  it('decodes Windows-1252 files that are not UTF-8, and says so', () => {
    expect(decodeStatement(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toMatchObject({
      ok: true,
      text: 'Müller',
      note: expect.stringContaining('Windows-1252'),
    });
    expect(decodeStatement(new TextEncoder().encode('Müller'))).toMatchObject({
      ok: true,
      text: 'Müller',
      note: null,
    });
  });
});
