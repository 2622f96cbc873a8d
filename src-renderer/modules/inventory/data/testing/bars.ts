/**
 * Reads barcodes back from the SVG bwip-js draws, by the symbologies' published tables, so a
 * test checks the bars a scanner would see rather than trusting the library that drew them.
 * EAN/UPC: GS1 General Specifications §5.2 (number sets A, B, C and the left-half parity table);
 * Code 128: ISO/IEC 15417 Table 1 (bar/space widths of the 107 symbol characters).
 */

/** The dark (1) and light (0) modules across the symbol, quiet zones included. */
export function svgModules(svg: string): {
  modules: number[];
  quietLeft: number;
  quietRight: number;
} {
  const view = /viewBox="0 0 ([\d.]+) [\d.]+"/.exec(svg);
  if (!view) throw new Error('no viewBox');
  const modules: number[] = Array.from({ length: Math.round(Number(view[1])) }, () => 0);
  for (const path of svg.matchAll(/stroke-width="([\d.]+)" d="([^"]+)"/g)) {
    const w = Number(path[1]);
    for (const m of path[2]!.matchAll(/M([\d.]+) [\d.]+L/g)) {
      const x = Number(m[1]);
      for (let i = Math.round(x - w / 2); i < Math.round(x + w / 2); i++) modules[i] = 1;
    }
  }
  const first = modules.indexOf(1);
  const last = modules.lastIndexOf(1);
  return {
    modules: modules.slice(first, last + 1),
    quietLeft: first,
    quietRight: modules.length - 1 - last,
  };
}

const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const R = L.map((c) => [...c].map((b) => (b === '1' ? '0' : '1')).join(''));
const G = R.map((c) => [...c].reverse().join(''));
const PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLG',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];

/** The digits of an EAN-13 (95 modules) or EAN-8 (67 modules). */
export function decodeEan(modules: number[]): string {
  const bits = modules.join('');
  const half = bits.length === 95 ? 6 : bits.length === 67 ? 4 : 0;
  if (!half) throw new Error(`not an EAN: ${bits.length} modules`);
  if (!bits.startsWith('101') || !bits.endsWith('101')) throw new Error('no guard bars');
  if (bits.slice(3 + 7 * half, 8 + 7 * half) !== '01010') throw new Error('no centre guard');
  const chunk = (i: number, offset: number) => bits.slice(offset + 7 * i, offset + 7 * i + 7);
  let parity = '';
  let left = '';
  for (let i = 0; i < half; i++) {
    const c = chunk(i, 3);
    const l = L.indexOf(c);
    const g = G.indexOf(c);
    if (l < 0 && g < 0) throw new Error(`unreadable left digit ${i}`);
    left += String(l >= 0 ? l : g);
    parity += l >= 0 ? 'L' : 'G';
  }
  let right = '';
  for (let i = 0; i < half; i++) {
    const r = R.indexOf(chunk(i, 8 + 7 * half));
    if (r < 0) throw new Error(`unreadable right digit ${i}`);
    right += String(r);
  }
  if (half === 4) return left + right;
  const first = PARITY.indexOf(parity);
  if (first < 0) throw new Error(`no first digit has parity ${parity}`);
  return String(first) + left + right;
}

// ISO/IEC 15417 Table 1: bar, space, bar, space, bar, space widths of values 0–106.
const CODE128 = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 ' +
  '122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 ' +
  '321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 ' +
  '211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 ' +
  '213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 ' +
  '121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 ' +
  '241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 ' +
  '412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 ' +
  '211214 211232 2331112'
).split(' ');

/** The text of a Code 128 symbol (code sets A, B and C), its mod-103 check character verified. */
export function decodeCode128(modules: number[]): string {
  const runs: number[] = [];
  for (let i = 0; i < modules.length;) {
    let j = i;
    while (j < modules.length && modules[j] === modules[i]) j++;
    runs.push(j - i);
    i = j;
  }
  const values: number[] = [];
  for (let i = 0; i + 6 <= runs.length - 7; i += 6) {
    const v = CODE128.indexOf(runs.slice(i, i + 6).join(''));
    if (v < 0) throw new Error(`unreadable symbol at run ${i}`);
    values.push(v);
  }
  if (runs.slice(-7).join('') !== CODE128[106]) throw new Error('no stop pattern');
  const [start, ...rest] = values;
  const check = rest.pop()!;
  const sum = rest.reduce((s, v, i) => s + v * (i + 1), start!);
  if (sum % 103 !== check) throw new Error('check character does not match');
  let set = start === 103 ? 'A' : start === 104 ? 'B' : start === 105 ? 'C' : '';
  if (!set) throw new Error('no start character');
  let text = '';
  for (const v of rest) {
    if (set === 'C' && v < 100) text += String(v).padStart(2, '0');
    else if (v === 99) set = 'C';
    else if (v === 100) set = 'B';
    else if (v === 101) set = 'A';
    else if (set === 'B') text += String.fromCharCode(v + 32);
    else text += String.fromCharCode(v < 64 ? v + 32 : v - 64);
  }
  return text;
}
