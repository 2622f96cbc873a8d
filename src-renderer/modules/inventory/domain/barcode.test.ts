import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBarcode,
  completeGtin,
  gs1CheckDigit,
  normaliseBarcode,
  printableKind,
} from './barcode';

/**
 * Published numbers: GS1 General Specifications §7.9.1 ("Standard check digit calculations for
 * GS1 data structures") and GS1's online check digit calculator use GTIN-13 629104150021 → 3;
 * 4006381333931 (EAN-13), 036000291452 (UPC-A) and 96385074 (EAN-8) are the worked examples of
 * the EAN and UPC articles that follow the same specification.
 */
const PUBLISHED = [
  ['629104150021', 3],
  ['400638133393', 1],
  ['03600029145', 2],
  ['9638507', 4],
] as const;

describe('GS1 check digits', () => {
  it.each(PUBLISHED)('%s → %i', (body, digit) => {
    expect(gs1CheckDigit(body)).toBe(digit);
    expect(completeGtin(body)).toMatchObject({ ok: true, code: `${body}${digit}` });
  });

  it('accepts the published numbers whole, each as its own kind', () => {
    expect(checkBarcode('6291041500213')).toEqual({
      ok: true,
      kind: 'ean13',
      code: '6291041500213',
    });
    expect(checkBarcode(' 4006381333931 ')).toEqual({
      ok: true,
      kind: 'ean13',
      code: '4006381333931',
    });
    expect(checkBarcode('036000291452')).toEqual({ ok: true, kind: 'upca', code: '036000291452' });
    expect(checkBarcode('96385074')).toEqual({ ok: true, kind: 'ean8', code: '96385074' });
  });

  it('catches every single mistyped digit and says which check digit was expected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (at, add) => {
        const good = '4006381333931';
        const typo = good.slice(0, at) + String((Number(good[at]) + add) % 10) + good.slice(at + 1);
        const check = checkBarcode(typo);
        expect(check.ok).toBe(false);
      }),
    );
    expect(checkBarcode('4006381333932')).toEqual({
      ok: false,
      message:
        '4006381333932 is not a valid EAN-13: its last digit should be 1. Check the number on the pack, or print it as Code 128 if it is your own code.',
    });
  });

  it('refuses a number of the wrong length when the kind is given', () => {
    expect(checkBarcode('400638133393', 'ean13')).toEqual({
      ok: false,
      message: 'An EAN-13 has 13 digits and nothing else; "400638133393" does not.',
    });
    expect(checkBarcode('9638507A', 'ean8').ok).toBe(false);
    expect(completeGtin('40063813339').ok).toBe(true); // 11 digits: a UPC-A body
    expect(completeGtin('4006-3813').ok).toBe(false);
  });
});

describe('Code 128 and normalisation', () => {
  it('takes a company code of printable characters as Code 128', () => {
    expect(checkBarcode('SKU-00042/B')).toEqual({ ok: true, kind: 'code128', code: 'SKU-00042/B' });
    expect(checkBarcode('40063813')).toMatchObject({ ok: false }); // 8 digits must check as EAN-8
    expect(checkBarcode('40063813', 'code128')).toMatchObject({ ok: true, kind: 'code128' });
    expect(checkBarcode('123456789')).toMatchObject({ ok: true, kind: 'code128' });
  });

  it('refuses what has no bars, with the character named, and an empty or overlong code', () => {
    expect(checkBarcode('Kaffee Größe L')).toEqual({
      ok: false,
      message:
        'A Code 128 barcode holds only letters A–Z, digits and ordinary punctuation; "ö" cannot be printed. Leave it out or replace it.',
    });
    expect(checkBarcode('A\tB').ok).toBe(false);
    expect(checkBarcode('   ')).toEqual({ ok: false, message: 'Enter a barcode.' });
    expect(checkBarcode('X'.repeat(41))).toMatchObject({ ok: false });
  });

  it('stores a UPC-A as the same GTIN an EAN-13 scan gives', () => {
    expect(normaliseBarcode('036000291452')).toBe('0036000291452');
    expect(normaliseBarcode('0036000291452')).toBe('0036000291452');
    expect(normaliseBarcode(' 96385074 ')).toBe('96385074');
    expect(normaliseBarcode('sku-42')).toBe('sku-42');
    expect(checkBarcode(normaliseBarcode('036000291452'))).toMatchObject({
      ok: true,
      kind: 'ean13',
    });
    expect(printableKind('0036000291452')).toBe('ean13');
    expect(printableKind('4006381333932')).toBe('code128');
  });
});
