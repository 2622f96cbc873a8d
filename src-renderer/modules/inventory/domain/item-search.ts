import { normaliseBarcode } from './barcode';

/**
 * Finding an item by what a clerk has in hand: a scanned or typed barcode, a SKU off a shelf
 * tag, or a word of the name. The order decides what Enter takes, so it is a rule with tests:
 * a barcode or SKU that matches exactly first (a scan must land on its item, never on one whose
 * name happens to contain the digits), then SKUs starting with what was typed, then names.
 */

export interface SearchableItem {
  sku: string;
  name: string;
  barcodes: readonly string[];
}

export type ItemMatch =
  'barcode' | 'sku' | 'sku-prefix' | 'name-start' | 'name-words' | 'barcode-prefix' | 'contains';

const RANK: Record<ItemMatch, number> = {
  barcode: 0,
  sku: 1,
  'sku-prefix': 2,
  'name-start': 3,
  'name-words': 4,
  'barcode-prefix': 5,
  contains: 6,
};

export interface ItemHit<T> {
  item: T;
  match: ItemMatch;
}

/** Case and accents do not matter: "creme" finds "Crème fraîche", "kaf" finds "KAF-1000". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

// A shorter run of digits is more likely a quantity or part of a SKU than the start of a barcode.
const BARCODE_PREFIX_MIN = 4;

/** How one item matches the query, or null. `q` and `words` are already folded. */
function matchOf(item: SearchableItem, raw: string, q: string, words: string[]): ItemMatch | null {
  const code = normaliseBarcode(raw);
  if (item.barcodes.some((b) => normaliseBarcode(b) === code)) return 'barcode';
  const sku = fold(item.sku);
  if (sku === q) return 'sku';
  if (sku.startsWith(q)) return 'sku-prefix';
  const name = fold(item.name);
  const nameWords = wordsOf(item.name);
  if (name.startsWith(q)) return 'name-start';
  if (words.length > 0 && words.every((w) => nameWords.some((n) => n.startsWith(w))))
    return 'name-words';
  if (
    q.length >= BARCODE_PREFIX_MIN &&
    /^\d+$/.test(q) &&
    item.barcodes.some((b) => b.startsWith(q) || normaliseBarcode(b).startsWith(q))
  ) {
    return 'barcode-prefix';
  }
  if (words.length > 0 && words.every((w) => name.includes(w) || sku.includes(w)))
    return 'contains';
  return null;
}

/** The items matching `query`, best first, the list's own order among equals, at most `limit`. */
export function searchItems<T extends SearchableItem>(
  items: readonly T[],
  query: string,
  limit = 50,
): ItemHit<T>[] {
  const raw = query.trim();
  const q = fold(raw);
  if (q === '') return [];
  const words = wordsOf(raw);
  const hits: (ItemHit<T> & { i: number })[] = [];
  items.forEach((item, i) => {
    const match = matchOf(item, raw, q, words);
    if (match) hits.push({ item, match, i });
  });
  return hits
    .sort((a, b) => RANK[a.match] - RANK[b.match] || a.i - b.i)
    .slice(0, limit)
    .map(({ item, match }) => ({ item, match }));
}

export type ScanResult<T> = { ok: true; item: T } | { ok: false; message: string };

/**
 * The one item a scan or a typed code names: its barcode, else its SKU exactly. A receipt or
 * count screen adds a line only on a single exact match; anything else is said in words, so a
 * clerk never counts stock against the wrong item.
 */
export function resolveScan<T extends SearchableItem>(
  items: readonly T[],
  scanned: string,
): ScanResult<T> {
  const code = scanned.trim();
  if (code === '') return { ok: false, message: 'Scan a barcode or type a SKU.' };
  const norm = normaliseBarcode(code);
  const byBarcode = items.filter((it) => it.barcodes.some((b) => normaliseBarcode(b) === norm));
  const found =
    byBarcode.length > 0 ? byBarcode : items.filter((it) => fold(it.sku) === fold(code));
  if (found.length === 1) return { ok: true, item: found[0]! };
  if (found.length > 1) {
    return {
      ok: false,
      message: `${found.length} items have the code ${code}: ${found
        .map((it) => `${it.sku} ${it.name}`)
        .join(', ')}. Give each item its own barcode, then scan again.`,
    };
  }
  return {
    ok: false,
    message: `No item has the barcode or SKU ${code}. Search for the item by name and add this barcode to it, or check the label.`,
  };
}
