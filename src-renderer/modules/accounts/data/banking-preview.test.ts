import { describe, expect, it } from 'vitest';
import { previewStatement } from './bank-statements';

describe('banking.previewStatement', () => {
  it('splits the first lines of a CSV statement into cells under its header, in the core', () => {
    const csv =
      '\ufeffBuchungstag;Verwendungszweck;Betrag;Saldo\n02.03.2026;"Miete; März";-1.250,00;8.750,00\n03.03.2026;Gebühr;-4,50\n04.03.2026;Zins;0,12;8.745,62\n';
    expect(previewStatement({ text: csv, rows: 2 })).toEqual({
      header: ['Buchungstag', 'Verwendungszweck', 'Betrag', 'Saldo'],
      rows: [
        ['02.03.2026', 'Miete; März', '-1.250,00', '8.750,00'],
        // A short line still has a cell under every column.
        ['03.03.2026', 'Gebühr', '-4,50', ''],
      ],
    });
  });

  it('keeps to a bounded number of lines and answers an empty file with nothing', () => {
    const csv = [
      'Date,Description,Amount',
      ...Array.from({ length: 500 }, (_, i) => `2026-03-01,Card ${i},-1.00`),
    ].join('\n');
    expect(previewStatement({ text: csv, rows: 10_000 }).rows).toHaveLength(100);
    expect(previewStatement({ text: csv }).rows).toHaveLength(20);
    expect(previewStatement({ text: '' })).toEqual({ header: [], rows: [] });
  });
});
