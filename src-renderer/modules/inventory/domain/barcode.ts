/**
 * Barcodes an item may carry and what a label prints: the GS1 numbers on retail goods (EAN-13,
 * EAN-8, UPC-A) and a company's own codes printed as Code 128. A GS1 number ends in a check
 * digit (GS1 General Specifications §7.9.1): a misread or mistyped digit is caught here, before
 * it is saved on an item or printed on a hundred labels.
 */

export type BarcodeKind = 'ean13' | 'ean8' | 'upca' | 'code128';

export const BARCODE_WORDS: Record<BarcodeKind, string> = {
  ean13: 'EAN-13',
  ean8: 'EAN-8',
  upca: 'UPC-A',
  code128: 'Code 128',
};

const GTIN_LENGTH: Record<Exclude<BarcodeKind, 'code128'>, number> = {
  ean13: 13,
  ean8: 8,
  upca: 12,
};

/** Longer codes no longer fit a 2½-inch label at a width a hand scanner reads. */
export const CODE128_MAX = 40;

export type BarcodeCheck =
  { ok: true; kind: BarcodeKind; code: string } | { ok: false; message: string };

/**
 * The GS1 check digit of a number's other digits: from the right, digits are weighted 3, 1, 3,
 * 1…; the check digit takes the sum up to the next multiple of ten. The same rule for every GTIN
 * length, which is why it counts from the right.
 */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`Not digits: ${body}`);
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(body[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** A number without its check digit made whole: 12 digits → EAN-13, 7 → EAN-8, 11 → UPC-A. */
export function completeGtin(body: string): BarcodeCheck {
  const digits = body.trim();
  const kind = ({ 12: 'ean13', 7: 'ean8', 11: 'upca' } as const)[digits.length];
  if (!/^\d+$/.test(digits) || !kind) {
    return {
      ok: false,
      message: `Type the first 12 digits of an EAN-13 (or 7 of an EAN-8, 11 of a UPC-A) to get its check digit; "${digits}" is not one of those.`,
    };
  }
  return { ok: true, kind, code: digits + String(gs1CheckDigit(digits)) };
}

/** Which GS1 kind a number of this many digits is, if any. */
function gtinKind(digits: string): Exclude<BarcodeKind, 'code128'> | null {
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 13) return 'ean13';
  if (digits.length === 12) return 'upca';
  if (digits.length === 8) return 'ean8';
  return null;
}

function checkGtin(code: string, kind: Exclude<BarcodeKind, 'code128'>): BarcodeCheck {
  const word = BARCODE_WORDS[kind];
  const length = GTIN_LENGTH[kind];
  if (!/^\d+$/.test(code) || code.length !== length) {
    return {
      ok: false,
      message: `An ${word} has ${length} digits and nothing else; "${code}" does not.`,
    };
  }
  const expected = gs1CheckDigit(code.slice(0, -1));
  if (Number(code.at(-1)) !== expected) {
    return {
      ok: false,
      message: `${code} is not a valid ${word}: its last digit should be ${expected}. Check the number on the pack, or print it as Code 128 if it is your own code.`,
    };
  }
  return { ok: true, kind, code };
}

/** Code 128 prints the printable ASCII characters (space to ~); anything else has no bars. */
function checkCode128(code: string): BarcodeCheck {
  if (code === '') return { ok: false, message: 'Enter a barcode.' };
  const bad = [...code].find((c) => c < ' ' || c > '~');
  if (bad !== undefined) {
    return {
      ok: false,
      message: `A Code 128 barcode holds only letters A–Z, digits and ordinary punctuation; "${bad}" cannot be printed. Leave it out or replace it.`,
    };
  }
  if (code.length > CODE128_MAX) {
    return {
      ok: false,
      message: `A barcode of ${code.length} characters is too long for a label (at most ${CODE128_MAX}). Use a shorter code.`,
    };
  }
  return { ok: true, kind: 'code128', code };
}

/**
 * Whether `text` is a barcode of `kind`, or (without a kind) of the kind it looks like: 8, 12 or
 * 13 digits are GS1 numbers and must check (a wrong last digit is almost always a typo, and
 * printing it would make labels no till can read); anything else is a Code 128 code. Surrounding
 * spaces are dropped; inner spaces are not (a code with a space is a different code).
 */
export function checkBarcode(text: string, kind?: BarcodeKind): BarcodeCheck {
  const code = text.trim();
  const k = kind ?? gtinKind(code) ?? 'code128';
  return k === 'code128' ? checkCode128(code) : checkGtin(code, k);
}

/**
 * The one form a barcode is stored and looked up in, so a scan finds the item whichever way its
 * number was typed: a UPC-A is the EAN-13 with a leading 0 (GS1: both are the same GTIN),
 * GS1 numbers are digits only, other codes are kept as they are (their case matters to a
 * scanner). A UPC-A scanned by an EAN till arrives as 13 digits, and one typed off a US box as 12.
 */
export function normaliseBarcode(text: string): string {
  const code = text.trim();
  return gtinKind(code) === 'upca' ? `0${code}` : code;
}

/** The barcode kind to print a stored code with: a checked GS1 number as itself, else Code 128. */
export function printableKind(code: string): BarcodeKind {
  const check = checkBarcode(code);
  return check.ok ? check.kind : 'code128';
}
