import { describe, expect, it } from 'vitest';
import { fold, resolveScan, searchItems, type SearchableItem } from './item-search';

const items: SearchableItem[] = [
  { sku: 'KAF-1000', name: 'Kaffee Crema ganze Bohne 1 kg', barcodes: ['4006381333931'] },
  { sku: 'KAF-100', name: 'Kaffee Espresso gemahlen 250 g', barcodes: [] },
  { sku: 'CRE-0200', name: 'Crème fraîche 200 g', barcodes: ['96385074'] },
  { sku: 'TIS-0001', name: 'Tissues, box of 100', barcodes: ['036000291452'] },
  { sku: 'BEC-0300', name: 'Becher Steinzeug 0,3 l (Kaffee)', barcodes: ['SKU-BEC-0300'] },
  { sku: 'ESP-4006', name: 'Espresso cups 4006 series', barcodes: [] },
];

const skus = (query: string) => searchItems(items, query).map((h) => `${h.item.sku}:${h.match}`);

describe('searchItems', () => {
  it('puts an exact barcode first, even when digits also appear in a SKU or name', () => {
    expect(skus('4006381333931')[0]).toBe('KAF-1000:barcode');
    expect(skus('4006')).toEqual(['ESP-4006:name-words', 'KAF-1000:barcode-prefix']);
  });

  it('finds a UPC-A item from the 13 digits an EAN scanner sends, and the reverse', () => {
    expect(skus('0036000291452')).toEqual(['TIS-0001:barcode']);
    const upcStoredAs13 = [{ sku: 'TIS-0001', name: 'Tissues', barcodes: ['0036000291452'] }];
    expect(searchItems(upcStoredAs13, '036000291452').map((h) => h.match)).toEqual(['barcode']);
  });

  it('takes the exact SKU before longer SKUs starting with it, then names', () => {
    expect(skus('kaf-100')).toEqual(['KAF-100:sku', 'KAF-1000:sku-prefix']);
    expect(skus('KAF')).toEqual([
      'KAF-1000:sku-prefix',
      'KAF-100:sku-prefix',
      'BEC-0300:name-words', // "(Kaffee)" in its name
    ]);
    expect(skus('kaffee')).toEqual([
      'KAF-1000:name-start',
      'KAF-100:name-start',
      'BEC-0300:name-words',
    ]);
  });

  it('matches words of the name in any order, ignoring case and accents', () => {
    expect(skus('creme fra')).toEqual(['CRE-0200:name-start']);
    expect(skus('espresso gem')).toEqual(['KAF-100:name-words']);
    expect(skus('bohne kaffee')).toEqual(['KAF-1000:name-words']);
    expect(skus('ohne')).toEqual(['KAF-1000:contains']);
    expect(skus('   ')).toEqual([]);
    expect(skus('tea')).toEqual([]);
    expect(fold(' Crème Fraîche ')).toBe('creme fraiche');
  });

  it('keeps the list’s order among equals and stops at the limit', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      sku: `SCR-${String(i).padStart(4, '0')}`,
      name: `Screw M4 × ${10 + i} mm`,
      barcodes: [],
    }));
    const hits = searchItems(many, 'screw', 50);
    expect(hits).toHaveLength(50);
    expect(hits[0]!.item.sku).toBe('SCR-0000');
    expect(hits[49]!.item.sku).toBe('SCR-0049');
  });
});

describe('resolveScan', () => {
  it('names the one item of a barcode, of its own Code 128 label, or of a typed SKU', () => {
    expect(resolveScan(items, '4006381333931')).toMatchObject({
      ok: true,
      item: { sku: 'KAF-1000' },
    });
    expect(resolveScan(items, 'SKU-BEC-0300')).toMatchObject({
      ok: true,
      item: { sku: 'BEC-0300' },
    });
    expect(resolveScan(items, ' cre-0200 ')).toMatchObject({ ok: true, item: { sku: 'CRE-0200' } });
    expect(resolveScan(items, '0036000291452')).toMatchObject({
      ok: true,
      item: { sku: 'TIS-0001' },
    });
  });

  it('says in words when no item or two items have the code, and never guesses', () => {
    expect(resolveScan(items, '5000112637922')).toEqual({
      ok: false,
      message:
        'No item has the barcode or SKU 5000112637922. Search for the item by name and add this barcode to it, or check the label.',
    });
    const shared = [
      ...items,
      { sku: 'KAF-1000-B', name: 'Kaffee Crema (Aktion)', barcodes: ['4006381333931'] },
    ];
    expect(resolveScan(shared, '4006381333931')).toEqual({
      ok: false,
      message:
        '2 items have the code 4006381333931: KAF-1000 Kaffee Crema ganze Bohne 1 kg, KAF-1000-B Kaffee Crema (Aktion). Give each item its own barcode, then scan again.',
    });
    expect(resolveScan(items, '')).toEqual({ ok: false, message: 'Scan a barcode or type a SKU.' });
  });
});
